// Covers: haxe.ds.BalancedTree with Int and String keys: set/get/exists/remove, in-order
// iteration of keys and values, keyValueIterator, toString ({k => v, ...} sorted), copy, clear,
// many insertions staying ordered.
class Main {
	static function main() {
		var t = new haxe.ds.BalancedTree<Int, String>();
		for (k in [50, 20, 80, 10, 30, 70, 90, 20])
			t.set(k, "v" + k);
		Sys.println([for (k in t.keys()) k]);
		Sys.println([for (v in t) v].join(","));
		Sys.println(t.get(30) + " " + t.get(31) + " " + t.exists(90) + " " + t.exists(91));
		Sys.println(t.remove(50) + " " + t.remove(50) + " " + t);
		var st = new haxe.ds.BalancedTree<String, Int>();
		for (w in ["pear", "apple", "fig", "kiwi", "banana"])
			st.set(w, w.length);
		for (k => v in st)
			Sys.print(k + "=" + v + " ");
		Sys.println("");
		var c = st.copy();
		c.remove("fig");
		Sys.println([for (k in c.keys()) k].length + " " + [for (k in st.keys()) k].length);
		var big = new haxe.ds.BalancedTree<Int, Int>();
		for (i in 0...1000)
			big.set((i * 7919) % 1000, i);
		var prev = -1, ok = true;
		for (k in big.keys()) {
			if (k <= prev)
				ok = false;
			prev = k;
		}
		Sys.println(ok + " " + prev);
		st.clear();
		Sys.println(st.toString());
	}
}
