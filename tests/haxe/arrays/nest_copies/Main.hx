// Covers: loop nests compiled with a call-free copy (compiler/cgen/nests.go): the copy reads array
// fields once on entry (but not a field the nest stores into, through any object of a related
// class), keeps number fields of an object an inner loop keeps using in locals (promote.go:
// stored back when the loop is left, throws, or meets the same object under another name), and
// leaves for the ordinary loop where a call would happen (an array growing on an out-of-bounds
// write, an allocation on the way out), then re-enters it on the next outer trip. Every result
// must be the ordinary loop's. haxe --interp agrees on the Int results, but for the null access
// message, where HashLink says "Null access" (checked on the HashLink 1.12 VM).
import haxe.ds.Vector;
import haxe.io.Bytes;

class Particle {
	public var x:Float;
	public var v:Float;
	public var hits:Int;

	public function new(x, v) {
		this.x = x;
		this.v = v;
		hits = 0;
	}
}

class Counter {
	public var n:Int;
	public var data:Array<Int>;

	public function new(n, data) {
		this.n = n;
		this.data = data;
	}
}

class SubCounter extends Counter {
	public var extra:Int = 0;
}

class Main {
	// fannkuch's flip nest: the element stored last is loaded next
	static function flips(p:Array<Int>):Int {
		var n = 0, k = p[0];
		while (k != 0) {
			var i = 0, j = k;
			while (i < j) {
				var t = p[i];
				p[i] = p[j];
				p[j] = t;
				i++;
				j--;
			}
			n++;
			k = p[0];
		}
		return n;
	}

	// a write at the end grows the array in the middle of the nest (a side exit), on every outer trip
	static function grow(a:Array<Int>, rounds:Int):Int {
		var r = 0;
		while (r < rounds) {
			var i = 0;
			while (i <= r) {
				if (i < a.length)
					a[i] = a[i] * 3 + r - i;
				else
					a[i] = r + i; // i == a.length: the array grows by one
				i++;
			}
			r++;
		}
		var s = 0;
		for (x in a) s = (s * 31 + x) & 0xffffff;
		return s * 1000 + a.length;
	}

	// the nest returns an object from inside (an allocation on the way out)
	static function find(v:Vector<Int>, target:Int):{at:Int, steps:Int} {
		var steps = 0, i = 0;
		while (true) {
			var j = 0;
			while (j < v.length) {
				steps++;
				if (v[j] == target + i)
					return {at: j, steps: steps};
				j++;
			}
			i--;
			if (i < -5)
				return null;
		}
	}

	// the array read by the nest is null: the guard sends it to the ordinary loop, which throws
	static function sumRows(rows:Array<Int>, n:Int):Int {
		var s = 0, r = 0;
		while (r < n) {
			var c = 0;
			while (c < n) {
				s += rows[r * n + c];
				c++;
			}
			r++;
		}
		return s;
	}

	// the nest swaps which array it reads: a reassigned register is not read once on entry
	static function alternate(a:Array<Int>, b:Array<Int>, n:Int):Int {
		var s = 0, cur = a, k = 0;
		while (k < n) {
			var i = 0;
			while (i < cur.length) {
				s = s * 3 + cur[i];
				s &= 0xfffff;
				i++;
			}
			cur = cur == a ? b : a;
			k++;
		}
		return s;
	}

	// a call on every iteration (Bytes.set is a method on HashLink): no copy, the ordinary loop
	static function fill(b:Bytes, rows:Int, cols:Int):Int {
		var y = 0;
		while (y < rows) {
			var x = 0;
			while (x < cols) {
				b.set(y * cols + x, (x ^ y) & 255);
				x++;
			}
			y++;
		}
		var h = 0;
		for (i in 0...b.length) h = (h * 33 + b.get(i)) & 0xffffff;
		return h;
	}

	// numbers stored into fields of the objects an array holds, frame after frame (plain stores
	// in the copy; the array's length and data are still read once)
	static function simulate(ps:Array<Particle>, frames:Int):String {
		for (f in 0...frames) {
			for (p in ps) {
				p.v -= 0.5;
				p.x += p.v;
				if (p.x < 0) {
					p.x = -p.x;
					p.v = -p.v * 0.75;
					p.hits++;
				}
			}
		}
		var b = new StringBuf();
		for (p in ps)
			b.add('${p.x}/${p.hits} ');
		return b.toString();
	}

	// the nest stores into the field it tests, of another object of the same class: the two may
	// be one object, so that field is read on every trip, not once (the array's are read once)
	static function drain(a:Counter, b:Counter, data:Array<Int>):Int {
		var s = 0, i = 0;
		while (i < a.n) {
			s += data[i % data.length];
			b.n = b.n - 1;
			i++;
		}
		return s * 100 + i;
	}

	// the same through a subclass
	static function drainSub(a:Counter, b:SubCounter, data:Array<Int>):Int {
		var s = 0, i = 0;
		while (i < a.n) {
			s += data[i % data.length];
			b.n = b.n - 2;
			b.extra++;
			i++;
		}
		return s * 100 + i;
	}

	// nbody's pattern: the fields of b live in locals during the inner loop (promote.go); b2 is b
	// when the array holds the same object twice (a guard sends that trip to a slow copy that
	// uses memory), and a null in the array throws after the locals are stored back
	static function interact(bodies:Array<Particle>, rounds:Int):Float {
		for (r in 0...rounds) {
			for (i in 0...bodies.length) {
				var b = bodies[i];
				for (j in 0...bodies.length) {
					var b2 = bodies[j];
					var d = b.x - b2.x + 0.5;
					b.v -= d * 0.125;
					b2.v += d * 0.0625;
					b.hits += 1;
				}
			}
		}
		var s = 0.0;
		for (b in bodies)
			s = s * 0.5 + b.v + b.hits;
		return s;
	}

	// a loop working on one object's fields, which are kept in locals: the object may be null
	static function accumulate(p:Particle, n:Int):Float {
		var i = 0;
		while (i < n) {
			p.x += i * 0.5;
			p.hits++;
			i++;
		}
		return p.x + p.hits;
	}

	// q is used before the loop sets it, and may already be p on entry
	static function chase(p:Particle, q:Particle, n:Int):Float {
		var i = 0;
		while (i < n) {
			q.x += 1;
			p.x -= 0.5;
			if ((i & 1) == 1)
				q = p;
			i++;
		}
		return p.x * 100 + q.x;
	}

	static function main() {
		var total = 0, maxFlips = 0;
		var perm = [for (i in 0...8) i];
		// every permutation of 0..7 in lexicographic order
		var count = 0;
		while (true) {
			var f = flips(perm.copy());
			total += f;
			if (f > maxFlips) maxFlips = f;
			count++;
			var i = perm.length - 2;
			while (i >= 0 && perm[i] >= perm[i + 1]) i--;
			if (i < 0) break;
			var j = perm.length - 1;
			while (perm[j] <= perm[i]) j--;
			var t = perm[i]; perm[i] = perm[j]; perm[j] = t;
			var lo = i + 1, hi = perm.length - 1;
			while (lo < hi) { t = perm[lo]; perm[lo] = perm[hi]; perm[hi] = t; lo++; hi--; }
		}
		Sys.println('permutations $count, flips $total, max $maxFlips');

		Sys.println('grow ${grow([], 40)} ${grow([1, 2, 3], 3)}');

		var v = new Vector<Int>(10);
		for (i in 0...10) v[i] = i * 7 % 10;
		var r = find(v, 3);
		Sys.println('find ${r.at} ${r.steps}');
		r = find(v, 1);
		Sys.println('find ${r.at} ${r.steps}');
		Sys.println('find ${find(v, 100) == null}');

		Sys.println('sum ${sumRows([for (i in 0...16) i], 4)}');
		try {
			sumRows(null, 2);
			Sys.println('no exception');
		} catch (e:Dynamic) {
			Sys.println('null rows: $e');
		}

		Sys.println('alternate ${alternate([1, 2, 3], [4, 5], 7)}');

		Sys.println('fill ${fill(Bytes.alloc(300), 12, 25)}');

		Sys.println('simulate ${simulate([for (i in 0...5) new Particle(i * 2.5, 0.25 * i)], 37)}');
		var c = new Counter(10, null), c2 = new Counter(10, null);
		Sys.println('drain other ${drain(c, c2, [1, 2, 3])} n ${c.n} ${c2.n}');
		Sys.println('drain self ${drain(c, c, [1, 2, 3])} n ${c.n}');
		var sc = new SubCounter(9, null);
		Sys.println('drain sub self ${drainSub(sc, sc, [4, 5])} n ${sc.n} extra ${sc.extra}');

		var p1 = new Particle(1, 0.5), p2 = new Particle(2.5, -0.25), p3 = new Particle(-1, 1);
		Sys.println('interact distinct ${interact([p1, p2, p3], 3)}');
		Sys.println('interact aliased ${interact([p1, p2, p1, p3, p2], 2)}');
		Sys.println('accumulate ${accumulate(new Particle(1, 0), 7)}');
		try {
			accumulate(null, 3);
			Sys.println('no exception');
		} catch (e:Dynamic) {
			Sys.println('accumulate null: $e');
		}
		var c1 = new Particle(0, 0), c2 = new Particle(10, 0);
		Sys.println('chase ${chase(c1, c2, 5)} ${chase(c2, c2, 5)} ${c1.x} ${c2.x}');
		var q = new Particle(0.75, 0.125);
		try {
			interact([q, new Particle(3, 3), null], 1);
			Sys.println('no exception');
		} catch (e:Dynamic) {
			Sys.println('interact null: $e; q.v ${q.v} q.hits ${q.hits}');
		}
	}
}
