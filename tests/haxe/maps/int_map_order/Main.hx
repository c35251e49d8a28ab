// Covers: iteration order of Map<Int, V>.
// HashLink rule (hl-bytecode.md 7.8): keys() and iterator() follow HashLink's hash table order
// (hash = key as unsigned, prime-sized cell table, chains with head insertion, growth by 1.5);
// the order below is HashLink's (haxe --interp differs).
// HashLink rule: printing an object calls its toString only when the bytecode kept it (its
// __string binding); Haxe's dead-code elimination drops Map toString methods that are not
// referenced, and then the class name is printed (haxe.ds.IntMap). haxe --interp always prints
// the contents.
class Main {
	static function main() {
		var m = new Map<Int, String>();
		for (k in [100, -5, 7, 3, 1000000, 0, 42, -2147483648, 13])
			m.set(k, "v" + k);
		Sys.println([for (k in m.keys()) k].join(","));
		Sys.println(m);
		var g = new Map<Int, Int>();
		for (j in 0...60)
			g.set(j * 37 % 101, j);
		Sys.println([for (k in g.keys()) k].join(","));
		for (j in 0...30)
			g.remove(j * 2);
		g.set(500, 1);
		g.set(-1, 2);
		Sys.println([for (k => v in g) k + ":" + v].join(","));
	}
}
