// Covers: haxe.io.FPHelper float/int bit conversions: floatToI32/i32ToFloat,
// doubleToI64/i64ToDouble, special values (infinities).
// HashLink 1.12 rule: i32ToFloat returns a Single, printed with "%.9f" (3.141592741; HashLink
// master prints %.9g: 3.14159274).
class Main {
	static function main() {
		Sys.println(StringTools.hex(haxe.io.FPHelper.floatToI32(1.0), 8));
		Sys.println(StringTools.hex(haxe.io.FPHelper.floatToI32(-2.5), 8));
		Sys.println(haxe.io.FPHelper.i32ToFloat(0x40490FDB));
		var i = haxe.io.FPHelper.doubleToI64(1.0);
		Sys.println(StringTools.hex(i.high, 8) + StringTools.hex(i.low, 8));
		Sys.println(haxe.io.FPHelper.i64ToDouble(0, 0x40090000));
		Sys.println(StringTools.hex(haxe.io.FPHelper.floatToI32(Math.POSITIVE_INFINITY), 8));
		var z = haxe.io.FPHelper.doubleToI64(Math.NEGATIVE_INFINITY);
		Sys.println(StringTools.hex(z.high, 8) + " " + z.low);
	}
}
