// Covers: Map<String, V> (haxe.ds.StringMap on hl.types.BytesMap): set/get/exists/remove,
// overwrite, keys built at run time (content equality, not identity), empty-string key,
// non-ASCII keys, values of several types, counting via iteration. Keys are printed sorted, so
// iteration order does not matter here (see maps/string_map_order for HashLink's order).
class Main {
	static function sortedKeys<V>(m:Map<String, V>):Array<String> {
		var ks = [for (k in m.keys()) k];
		ks.sort(Reflect.compare);
		return ks;
	}

	static function main() {
		var m = new Map<String, Int>();
		m.set("one", 1);
		m["two"] = 2;
		m.set("three", 3);
		m.set("one", 11);
		Sys.println(m.get("one") + " " + m["two"] + " " + m.get("four"));
		Sys.println(m.exists("three") + " " + m.exists("four"));
		var key = "th" + "ree";
		Sys.println(m.get(key));
		Sys.println(m.remove("two") + " " + m.remove("two") + " " + m.exists("two"));
		m.set("", 0);
		m.set("clé", 7);
		m.set("😀", 8);
		Sys.println(sortedKeys(m));
		Sys.println(m.get("") + " " + m.get("clé") + " " + m.get("😀"));
		var total = 0;
		for (v in m)
			total += v;
		Sys.println(total);
		var objs = new Map<String, Array<Int>>();
		objs["a"] = [1];
		objs["a"].push(2);
		Sys.println(objs["a"] + " " + objs["b"]);
		var big = new Map<String, Int>();
		for (i in 0...5000)
			big.set("k" + i, i);
		var s = 0;
		for (k => v in big)
			s += v;
		Sys.println(s + " " + big.get("k4321") + " " + [for (k in big.keys()) k].length);
		for (i in 0...5000)
			if (i % 2 == 0)
				big.remove("k" + i);
		Sys.println([for (k in big.keys()) k].length + " " + big.exists("k10") + " " + big.exists("k11"));
	}
}
