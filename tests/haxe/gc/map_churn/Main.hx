// Covers: garbage collection with maps: string and int maps repeatedly filled and emptied, keys
// built at run time (fresh strings), values are objects; only counts and sums are printed.
class Main {
	static function main() {
		var keep = new Map<String, Array<Int>>();
		for (round in 0...20) {
			var m = new Map<String, Array<Int>>();
			for (i in 0...2000)
				m.set("k" + i + "_" + round, [i, round]);
			var s = 0;
			for (v in m)
				s += v[0];
			if (round % 5 == 0)
				keep.set("r" + round, [s]);
		}
		var total = 0;
		for (v in keep)
			total += v[0];
		Sys.println(total);
		var im = new Map<Int, String>();
		for (i in 0...50000)
			im.set(i % 1000, "s" + i);
		Sys.println(im.get(999) + " " + im.get(0));
	}
}
