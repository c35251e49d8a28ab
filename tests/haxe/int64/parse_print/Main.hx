// Covers: haxe.Int64 to string and parsing: Int64.toStr, Std.string, string interpolation,
// Int64.parseString (negative, limits, invalid input error), fromFloat, Int64Helper.
// Haxe 4.2.5 rule: on HashLink haxe.Int64 is the generic class haxe._Int64.___Int64 {high, low}
// (not the native i64); printed as a Dynamic it shows that class name (its toString is not kept).
import haxe.Int64;

class Main {
	static function main() {
		var min = Int64.make(0x80000000, 0);
		Sys.println(min + " " + Int64.toStr(min - 1));
		Sys.println(Int64.parseString("-9223372036854775808") == min);
		Sys.println("" + Int64.parseString("123456789012345"));
		Sys.println("" + (Int64.parseString("-42") + Int64.ofInt(2)));
		Sys.println("" + haxe.Int64Helper.fromFloat(1e15));
		Sys.println("" + Int64.fromFloat(-2.0e10));
		var v = Int64.make(1, 1);
		Sys.println('interp $v ${v * 2}');
		try {
			Int64.parseString("12x");
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
		var d:Dynamic = v;
		Sys.println(Std.string(d));
	}
}
