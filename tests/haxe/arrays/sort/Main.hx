// Covers: Array.sort stability (HashLink uses a stable merge sort for Array<Int> and
// Array<Float>, and for object arrays), sorting with comparators returning arbitrary
// magnitudes, sorting already sorted / reversed / equal data, haxe.ds.ArraySort.
// HashLink rule: sort is stable (haxe --interp is not, so its first line differs).
class Main {
	static function main() {
		var pairs = [for (i in 0...20) {k: (i * 7) % 5, i: i}];
		pairs.sort((a, b) -> a.k - b.k);
		Sys.println([for (p in pairs) p.k + "." + p.i].join(" "));
		var ints = [for (i in 0...50) (i * 37) % 23];
		ints.sort((a, b) -> a - b);
		Sys.println(ints);
		var desc = [1, 5, 2, 9, 3];
		desc.sort((a, b) -> b - a);
		Sys.println(desc);
		var fl = [2.5, -1.0, 2.25, 0.0];
		fl.sort((a, b) -> a < b ? -1000 : a > b ? 1000 : 0);
		Sys.println(fl);
		var same = [4, 4, 4];
		same.sort((a, b) -> 0);
		Sys.println(same);
		var strs = ["bb", "a", "ccc", "dd", "e"];
		haxe.ds.ArraySort.sort(strs, (a, b) -> a.length - b.length);
		Sys.println(strs);
		var big = [for (i in 0...2000) (i * 7919) % 2003];
		big.sort((a, b) -> a - b);
		var ok = true;
		for (i in 1...big.length)
			if (big[i - 1] > big[i])
				ok = false;
		Sys.println(ok + " " + big[0] + " " + big[1999]);
	}
}
