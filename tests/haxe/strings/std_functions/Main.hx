// Covers: Std.parseInt (decimal, signs, hex, leading whitespace, trailing garbage, invalid ->
// null), Std.parseFloat (exponents, partial parses, invalid -> NaN), Std.int, Std.string,
// Std.isOfType on primitives, Std.random bounds (not its values).
// HashLink rules: parseInt of too many digits wraps around in 32 bits (99999999999 ->
// 1215752191; interp: null); parseFloat("1e") = 1; NaN/infinity print NaN/inf.
class Main {
	static function main() {
		for (s in ["42", "-17", "+8", "0x1F", "0XfF", "  12", "12abc", "abc", "", "3.9", "-0x10", "2147483647", "99999999999"])
			Sys.println("parseInt(" + s + ")=" + Std.parseInt(s));
		for (s in ["3.25", "-1e3", "1.5e-2", "  7.5", "2.5xyz", "abc", ".5", "1e", "-.25", "1.7976931348623157e309"])
			Sys.println("parseFloat(" + s + ")=" + Std.parseFloat(s));
		Sys.println(Std.int(3.99) + " " + Std.int(-3.99));
		Sys.println(Std.isOfType(1, Int) + " " + Std.isOfType(1.5, Int) + " " + Std.isOfType(1, Float) + " " + Std.isOfType("s", String) + " " + Std.isOfType(null, String));
		var ok = true;
		for (i in 0...1000) {
			var r = Std.random(10);
			if (r < 0 || r >= 10)
				ok = false;
		}
		Sys.println("random in range: " + ok);
		Sys.println(Std.random(0) + " " + Std.random(1));
	}
}
