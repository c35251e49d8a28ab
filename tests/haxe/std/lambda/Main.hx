// Covers: Lambda on arrays, lists and iterables: map, mapi, filter, exists, foreach, iter, fold,
// foldi, count, empty, indexOf, find, findIndex, concat, has, flatten, flatMap, array, list.
using Lambda;

class Main {
	static function main() {
		var a = [1, 2, 3, 4];
		Sys.println(a.map(x -> x * x) + " " + a.mapi((i, x) -> i * x) + " " + a.filter(x -> x % 2 == 0));
		Sys.println(a.exists(x -> x > 3) + " " + a.foreach(x -> x > 0) + " " + a.foreach(x -> x > 1));
		var s = 0;
		a.iter(x -> s += x);
		Sys.println(s + " " + a.fold((x, acc) -> acc * x, 1) + " " + Lambda.foldi(a, (x, acc, i) -> acc + x * i, 0));
		Sys.println(a.count() + " " + a.count(x -> x > 2) + " " + [].empty() + " " + a.indexOf(3) + " " + a.find(x -> x > 2) + " " + a.findIndex(x -> x > 2));
		Sys.println(a.concat([5]).array() + " " + a.has(4) + " " + [[1], [2, 3]].flatten() + " " + a.flatMap(x -> [x, x]).array());
		var l = a.list();
		Sys.println(l + " " + l.length);
		var it = {iterator: () -> [10, 20].iterator()};
		Sys.println(Lambda.array(it) + " " + Lambda.count(it));
	}
}
