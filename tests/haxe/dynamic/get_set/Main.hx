// Covers: dynamic field get/set on class instances (existing fields, methods read as bound
// closures), on anonymous objects (adding fields, retyping a field from Int to String to Float),
// Reflect.field/setField, reading missing fields (null), Int field read as Float and back,
// writing an unknown field of a class instance.
// HashLink rule: that error text is "Obj does not have field unknownField" (class name without
// package); haxe --interp fails differently.
class Obj {
	public var i:Int = 1;
	public var f:Float = 2.5;
	public var s:String = "s";
	public var b:Bool = false;

	public function new() {}

	public function m(x:Int)
		return x + i;
}

class Main {
	static function main() {
		var o:Dynamic = new Obj();
		Sys.println(o.i + " " + o.f + " " + o.s + " " + o.b);
		o.i = 10;
		o.f = 3;
		o.s = "t";
		o.b = true;
		Sys.println(o.i + " " + o.f + " " + o.s + " " + o.b);
		var m = o.m;
		Sys.println(m(5));
		Sys.println(o.nope);
		var real:Obj = o;
		Sys.println(real.i + real.f);
		var a:Dynamic = {};
		a.x = 1;
		Sys.println(a.x);
		a.x = "now a string";
		Sys.println(a.x);
		a.x = 0.5;
		Sys.println(a.x * 2);
		a.y = [1, 2];
		a.y.push(3);
		Sys.println(a.y);
		Reflect.setField(a, "z", 99);
		Sys.println(Reflect.field(a, "z") + Reflect.field(a, "x"));
		Sys.println(Reflect.field(new Obj(), "s"));
		var an = {count: 1};
		var ad:Dynamic = an;
		ad.count += 5;
		Sys.println(an.count);
		var fi:Float = ad.count;
		Sys.println(fi / 4);
		try {
			o.unknownField = 1;
			Sys.println("no error");
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
	}
}
