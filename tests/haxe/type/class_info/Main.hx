// Covers: Type.getClass, getClassName, getSuperClass, resolveClass (found / missing),
// getInstanceFields and getClassFields (sorted before printing), Std.isOfType with Class values
// held in variables, class identity comparisons.
class Base {
	public var a = 1;

	public function new() {}

	public function foo() {}

	public static function sb() {}
}

class Derived extends Base {
	public var b = 2;

	public static var sv = 3;

	public function bar() {}

	public static function sd() {}
}

class Main {
	static function sorted(a:Array<String>) {
		a.sort(Reflect.compare);
		return a;
	}

	static function main() {
		var d = new Derived();
		var c = Type.getClass(d);
		Sys.println(Type.getClassName(c));
		Sys.println(Type.getClassName(Type.getSuperClass(c)));
		Sys.println(Type.getSuperClass(Base) == null);
		Sys.println(Type.resolveClass("Derived") == Derived);
		Sys.println(Type.resolveClass("Nope") == null);
		Sys.println(sorted(Type.getInstanceFields(Derived)));
		Sys.println(sorted(Type.getClassFields(Derived)));
		Sys.println(sorted(Type.getClassFields(Base)));
		var cls:Class<Dynamic> = Base;
		Sys.println(Std.isOfType(d, cls) + " " + Std.isOfType(new Base(), Derived));
		Sys.println(Type.getClass("str") == String);
		Sys.println(Type.getClassName(Type.getClass([1])));
		Sys.println(Type.getClass(null) == null);
		Sys.println(Type.getClassName(String) + " " + Type.getClassName(Main));
	}
}
