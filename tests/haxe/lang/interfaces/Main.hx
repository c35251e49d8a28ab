// Covers: interfaces (several per class, extending interfaces), calls through interface types,
// interface-typed fields and arrays, Std.isOfType against interfaces, interface properties.
interface Shape {
	function area():Float;
	function name():String;
}

interface Named {
	var label(get, never):String;
}

interface Solid extends Shape {
	function volume(depth:Float):Float;
}

class Rect implements Shape implements Named {
	var w:Float;
	var h:Float;

	public var label(get, never):String;

	public function new(w, h) {
		this.w = w;
		this.h = h;
	}

	function get_label()
		return "rect " + w + "x" + h;

	public function area()
		return w * h;

	public function name()
		return "Rect";
}

class Cube implements Solid {
	var s:Float;

	public function new(s) {
		this.s = s;
	}

	public function area()
		return 6 * s * s;

	public function name()
		return "Cube";

	public function volume(depth:Float)
		return s * s * depth;
}

class Main {
	static function total(shapes:Array<Shape>):Float {
		var t = 0.0;
		for (s in shapes)
			t += s.area();
		return t;
	}

	static function main() {
		var r = new Rect(2, 3.5);
		var c = new Cube(2);
		var shapes:Array<Shape> = [r, c, new Rect(1, 1)];
		for (s in shapes)
			Sys.println(s.name() + " " + s.area());
		Sys.println("total " + total(shapes));
		var n:Named = r;
		Sys.println(n.label);
		var so:Solid = c;
		Sys.println(so.volume(10));
		Sys.println(Std.isOfType(r, Shape) + " " + Std.isOfType(r, Named) + " " + Std.isOfType(c, Named) + " " + Std.isOfType(c, Shape));
		var sh:Shape = so;
		Sys.println(sh.name());
		var d:Dynamic = r;
		Sys.println(Std.isOfType(d, Shape));
		var back:Rect = cast sh == null ? null : cast shapes[0];
		Sys.println(back.label);
		Sys.println(sh == c);
	}
}
