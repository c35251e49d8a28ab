// Covers: Math.floor/ceil/round (Int results) and ffloor/fceil/fround (Float results) on
// positive, negative, half values and out-of-range values; Std.int truncation.
// HashLink rules: Math.round(x) = floor(x + 0.5) (round(-2.5) = -2, round(2.5) = 3); Int results
// of out-of-range or NaN inputs are -2147483648 (haxe --interp differs there); fceil(-0.5) is
// -0.0, printed "-0" by %.15g.
class Main {
	static function main() {
		var vals = [2.5, -2.5, 2.4, -2.6, 0.5, -0.5, 1e-9, 7.0];
		Sys.println([for (v in vals) Math.round(v)].join(" "));
		Sys.println([for (v in vals) Math.floor(v)].join(" "));
		Sys.println([for (v in vals) Math.ceil(v)].join(" "));
		Sys.println([for (v in vals) Math.fround(v)].join(" "));
		Sys.println([for (v in vals) Math.ffloor(v)].join(" "));
		Sys.println([for (v in vals) Math.fceil(v)].join(" "));
		Sys.println([for (v in vals) Std.int(v)].join(" "));
		Sys.println(Math.floor(1e10) + " " + Math.ceil(-1e10) + " " + Math.round(Math.NaN) + " " + Math.floor(Math.POSITIVE_INFINITY));
		Sys.println(Math.ffloor(1e10) + " " + Math.fround(-1e10));
	}
}
