// Fannkuch-redux (benchmarks-game algorithm, single-threaded).
// Usage: Main [n]   (default 10). Prints the checksum and the maximum flip count.
class Main {
	static function fannkuch(n:Int):{checksum:Int, maxFlips:Int} {
		var perm = new haxe.ds.Vector<Int>(n);
		var perm1 = new haxe.ds.Vector<Int>(n);
		var count = new haxe.ds.Vector<Int>(n);
		for (i in 0...n)
			perm1[i] = i;
		var maxFlips = 0, checksum = 0, permCount = 0;
		var r = n;
		while (true) {
			while (r != 1) {
				count[r - 1] = r;
				r--;
			}
			for (i in 0...n)
				perm[i] = perm1[i];
			var flips = 0;
			var k = perm[0];
			while (k != 0) {
				// reverse the first k+1 elements
				var i = 0, j = k;
				while (i < j) {
					var t = perm[i];
					perm[i] = perm[j];
					perm[j] = t;
					i++;
					j--;
				}
				flips++;
				k = perm[0];
			}
			if (flips > maxFlips)
				maxFlips = flips;
			checksum += permCount % 2 == 0 ? flips : -flips;

			// next permutation: rotate the first r+1 elements until a counter is left
			while (true) {
				if (r == n)
					return {checksum: checksum, maxFlips: maxFlips};
				var perm0 = perm1[0];
				for (i in 0...r)
					perm1[i] = perm1[i + 1];
				perm1[r] = perm0;
				count[r]--;
				if (count[r] > 0)
					break;
				r++;
			}
			permCount++;
		}
	}

	static function main() {
		var args = Sys.args();
		var n = args.length > 0 ? Std.parseInt(args[0]) : 10;
		var res = fannkuch(n);
		Sys.println(res.checksum);
		Sys.println('Pfannkuchen($n) = ${res.maxFlips}');
	}
}
