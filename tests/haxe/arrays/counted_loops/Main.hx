// Covers: counted loops `for (i in a...b)` indexing arrays, the shape a bounds-check elimination
// would version (a guard a >= 0 && b <= length before a check-free copy of the loop): ranges past
// the end (reads give 0, writes grow the array), negative starts, i + 1 and i - 1 indices at the
// edges, empty ranges on a null array, the array variable reassigned or resized (pop, push) in
// the loop, break and continue, Float, Int and object arrays, Vector, nested loops. Every loop
// sits in its own function without string building (no ORef), the case such a pass handles.
// HashLink 1.12 rule: an Array read out of bounds gives 0 (null for objects), a write past the
// end grows the array (filling with 0).
import haxe.ds.Vector;

class P {
	public var v:Int;

	public function new(v)
		this.v = v;
}

class Main {
	static function sum(a:Array<Int>, from:Int, to:Int):Int {
		var s = 0;
		for (i in from...to)
			s += a[i] * (i + 1);
		return s;
	}

	static function fill(a:Array<Int>, from:Int, to:Int) {
		for (i in from...to)
			a[i] = i * 3;
	}

	static function fsum(f:Array<Float>, n:Int):Float {
		var t = 0.0;
		for (i in 0...n)
			t += f[i];
		return t;
	}

	static function fdouble(f:Array<Float>, n:Int) {
		for (i in 0...n)
			f[i] = f[i] * 2;
	}

	static function switchArray(x:Array<Int>, c:Array<Int>, n:Int):Int {
		var s = 0;
		for (i in 0...n) {
			s += x[i];
			if (i == 1)
				x = c;
		}
		return s;
	}

	static function popInside(d:Array<Int>, n:Int):Int {
		var s = 0;
		for (i in 0...n) {
			s = s * 10 + d[i];
			if (i == 2)
				d.pop();
		}
		return s;
	}

	static function pushInside(e:Array<Int>, n:Int) {
		for (i in 0...n) {
			e[i] += 1;
			e.push(i);
		}
	}

	static function jumps(g:Array<Int>, from:Int, n:Int):Int {
		var s = 0;
		for (i in from...n) {
			if (i % 3 == 0)
				continue;
			if (i == 8)
				break;
			s += g[i] + g[i + 1] - g[i - 1];
		}
		return s;
	}

	static function rotate(r:Array<Int>, n:Int) {
		for (i in 0...n)
			r[i] = r[i + 1];
	}

	static function objects(ps:Array<P>, n:Int):Int {
		var s = 0;
		for (i in 0...n) {
			var p = ps[i];
			s += p == null ? 100 : p.v;
		}
		return s;
	}

	static function nested(m:Vector<Int>):Int {
		var tot = 0;
		for (i in 0...m.length)
			for (j in i...m.length)
				tot += m[i] * m[j];
		return tot;
	}

	static function vfill(m:Vector<Int>, n:Int) {
		for (i in 0...n)
			m[i] = i + 1;
	}

	static function main() {
		var a = [for (i in 0...6) i + 1];
		Sys.println([sum(a, 0, 6), sum(a, 2, 4), sum(a, 0, 9), sum(a, -3, 2), sum(a, 5, 1)]);
		Sys.println([sum(null, 3, 3), sum(null, 0, 0)]);
		fill(a, 0, 3);
		Sys.println(a);
		fill(a, 4, 9);
		Sys.println(a);
		Sys.println(a.length);
		var f = [0.5, 1.5, 2.5];
		Sys.println([fsum(f, 3), fsum(f, 5)]);
		fdouble(f, 3);
		Sys.println(f);
		fdouble(f, 5);
		Sys.println(f);
		Sys.println(switchArray([10, 20, 30, 40, 50], [7], 5));
		Sys.println(switchArray([10, 20, 30], [7, 8, 9, 10, 11], 5));
		var d = [1, 2, 3, 4, 5, 6];
		Sys.println(popInside(d, 6));
		Sys.println(d);
		var e = [1, 2, 3];
		pushInside(e, 3);
		Sys.println(e);
		var g = [for (i in 0...10) i * i];
		Sys.println([jumps(g, 1, 9), jumps(g, 0, 10), jumps(g, 1, 12), jumps(g, 0, 5), jumps(g, 2, 10)]);
		var r = [1, 2, 3, 4, 5];
		rotate(r, 4);
		Sys.println(r);
		rotate(r, 5);
		Sys.println(r);
		rotate(r, 7);
		Sys.println(r);
		Sys.println(r.length);
		Sys.println([objects([new P(1), null, new P(3)], 4), objects([new P(5), new P(6)], 2)]);
		var m = new Vector<Int>(4);
		vfill(m, 4);
		Sys.println(nested(m));
	}
}
