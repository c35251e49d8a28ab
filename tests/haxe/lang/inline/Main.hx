// Covers: inline functions (static and instance), inline variables and constants, inline
// constructors (objects that the compiler may scalar-replace), inline calls with side effects
// evaluated once and in order, `inline` at call sites.
class V {
	public var x:Float;
	public var y:Float;

	public inline function new(x, y) {
		this.x = x;
		this.y = y;
	}

	public inline function add(o:V)
		return new V(x + o.x, y + o.y);

	public inline function dot(o:V)
		return x * o.x + y * o.y;
}

class Main {
	static inline var K = 7;
	static inline final NAME = "inl";
	static var calls = 0;

	static inline function sq(x:Int)
		return x * x;

	static inline function clamp(v:Int, lo:Int, hi:Int)
		return v < lo ? lo : v > hi ? hi : v;

	static function sideEffect(v:Int) {
		calls++;
		return v;
	}

	static function notInline(a:Int, b:Int)
		return a - b;

	static function main() {
		Sys.println(sq(K));
		Sys.println(NAME + K);
		Sys.println(sq(sideEffect(3)) + " calls=" + calls);
		Sys.println(clamp(15, 0, 10) + " " + clamp(-3, 0, 10) + " " + clamp(5, 0, 10));
		var v = new V(1, 2).add(new V(3, 4));
		Sys.println(v.x + " " + v.y + " " + v.dot(new V(1, 1)));
		var order = [];
		inline function rec(s:String) {
			order.push(s);
			return s.length;
		}
		var r = rec("a") + rec("bb") * rec("ccc");
		Sys.println(r + " " + order.join(""));
		Sys.println(inline notInline(10, 3));
		var acc = 0;
		for (i in 0...K)
			acc += sq(i);
		Sys.println(acc);
	}
}
