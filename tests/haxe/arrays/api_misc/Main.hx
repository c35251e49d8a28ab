// Covers: remaining Array API: iterator and keyValueIterator, Lambda helpers on arrays, copy
// independence, resize with objects, toString of nested empty arrays, Array.isOfType checks,
// `in` comprehension with conditions, multi-dimensional modifications.
using Lambda;

class Main {
	static function main() {
		var a = ["a", "b", "c"];
		for (i => v in a)
			Sys.print('$i$v ');
		Sys.println("");
		var it = a.keyValueIterator();
		var first = it.next();
		Sys.println(first.key + first.value);
		Sys.println(a.map(s -> s.toUpperCase()).join(""));
		Sys.println([1, 2, 3, 4].fold((x, acc) -> acc + x, 0) + " " + [1, 2, 3].find(x -> x > 1) + " " + [1, 2, 3].findIndex(x -> x == 3));
		Sys.println(Lambda.count([1, 2, 3], x -> x > 1) + " " + Lambda.empty([]) + " " + [1, 2].array());
		var objs = ["x", "y"];
		objs.resize(4);
		Sys.println(objs);
		Sys.println([[], [[]]]);
		Sys.println(Std.isOfType([1], Array) + " " + Std.isOfType("s", Array));
		var m = [[0, 0], [0, 0]];
		m[0][1] = 5;
		m[1] = [7];
		Sys.println(m);
		Sys.println([for (x in [1, 2, 3]) for (y in [1, 2]) if (x != y) x * y]);
	}
}
