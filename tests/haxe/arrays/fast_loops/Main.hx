// Covers: counted loops that compiler/cgen/loops.go runs as a guarded copy without bounds checks,
// two iterations per trip, in chunks between safepoint polls: every trip count parity (0 to 5),
// counts across a chunk boundary (4095-4098, 8193), a break on an even and on an odd iteration,
// a loop starting past 0, in-place updates (source and destination the same array), a
// destination shorter than the range (the guard fails: the write grows the array as on
// HashLink), a range longer than the source (reads past the end give 0), Int, Float and
// Vector elements, a collection in the middle of a long loop (the poll between chunks), the
// `for (x in array)` form (the header reloads the length), `while (i < n) { ...; i++; }` with
// the increment in the middle of the body, a while loop that skips its increment, and stencils
// (a[i - 1], a[i + 1]) into another array and in place (source and destination the same
// array: each step reads what the previous one wrote), with ranges that reach past either end.
import haxe.ds.Vector;

class Main {
	static function sum(a:Array<Int>, from:Int, to:Int):Int {
		var s = 0;
		for (i in from...to)
			s = (s * 31 + a[i]) | 0;
		return s;
	}

	static function dot(a:Vector<Float>, b:Vector<Float>, n:Int):Float {
		var s = 0.0;
		for (i in 0...n)
			s += a[i] * b[i];
		return s;
	}

	static function scaleInto(src:Array<Float>, dst:Array<Float>, n:Int, k:Float) {
		for (i in 0...n)
			dst[i] = src[i] * k;
	}

	static function firstOver(a:Array<Int>, limit:Int):Int {
		var s = 0;
		for (i in 0...a.length) {
			s += a[i];
			if (s > limit)
				break;
		}
		return s;
	}

	static function divisions(v:Vector<Float>, row:Int):Float {
		var s = 0.0;
		for (j in 0...v.length)
			s += 1.0 / ((row + j) * (row + j + 1) / 2 + row + 1) * v[j];
		return s;
	}

	static function each(a:Array<Float>):Float {
		var s = 0.0;
		for (x in a)
			s = s * 0.5 + x;
		return s;
	}

	static function whileMid(a:Array<Int>, n:Int):Int {
		var s = 0, i = 0;
		while (i < n) {
			s = s * 3 + a[i];
			i++;
			s ^= i; // after the increment: i may equal n here
		}
		return s;
	}

	static function skipping(a:Array<Int>, n:Int):Int {
		var s = 0, i = 0;
		while (i < n) {
			if (a[i] % 5 == 0) {
				i += 2;
				continue;
			}
			s += a[i];
			i++;
		}
		return s;
	}

	static function smooth(a:Array<Float>, b:Array<Float>, from:Int, to:Int) {
		for (i in from...to)
			b[i] = (a[i - 1] + 2 * a[i] + a[i + 1]) / 4;
	}

	static function diffs(a:Array<Int>, n:Int):Array<Int> {
		var d = [for (i in 0...n) 0];
		var i = 0;
		while (i < n) {
			d[i] = a[i + 2] - a[i];
			i++;
		}
		return d;
	}

	static function main() {
		var ints = [for (i in 0...9000) (i * 7919) % 1000];
		for (n in 0...6)
			Sys.println('sum 0...$n = ${sum(ints, 0, n)}');
		for (n in [4095, 4096, 4097, 4098, 8193])
			Sys.println('sum 0...$n = ${sum(ints, 0, n)}');
		Sys.println('sum 3...11 = ${sum(ints, 3, 11)}');
		Sys.println('sum past the end = ${sum([1, 2, 3], 0, 6)}');
		Sys.println('sum of nothing = ${sum(null, 5, 5)}');

		var a = new Vector<Float>(5001), b = new Vector<Float>(5001);
		for (i in 0...a.length) {
			a[i] = i * 0.25;
			b[i] = 1.0 / (i + 1);
		}
		Sys.println('dot 5001 = ${dot(a, b, 5001)}');
		Sys.println('dot 4 = ${dot(a, b, 4)}');

		var src = [for (i in 0...7) i + 0.5];
		scaleInto(src, src, 7, 2.0);
		Sys.println('in place: $src');
		var short = [0.0, 0.0];
		scaleInto(src, short, 5, 0.5);
		Sys.println('grown: $short');
		var long = [for (i in 0...6) 9.0];
		scaleInto([1.0, 2.0, 3.0], long, 6, 1.0);
		Sys.println('read past the end: $long');

		var seq = [for (i in 1...101) i];
		Sys.println('break even: ${firstOver(seq, 9)}'); // stops at i = 3 (1+2+3+4 = 10)
		Sys.println('break odd: ${firstOver(seq, 5)}'); // stops at i = 2 (1+2+3 = 6)
		Sys.println('no break: ${firstOver(seq, 100000)}');

		for (n in [0, 1, 2, 3, 4097]) {
			var fs = [for (i in 0...n) i * 0.75];
			Sys.println('each $n = ${each(fs)}');
		}
		for (n in [0, 1, 2, 7, 12])
			Sys.println('whileMid $n = ${whileMid(ints, n)}');
		Sys.println('whileMid past the end = ${whileMid([4, 5], 5)}');
		Sys.println('skipping = ${skipping(ints, 40)}, ${skipping(ints, 41)}');

		var wave = [for (i in 0...12) (i * 7 % 5) * 1.0];
		var out = [for (i in 0...12) -1.0];
		smooth(wave, out, 1, 11);
		Sys.println('smooth: $out');
		smooth(wave, wave, 1, 11);
		Sys.println('smooth in place: $wave');
		var edge = [1.0, 2.0, 3.0, 4.0];
		smooth(edge, edge, 0, 4); // a[-1] and a[4] are out of range: read as 0
		Sys.println('smooth past both ends: $edge');
		Sys.println('diffs: ${diffs([1, 4, 9, 16, 25, 36, 49], 5)}');
		Sys.println('diffs past the end: ${diffs([1, 4, 9, 16], 4)}');
		var big = [for (i in 0...5000) (i * 13 % 17) * 1.0];
		var big2 = [for (i in 0...5000) 0.0];
		for (_ in 0...3) {
			smooth(big, big2, 1, 4999);
			smooth(big2, big, 1, 4999);
		}
		var t = 0.0;
		for (x in big)
			t += x;
		Sys.println('smooth 5000 = $t');

		var v = new Vector<Float>(4000);
		for (i in 0...v.length)
			v[i] = 1.0;
		var total = 0.0;
		for (row in 0...50) {
			if (row == 25)
				for (k in 0...20000) new Array<Int>().push(k); // garbage: collections run
			total += divisions(v, row);
		}
		Sys.println('divisions = ${Std.int(total * 1e6)}');
	}
}
