// Covers: unsafe cast (cast x), safe cast (cast(x, T)) succeeding and failing, Std.downcast,
// Dynamic to typed conversions (Int<->Float, String, class instances, interfaces), failed casts
// raising errors.
// HashLink rules: a failed cast(x, T) throws "Can't cast B to C" (haxe --interp: "Class cast
// error"); converting a Dynamic holding a String to Int throws "Can't cast String to i32"; a
// Dynamic Float read as Int truncates (3.75 -> 3); a null Dynamic read as Int gives 0.
interface I {
	function f():Int;
}

class A implements I {
	public function new() {}

	public function f()
		return 1;
}

class B extends A {
	override public function f()
		return 2;
}

class C {
	public function new() {}
}

class Main {
	static function main() {
		var d:Dynamic = new B();
		var a:A = cast d;
		Sys.println(a.f());
		var b = cast(d, B);
		Sys.println(b.f());
		var i = cast(d, I);
		Sys.println(i.f());
		Sys.println(Std.downcast(a, B) != null);
		Sys.println(Std.downcast(new A(), B) == null);
		try {
			var c = cast(d, C);
			Sys.println("no error " + c);
		} catch (e:Dynamic) {
			Sys.println("cast failed: " + e);
		}
		var n:Dynamic = 3;
		var fl:Float = n;
		Sys.println(fl + 0.5);
		var n2:Dynamic = 3.75;
		var asInt:Int = n2;
		Sys.println(asInt);
		var s:Dynamic = "text";
		var str:String = s;
		Sys.println(str.length);
		try {
			var bad:Int = s;
			Sys.println("no error " + bad);
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
		var arr:Dynamic = [1, 2];
		var typed:Array<Int> = arr;
		Sys.println(typed[1]);
		var ui:Int = cast 2.9;
		Sys.println(ui);
		var nul:Dynamic = null;
		var ns:String = nul;
		var ni:Null<Int> = nul;
		Sys.println(ns + " " + ni);
		var zero:Int = nul;
		Sys.println(zero);
	}
}
