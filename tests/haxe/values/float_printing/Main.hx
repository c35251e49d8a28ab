// Covers: Float to string conversion as HashLink does it.
// HashLink rules (hl-bytecode.md 7.5): Std.string(Float) is C "%.15g" (0.1+0.2 -> 0.3, 1e21 ->
// 1e+21, 1e-5 -> 1e-05, 1/3 -> 0.333333333333333), infinities print inf/-inf, NaN prints NaN,
// integral floats print without ".0"; floats inside anonymous objects are printed by the runtime
// with "%.17g" ({x : 1.1000000000000001}); Haxe arrays print elements through Std.string
// ([1.1,2]). haxe --interp prints differently (more digits, Infinity), so this test follows HashLink.
class Main {
	static function main() {
		var vals = [0.1 + 0.2, 1e21, 1e20, 1e-5, 0.0001, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 123456789012345678.0, 3.14159265358979, 5e-324, 1.7976931348623157e308];
		for (v in vals)
			Sys.println(v);
		Sys.println(Math.POSITIVE_INFINITY);
		Sys.println(Math.NEGATIVE_INFINITY);
		Sys.println(Math.NaN);
		Sys.println(1.0 / 0);
		Sys.println([1.1, 2]);
		Sys.println({x: 1.1});
		Sys.println({y: 0.5});
		Sys.println("" + 2.5e-7);
		Sys.println(Std.string(1e300 * 10));
		Sys.println(0.1 * 3);
		var d:Dynamic = 1.1;
		Sys.println(d);
		Sys.println(Std.parseFloat("1e3"));
	}
}
