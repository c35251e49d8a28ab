// Covers: loops whose iterations run an independent floating-point inner loop, which the compiler
// runs two iterations at a time, the inner loops interleaved (compiler/cgen/lanes.go). Every
// result must be the ordinary loop's: odd and empty ranges, either lane finishing first at each of
// the inner loop's tests (in its condition or as `if (...) break;`), the rest of the body leaving the loop (break, continue, an exception)
// while the second iteration waits, and loops the compiler must leave alone. Float output follows
// HashLink's printing (checked on the HashLink 1.12 VM).
class Main {
	// mandelbrot: the escape count of each point of a w x h grid
	static function escape(w:Int, h:Int):Array<Int> {
		var out = [];
		for (y in 0...h) {
			var ci = 2.0 * y / h - 1.0;
			for (x in 0...w) {
				var cr = 2.0 * x / w - 1.5;
				var zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
				var i = 0;
				while (i < 50 && tr + ti <= 4.0) {
					zi = 2.0 * zr * zi + ci;
					zr = tr - ti + cr;
					tr = zr * zr;
					ti = zi * zi;
					i++;
				}
				out.push(i);
			}
		}
		return out;
	}

	static function hash(a:Array<Int>):Int {
		var h = 5381;
		for (v in a)
			h = ((h << 5) + h + v) & 0x3fffffff;
		return h;
	}

	// three tests in the inner loop, trip counts that differ from one iteration to the next: each
	// lane leaves first at each test
	static function uneven(n:Int):String {
		var b = new StringBuf();
		for (k in 0...n) {
			var limit = (k * 7) % 13;
			var x = k * 0.5, y = 1.0 + k;
			var steps = 0;
			while (steps < limit && x < 40.0 && y > -30.0) {
				x = x * 1.5 + 1.0;
				y = y - x * 0.25;
				steps++;
			}
			b.add('$k:$steps:$x:$y ');
		}
		return b.toString();
	}

	// pseudo-random limits and thresholds: over many iterations, every way of two lanes ending
	static function scrambled(n:Int):Int {
		var h = 0;
		for (x in 0...n) {
			var s = x * 1103515245 + 12345;
			var lim = (s >>> 16) & 31;
			var th = ((s >>> 8) & 255) * 0.5;
			var a = (s & 15) * 0.25, c = 1.0, i = 0;
			while (i < lim && a < th && c > -100.0) {
				a = a * 1.25 + 0.5;
				c = c - a * 0.125;
				i++;
			}
			h = (h * 31 + i * 7 + Std.int(a * 16) + Std.int(c)) & 0xffffff;
		}
		return h;
	}

	// tests written as `if (...) break;` in the middle of the trip
	static function breaks2(n:Int):String {
		var b = new StringBuf();
		for (x in 0...n) {
			var a = x * 0.3, c = 2.0 - x * 0.1;
			var i = 0;
			while (i < 25) {
				a = a * 1.2 + 0.1;
				if (a > 9.5)
					break;
				c = c - a * 0.05 * (x & 3);
				i++;
				if (c < -3.0)
					break; // at the end of the trip
			}
			b.add('$i:${Std.int(a * 100)}:${Std.int(c * 100)} ');
		}
		return b.toString();
	}

	// the rest of the body leaves the loop while the next iteration is parked; the loop is then
	// entered again from the top
	static function breaks(rounds:Int, n:Int):String {
		var b = new StringBuf();
		for (r in 0...rounds) {
			for (x in 0...n) {
				var c = 0.25 + x * 0.01 + r * 0.001;
				var z = 0.0;
				var i = 0;
				while (i < 200 && z <= 2.0) {
					z = z * z + c;
					i++;
				}
				if (i < 20 + r * 10)
					break;
				b.add('$r/$x/$i ');
			}
			b.add('| ');
		}
		return b.toString();
	}

	// continue in the middle of the body, and work after it
	static function continues(n:Int):Int {
		var sum = 0;
		for (x in 0...n) {
			var v = 1.0 + x;
			var g = v;
			var it = 0;
			while (it < 60 && Math.abs(g * g - v) > 1e-9) {
				g = 0.5 * (g + v / g);
				it++;
			}
			if (x % 3 == 0)
				continue;
			sum = sum * 31 + it + Std.int(g * 1000);
			sum &= 0xffffff;
		}
		return sum;
	}

	// an exception thrown from the rest of the body, caught by the caller, which calls again
	static function throws(n:Int, at:Int):Int {
		var total = 0;
		for (x in 0...n) {
			var z = 0.5 + x * 0.125;
			var i = 0;
			while (i < 30 && z < 1000.0) {
				z = z * z * 0.75 + 0.1;
				i++;
			}
			if (x == at)
				throw 'stop at $x after $total';
			total += i;
		}
		return total;
	}

	// an inner loop that may not run at all, Int arithmetic and conversions before it
	static function zeroTrips(n:Int):String {
		var b = new StringBuf();
		for (x in 0...n) {
			var s = (x * 37) >> 2;
			var f = s / 3.0 - 5.0;
			var t = 0;
			while (f > 0.0 && t < 5) {
				f = f - 1.5;
				t++;
			}
			b.add('${Std.int(f * 10)}.$t ');
		}
		return b.toString();
	}

	// left alone: the inner loop writes a variable the rest of the body reads, which only the inner
	// loop sets (a parked iteration would hand over the wrong one)
	static function lastValue(n:Int):Array<Float> {
		var out = [];
		var last = -1.0;
		for (x in 0...n) {
			var z = x * 0.5;
			var i = 0, trips = 2 - (x & 1) * 2; // odd iterations leave it as it was
			while (i < trips) {
				last = z;
				z = z * 0.5 + 1.0;
				i++;
			}
			out.push(last);
		}
		return out;
	}

	// left alone: the rest of the body writes what the next iteration starts from
	static function carried(n:Int):String {
		var b = new StringBuf();
		var seed = 0.3;
		for (x in 0...n) {
			var z = seed;
			var i = 0;
			while (i < 40 && z < 10.0) {
				z = z * 1.25 + 0.05;
				i++;
			}
			seed = z / 40.0 + x * 0.125;
			b.add('$i ');
		}
		return b.toString();
	}

	// left alone: a while loop counting at the end of its body (the next iteration starts from
	// what the body writes last)
	static function counted(n:Int):String {
		var b = new StringBuf();
		var k = 0;
		while (k < n) {
			var z = k * 0.75;
			var i = 0;
			while (i < 20 && z < 5.0) {
				z = z * 1.5 + 0.25;
				i++;
			}
			b.add('$k:$i ');
			k++;
		}
		return b.toString();
	}

	static function main() {
		for (w in [0, 1, 2, 3, 4, 5, 17]) {
			var a = escape(w, 3);
			var s = 0;
			for (v in a)
				s += v;
			Sys.println('escape ${w}x3: ${a.length} points, sum $s, hash ${hash(a)}');
		}
		var big = escape(101, 67);
		Sys.println('escape 101x67: hash ${hash(big)}');
		Sys.println('first row: ${escape(9, 1)}');
		Sys.println('uneven: ${uneven(14)}');
		Sys.println('uneven odd: ${uneven(7)}');
		Sys.println('scrambled: ${scrambled(5000)} ${scrambled(4999)}');
		Sys.println('breaks: ${breaks(4, 9)}');
		Sys.println('breaks inside: ${breaks2(13)}');
		Sys.println('continues: ${continues(25)} ${continues(0)} ${continues(1)}');
		for (at in [-1, 0, 1, 4, 7]) {
			try {
				Sys.println('throws: ${throws(8, at)}');
			} catch (e:String) {
				Sys.println('throws: $e');
			}
		}
		Sys.println('zero trips: ${zeroTrips(9)}');
		Sys.println('last value: ${lastValue(7)}');
		Sys.println('carried: ${carried(6)}');
		Sys.println('counted after: ${counted(5)}');
	}
}
