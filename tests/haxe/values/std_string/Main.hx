// Covers: Std.string / string conversion of every kind of value as HashLink prints them:
// null, Int, Float, Bool, String, arrays (nested, with null), enums, class instances with and
// without toString, class objects, enum objects, haxe.ds.Option.
// HashLink rules: an instance without toString prints its class name; a Class value prints
// $Name and an Enum value $Name (haxe --interp prints Class<NoStr> / Enum<E>). Functions print
// as function#<address> in HashLink, so they are not printed here.
class NoStr {
	public var a = 1;

	public function new() {}
}

class WithStr {
	public function new() {}

	public function toString()
		return "custom!";
}

enum E {
	Plain;
	Args(a:Int, b:String, c:Array<Int>);
}

class Main {
	static function main() {
		Sys.println(Std.string(null));
		Sys.println(Std.string(-12));
		Sys.println(Std.string(1.0));
		Sys.println(Std.string(-0.5));
		Sys.println(Std.string(true));
		Sys.println(Std.string("s"));
		Sys.println(Std.string([1, 2, 3]));
		Sys.println(Std.string([[1], [], [2, 3]]));
		Sys.println(Std.string(["a", null, "c"]));
		Sys.println(Std.string([1.5, 2.0]));
		Sys.println(Std.string([true, false]));
		Sys.println(Std.string(Plain));
		Sys.println(Std.string(Args(1, "x", [2, 3])));
		Sys.println(Std.string(new NoStr()));
		Sys.println(Std.string(new WithStr()));
		Sys.println(Std.string(NoStr));
		Sys.println(Std.string(E));
		Sys.println(Std.string(haxe.ds.Option.Some(3)));
		Sys.println(Std.string(haxe.ds.Option.None));
		var arrDyn:Array<Dynamic> = [1, "two", 3.5, null, [4], Plain];
		Sys.println(Std.string(arrDyn));
		Sys.println("" + new WithStr() + new NoStr());
	}
}
