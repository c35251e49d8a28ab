// Covers: Map<Int, V> (haxe.ds.IntMap on hl.types.IntMap): negative and large keys, zero, set/get/
// exists/remove, overwrite, many keys with removal. Keys are printed sorted (see
// maps/int_map_order for HashLink's iteration order).
class Main {
	static function main() {
		var m = new Map<Int, String>();
		for (k in [0, -1, 2147483647, -2147483648, 42, 7])
			m.set(k, "v" + k);
		m.set(42, "answer");
		var ks = [for (k in m.keys()) k];
		ks.sort((a, b) -> a < b ? -1 : a > b ? 1 : 0);
		Sys.println(ks);
		Sys.println(m.get(42) + " " + m.get(-2147483648) + " " + m.get(5));
		Sys.println(m.exists(0) + " " + m.exists(1));
		Sys.println(m.remove(0) + " " + m.remove(0) + " " + m.get(0));
		var sq = new Map<Int, Int>();
		for (i in 0...10000)
			sq[i * 3] = i;
		var total = 0;
		for (v in sq)
			total += v;
		Sys.println(total + " " + sq[2997] + " " + sq[2998]);
		for (i in 0...10000)
			if (i % 3 != 0)
				sq.remove(i * 3);
		var n = 0;
		for (k in sq.keys())
			n++;
		Sys.println(n + " " + sq.exists(9) + " " + sq.exists(3));
		var fm = new Map<Int, Float>();
		fm[1] = 0.5;
		fm[1] += 1;
		Sys.println(fm[1]);
	}
}
