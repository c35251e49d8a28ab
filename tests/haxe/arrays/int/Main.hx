// Covers: Array<Int> (HashLink hl.types.ArrayBytes_Int): push/pop/shift/unshift/insert/remove/
// splice/slice/concat/reverse/indexOf/lastIndexOf/contains/join/copy/map/filter/resize,
// iteration, growth past capacity, negative indexes in insert/slice/splice.
// HashLink rule: resize() to a larger length exposes zeroed slots (0), even after a shrink.
class Main {
	static function main() {
		var a = [5, 3, 8];
		a.push(1);
		Sys.println(a + " " + a.length);
		Sys.println(a.pop() + " " + a);
		Sys.println(a.shift() + " " + a);
		a.unshift(9);
		a.insert(1, 7);
		a.insert(-1, 6);
		a.insert(100, 4);
		Sys.println(a);
		Sys.println(a.remove(8) + " " + a.remove(42) + " " + a);
		var b = [for (i in 0...10) i];
		Sys.println(b.splice(2, 3) + " " + b);
		Sys.println(b.splice(-2, 5) + " " + b);
		Sys.println(b.slice(1, 3) + " " + b.slice(-2) + " " + b.slice(3, 1));
		Sys.println(a.concat(b));
		b.reverse();
		Sys.println(b);
		Sys.println(b.indexOf(5) + " " + b.indexOf(77) + " " + b.lastIndexOf(1) + " " + b.indexOf(9, 1));
		Sys.println(b.contains(6) + " " + b.contains(2));
		var c = b.copy();
		c[0] = -1;
		Sys.println(b[0] + " " + c[0]);
		Sys.println(b.map(x -> x * 2) + " " + b.filter(x -> x % 2 == 1));
		var big = [];
		for (i in 0...1000)
			big.push(i * i);
		var s = 0;
		for (v in big)
			s += v;
		Sys.println(big.length + " " + s);
		big.resize(3);
		Sys.println(big);
		big.resize(5);
		Sys.println(big);
		var e:Array<Int> = [];
		Sys.println(e.pop() + " " + e.shift() + " " + e.length);
		Sys.println([3, 1, 2].toString());
	}
}
