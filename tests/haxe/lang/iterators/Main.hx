// Covers: for loops over IntIterator, arrays, custom iterators (hasNext/next), custom Iterables
// (iterator()), key-value iteration over arrays and maps (only a one-key map: order-free),
// iterator objects used manually, array comprehension, break/continue inside iterations.
class Range {
	var from:Int;
	var to:Int;
	var step:Int;

	public function new(from, to, step) {
		this.from = from;
		this.to = to;
		this.step = step;
	}

	public function iterator():Iterator<Int> {
		var cur = from;
		return {hasNext: () -> cur < to, next: () -> {
			var v = cur;
			cur += step;
			v;
		}};
	}
}

class Fib {
	var a = 0;
	var b = 1;
	var n:Int;

	public function new(n)
		this.n = n;

	public function hasNext()
		return n > 0;

	public function next() {
		n--;
		var r = a;
		a = b;
		b = r + b;
		return r;
	}
}

class Main {
	static function main() {
		var s = [];
		for (i in 0...5)
			s.push(i);
		Sys.println(s);
		var r = [];
		for (v in new Range(10, 30, 7))
			r.push(v);
		Sys.println(r);
		Sys.println([for (f in new Fib(10)) f].join(" "));
		var it = [3, 1, 2].iterator();
		while (it.hasNext())
			Sys.print(it.next() + ";");
		Sys.println("");
		for (i => v in ["a", "b", "c"])
			Sys.print(i + "=" + v + " ");
		Sys.println("");
		var m = ["k" => 5];
		for (k => v in m)
			Sys.println(k + "->" + v);
		var out = [];
		for (i in 0...20) {
			if (i % 3 != 0)
				continue;
			if (i > 12)
				break;
			out.push(i);
		}
		Sys.println(out);
		var evens = [for (i in 0...10) if (i % 2 == 0) i * i];
		Sys.println(evens);
		var nested = [for (i in 1...3) for (j in 1...3) i * 10 + j];
		Sys.println(nested);
		var sum = 0;
		for (x in [for (v in new Range(0, 5, 1)) v * 2])
			sum += x;
		Sys.println(sum);
		var strIt = "héllo";
		var codes = [];
		for (i in 0...strIt.length)
			codes.push(strIt.charCodeAt(i));
		Sys.println(codes);
		var ki = new haxe.iterators.StringIteratorUnicode("a😀b");
		var cps = [];
		for (c in ki)
			cps.push(c);
		Sys.println(cps);
	}
}
