// Covers: 32-bit Int wrap-around on +, -, * and ++, shift counts masked to 5 bits at runtime,
// Int division producing Float, Std.int truncation toward zero, float-to-int conversion of
// large values, modulo signs, UInt behaviour, hex literals.
// HashLink rules: Std.int of NaN or an out-of-range Float gives -2147483648 (x86 cvttsd2si);
// shift counts are masked to 5 bits (1 << 33 = 2, max >> 40 = max >> 8). haxe --interp differs
// on both, so those lines follow HashLink.
class Main {
	static function shl(a:Int, n:Int)
		return a << n;

	static function main() {
		var max = 2147483647;
		var min = -2147483648;
		Sys.println(max + 1);
		Sys.println(min - 1);
		Sys.println(max * 2);
		Sys.println(65536 * 65536);
		Sys.println(123456789 * 987654321);
		var i = max;
		i++;
		Sys.println(i);
		Sys.println(-min);
		Sys.println(shl(1, 33) + " " + shl(1, 32) + " " + shl(3, -1));
		Sys.println((max >> 40) + " " + (min >>> 1));
		Sys.println(7 / 2);
		Sys.println(Std.int(7.9) + " " + Std.int(-7.9) + " " + Std.int(0.5));
		Sys.println(Std.int(3e9));
		Sys.println(Std.int(-3e9));
		Sys.println(Std.int(Math.NaN));
		Sys.println(-7 % 3 + " " + 7 % -3);
		var u:UInt = 0xFFFFFFFF;
		Sys.println(u);
		var u2:UInt = 0xB2D05E00;
		Sys.println(u2 > 5);
		Sys.println(u2 / 2);
		Sys.println(0xFFFFFFFF);
		Sys.println(0x80000000);
		var h = 0;
		for (c in "hash me".split(""))
			h = h * 31 + c.charCodeAt(0);
		Sys.println(h);
		Sys.println(1e10 + 1);
		Sys.println(Std.int(1e10 + 1));
	}
}
