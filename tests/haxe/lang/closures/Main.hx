// Covers: closures capturing locals by reference (shared mutation), closures created in loops,
// bound method closures (obj.method as value), static method closures, closures stored in
// arrays and fields, returning closures, closure equality via Reflect.compareMethods.
class Counter {
	public var n:Int = 0;

	public function new() {}

	public function inc():Int
		return ++n;
}

class Main {
	static function makeAdder(k:Int):Int->Int {
		return function(x) return x + k;
	}

	static function makeCounter():{inc:Void->Int, get:Void->Int} {
		var c = 0;
		return {inc: function() return ++c, get: function() return c};
	}

	static function twice(f:Int->Int, x:Int)
		return f(f(x));

	static function sq(x:Int)
		return x * x;

	static function main() {
		var add5 = makeAdder(5);
		Sys.println(add5(10));
		Sys.println(twice(add5, 1));
		Sys.println(twice(sq, 3));
		var c = makeCounter();
		c.inc();
		c.inc();
		Sys.println(c.get());
		var fs = [];
		for (i in 0...4)
			fs.push(function() return i * 10);
		Sys.println([for (f in fs) f()].join(" "));
		var total = 0;
		var acc = function(v:Int) total += v;
		for (i in 1...6)
			acc(i);
		Sys.println(total);
		var ctr = new Counter();
		var m = ctr.inc;
		m();
		m();
		Sys.println(ctr.n + " " + m());
		var s:Float->Float = Math.sqrt;
		Sys.println(s(16));
		var a = 1, b = "x", d = 2.5;
		var multi = function() return a + b + d;
		a = 2;
		b = "y";
		Sys.println(multi());
		var compose = function(f:Int->Int, g:Int->Int) return function(x:Int) return f(g(x));
		Sys.println(compose(add5, sq)(3));
		Sys.println(Reflect.compareMethods(ctr.inc, ctr.inc));
		Sys.println(Reflect.compareMethods(ctr.inc, new Counter().inc));
		var bound = sq.bind(7);
		Sys.println(bound());
		var f3 = function(a:Int, b:Int, c:Int) return a * 100 + b * 10 + c;
		var f3b = f3.bind(_, 5, _);
		Sys.println(f3b(1, 9));
	}
}
