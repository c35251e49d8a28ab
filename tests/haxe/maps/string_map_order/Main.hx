// Covers: iteration order of Map<String, V>.
// HashLink rule (hl-bytecode.md 7.8): keys(), iterator() and toString() follow HashLink's hash
// table order (hash of the UTF-16 key, prime-sized cell table, chains with head insertion,
// growth by 1.5); the order below is HashLink's, not insertion order (haxe --interp differs).
// HashLink rule: printing an object calls its toString only when the bytecode kept it (its
// __string binding); Haxe's dead-code elimination drops Map toString methods that are not
// referenced, and then the class name is printed (haxe.ds.IntMap). haxe --interp always prints
// the contents.
class Main {
	static function main() {
		var m = new Map<String, Int>();
		var i = 0;
		for (k in ["zeta", "alpha", "mid", "beta", "omega", "k1", "k2"])
			m.set(k, i++);
		Sys.println([for (k in m.keys()) k].join(","));
		Sys.println([for (v in m) v].join(","));
		Sys.println(m);
		m.remove("mid");
		m.set("new", 99);
		Sys.println([for (k in m.keys()) k].join(","));
		var g = new Map<String, Int>();
		for (j in 0...40)
			g.set("key" + j, j);
		Sys.println([for (k in g.keys()) k].join(","));
		for (j in 0...40)
			if (j % 3 == 0)
				g.remove("key" + j);
		for (j in 40...45)
			g.set("key" + j, j);
		Sys.println([for (k => v in g) k + "=" + v].join(","));
	}
}
