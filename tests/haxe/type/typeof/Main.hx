// Covers: Type.typeof for every kind of value (TNull, TInt, TFloat, TBool, TObject, TFunction,
// TClass(c), TEnum(e), TUnknown) and the ValueType printing.
// HashLink rules: a boxed Float with an integral value is TInt (2.0 -> int; std hl Type.typeof
// checks (v:Int) == (v:Float)) and Std.isOfType(2.0, Int) is true; an Enum value prints $E, so TEnum(e) prints
// TEnum($E) (haxe --interp: TEnum(Enum<E>)).
enum E {
	A;
}

class C {
	public function new() {}
}

class Main {
	static function show(v:Dynamic):String {
		return switch Type.typeof(v) {
			case TNull: "null";
			case TInt: "int";
			case TFloat: "float";
			case TBool: "bool";
			case TObject: "object";
			case TFunction: "function";
			case TClass(c): "class " + Type.getClassName(c);
			case TEnum(e): "enum " + Type.getEnumName(e);
			case TUnknown: "unknown";
		}
	}

	static function main() {
		var vals:Array<Dynamic> = [null, 1, 1.5, 2.0, true, {a: 1}, function() {}, new C(), "s", [1], A, C, E, haxe.ds.Option.Some(1)];
		for (v in vals)
			Sys.println(show(v));
		Sys.println(Type.typeof(5));
		Sys.println(Type.typeof(A));
	}
}
