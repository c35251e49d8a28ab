// Covers: the per-site cache of Std.isOfType answers (hx.h hx_isof_ic) and the site caches of
// Dynamic pointer fields (hx_dyn_getp_ic, Reflect.field): one site asked about many receiver types
// and several classes in turns (a subclass, an interface, Dynamic, Int and Float class objects,
// anonymous objects, a virtual view of an instance, null), a virtual whose storage moves to a
// dynamic object after a store of another type, and String fields read through Dynamic and Reflect
// from classes and anonymous objects of several shapes. Output: HashLink 1.12.
interface Shape {}

class Base {
	public var name:String;

	public function new(n) {
		name = n;
	}
}

class Circle extends Base implements Shape {
	public var label:String;

	public function new() {
		super("circle");
		label = "c";
	}
}

class Other {
	public var pad:Int;
	public var name:String;

	public function new() {
		pad = 1;
		name = "other";
	}
}

class Main {
	static function kinds(v:Dynamic):String {
		var s = "";
		for (c in ([Base, Circle, Shape, Other, Dynamic, Int, Float, String] : Array<Dynamic>))
			s += Std.isOfType(v, c) ? "1" : "0";
		return s + (Std.isOfType(v, Base) ? "B" : "b") + (Std.isOfType(v, Shape) ? "S" : "s");
	}

	static function names(o:Dynamic):String {
		try {
			var n:Dynamic = o.name;
			var r:Dynamic = Reflect.field(o, "name");
			return '$n/$r';
		} catch (e:Dynamic) {
			return 'error $e';
		}
	}

	static function main() {
		var circle = new Circle();
		var view:{name:String} = circle;
		var anon:Dynamic = {name: "anon", x: 1};
		var anon2:Dynamic = {x: 2, name: "anon2"};
		var values:Array<Dynamic> = [new Base("b"), circle, new Other(), anon, anon2, view, null, 3, 2.5, "str", [1]];
		for (round in 0...3) {
			Sys.println([for (v in values) kinds(v)].join(" "));
			Sys.println([for (v in values) names(v)].join(" "));
			if (round == 0) {
				anon.name = 42; // a field changes type: the virtual's storage moves
				anon2.extra = true;
			}
		}
	}
}
