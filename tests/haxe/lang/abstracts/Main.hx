// Covers: abstracts over Int/Float/String/Array with implicit from/to casts, @:op operator
// overloading (binary, unary, comparison), @:arrayAccess, static extension-like methods on
// abstracts, @:forward, abstract constructors, underlying values at runtime.
abstract Meters(Float) from Float to Float {
	public inline function new(v:Float)
		this = v;

	@:op(A + B) static function add(a:Meters, b:Meters):Meters
		return new Meters((a : Float) + (b : Float));

	@:op(A * B) static function scale(a:Meters, k:Float):Meters
		return new Meters((a : Float) * k);

	@:op(-A) static function neg(a:Meters):Meters
		return new Meters(-(a : Float));

	@:op(A > B) static function gt(a:Meters, b:Meters):Bool
		return (a : Float) > (b : Float);

	@:to public function toString():String
		return this + "m";

	public function toKm():Float
		return this / 1000;
}

abstract Vec2(Array<Float>) {
	public function new(x:Float, y:Float)
		this = [x, y];

	public var x(get, never):Float;

	function get_x()
		return this[0];

	@:arrayAccess function get(i:Int):Float
		return this[i];

	@:arrayAccess function set(i:Int, v:Float):Float
		return this[i] = v;

	@:op(A + B) function plus(o:Vec2):Vec2
		return new Vec2(this[0] + o[0], this[1] + o[1]);

	public function len2():Float
		return this[0] * this[0] + this[1] * this[1];
}

@:forward(length, push, join)
abstract Names(Array<String>) from Array<String> {
	public function shout():String
		return this.join("!").toUpperCase();
}

abstract Flags(Int) {
	public inline function new(i:Int)
		this = i;

	public inline function has(bit:Int):Bool
		return this & (1 << bit) != 0;

	public inline function with(bit:Int):Flags
		return new Flags(this | (1 << bit));

	public function toInt():Int
		return this;
}

class Main {
	static function main() {
		var a = new Meters(120.5);
		var b:Meters = 79.5;
		var c = a + b;
		Sys.println(c);
		Sys.println((c * 2 : Float));
		Sys.println((-a : Float));
		Sys.println(a > b);
		Sys.println(c.toKm());
		var s:String = c;
		Sys.println(s.length);
		var v = new Vec2(3, 4);
		Sys.println(v.len2() + " " + v.x + " " + v[1]);
		v[1] = 10;
		var w = v + new Vec2(1, 1);
		Sys.println(w[0] + "," + w[1]);
		var n:Names = ["ann", "bob"];
		n.push("cy");
		Sys.println(n.length + " " + n.join("-") + " " + n.shout());
		var f = new Flags(0).with(1).with(3);
		Sys.println(f.has(1) + " " + f.has(2) + " " + f.has(3) + " " + f.toInt());
		var d:Dynamic = f;
		Sys.println(d);
	}
}
