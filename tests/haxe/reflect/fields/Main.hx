// Covers: Reflect.field/setField/hasField/deleteField/fields/isObject/isFunction/copy/compare on
// anonymous objects and class instances. Field name lists are sorted before printing.
// HashLink 1.12 rules: Reflect.hasField is false for methods of class instances (haxe --interp:
// true); Reflect.compare(3, 5) returns a - b = -2 for Ints (HashLink master returns -1; the
// reference is 1.12).
class C {
	public var a:Int = 1;
	public var b:String = "b";

	public function new() {}

	public function m()
		return 0;
}

class Main {
	static function sorted(a:Array<String>) {
		a.sort(Reflect.compare);
		return a;
	}

	static function main() {
		var o = {x: 1, y: "two", z: [3]};
		Sys.println(sorted(Reflect.fields(o)));
		Sys.println(Reflect.hasField(o, "x") + " " + Reflect.hasField(o, "w"));
		Sys.println(Reflect.field(o, "y") + " " + Reflect.field(o, "nope"));
		Reflect.setField(o, "w", 4.5);
		Sys.println(sorted(Reflect.fields(o)) + " " + Reflect.field(o, "w"));
		Sys.println(Reflect.deleteField(o, "x") + " " + Reflect.deleteField(o, "x") + " " + Reflect.hasField(o, "x"));
		Sys.println(sorted(Reflect.fields(o)));
		var c = new C();
		Sys.println(sorted(Reflect.fields(c)));
		Sys.println(Reflect.hasField(c, "a") + " " + Reflect.hasField(c, "m"));
		Reflect.setField(c, "a", 10);
		Sys.println(c.a + " " + Reflect.field(c, "b"));
		Sys.println(Reflect.isObject(o) + " " + Reflect.isObject(c) + " " + Reflect.isObject(1) + " " + Reflect.isObject("s") + " " + Reflect.isObject(null));
		Sys.println(Reflect.isFunction(c.m) + " " + Reflect.isFunction(o));
		var cp = Reflect.copy({k: 1, l: "x"});
		cp.k = 2;
		Sys.println(cp.k + " " + cp.l);
		Sys.println(Reflect.compare(3, 5) + " " + Reflect.compare("b", "a") + " " + Reflect.compare(2.5, 2.5));
		Sys.println(Reflect.isEnumValue(haxe.ds.Option.None) + " " + Reflect.isEnumValue(1));
		var f = Reflect.field(c, "m");
		Sys.println(Reflect.callMethod(c, f, []));
	}
}
