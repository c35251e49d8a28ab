// Covers: Map API: map literals, copy (independent), clear, keyValueIterator, exists after
// clear, Map as function argument, haxe.ds.StringMap/IntMap used directly, Map<String, Map<...>>
// nesting. Only single-key maps are printed whole, so no iteration order is involved.
// HashLink rule: printing an object calls its toString only when the bytecode kept it (its
// __string binding); Haxe's dead-code elimination drops Map toString methods that are not
// referenced, and then the class name is printed (haxe.ds.IntMap). haxe --interp always prints
// the contents.
class Main {
	static function count<K, V>(m:Map<K, V>):Int {
		var n = 0;
		for (_ in m)
			n++;
		return n;
	}

	static function main() {
		var m = ["a" => 1, "b" => 2, "c" => 3];
		var c = m.copy();
		c["a"] = 100;
		c.remove("b");
		Sys.println(m["a"] + " " + c["a"] + " " + m.exists("b") + " " + c.exists("b"));
		Sys.println(count(m) + " " + count(c));
		m.clear();
		Sys.println(count(m) + " " + m.exists("a") + " " + m.get("a"));
		m["z"] = 26;
		Sys.println(m);
		var im = [1 => "x"];
		Sys.println(im);
		var sm = new haxe.ds.StringMap<Float>();
		sm.set("pi", 3.14);
		Sys.println(sm.get("pi") + " " + sm.exists("e"));
		var imap = new haxe.ds.IntMap<Bool>();
		imap.set(5, true);
		Sys.println(imap.get(5) + " " + imap.get(6));
		var nested = new Map<String, Map<Int, String>>();
		nested["outer"] = [1 => "in"];
		nested["outer"][2] = "two";
		Sys.println(nested["outer"][2] + " " + count(nested["outer"]));
		var sum = 0;
		for (k => v in [10 => 1, 20 => 2])
			sum += k * v;
		Sys.println(sum);
		var ic = im.copy();
		ic.clear();
		Sys.println(count(im) + " " + count(ic));
	}
}
