// Covers: function values converted between function types (HashLink wraps them in adapter
// closures): Int->Int used as Int->Float, a function returning Int stored as Void->Dynamic,
// a function taking Dynamic used as String->Void, closures passed through Dynamic and called
// with typed signatures, methods of a subclass used as base-typed callbacks, Null<Int> returns.
// HashLink rule: a dynamic call converts each argument to the parameter type, so a Float passed
// to an Int parameter is truncated (twice(2.5) = 4; haxe --interp gives 5).
class Base {
	public function new() {}
}

class Sub extends Base {
	public var tag = "sub";

	override public function new()
		super();
}

class Main {
	static function applyF(f:Int->Float, v:Int):Float
		return f(v);

	static function callDyn(f:Void->Dynamic):Dynamic
		return f();

	static function each(f:String->Void)
		for (s in ["a", "b"])
			f(s);

	static function make(f:Void->Base):Base
		return f();

	static function main() {
		var inc:Int->Int = x -> x + 1;
		Sys.println(applyF(cast inc, 41));
		var twice = function(x:Int):Int return x * 2;
		Sys.println(applyF(twice, 21) / 4);
		Sys.println(callDyn(() -> 7) + " " + callDyn(() -> "s") + " " + callDyn(() -> 1.5));
		var seen = [];
		var logAny = function(v:Dynamic) seen.push(v);
		each(logAny);
		Sys.println(seen);
		var b = make(() -> new Sub());
		Sys.println(Std.isOfType(b, Sub) + " " + (cast b : Sub).tag);
		var dyn:Dynamic = twice;
		var typed:Int->Int = dyn;
		Sys.println(typed(5));
		var asFloat:Float->Float = dyn;
		Sys.println(asFloat(2));
		var nullable = function(x:Int):Null<Int> return x > 0 ? x : null;
		Sys.println(nullable(3) + " " + nullable(-1));
		var fs:Array<Dynamic> = [twice, inc, Math.floor];
		Sys.println([for (f in fs) f(2.5)]);
	}
}
