// Covers: arithmetic, comparison, logical and bitwise operators on Int and Float, compound
// assignments, pre/post increment, unsigned shift, operator precedence, Int/Float mixing,
// string comparison and concatenation operators.
class Main {
	static function main() {
		var a = 17, b = 5;
		Sys.println([a + b, a - b, a * b, a % b, -a % b, a % -b].join(" "));
		Sys.println(a / b);
		Sys.println(Std.int(a / b) + " " + Std.int(-a / b));
		Sys.println([a & b, a | b, a ^ b, ~a, a << 3, a >> 1, -a >> 1, -a >>> 28].join(" "));
		Sys.println([a == b, a != b, a < b, a <= 17, a > b, a >= 18].join(" "));
		var c = 10;
		c += 5;
		c -= 3;
		c *= 2;
		c %= 7;
		c <<= 4;
		c >>= 1;
		c |= 3;
		c &= 0xFE;
		c ^= 0x10;
		Sys.println(c);
		var i = 5;
		var r1 = i++;
		var r2 = ++i;
		var r3 = i--;
		var r4 = --i;
		Sys.println([r1, r2, r3, r4, i].join(" "));
		Sys.println(2 + 3 * 4 - 6 / 2);
		Sys.println((2 + 3) * 4 % 7);
		Sys.println(1 + 2 + "x" + 1 + 2);
		var f = 1.5;
		f *= 4;
		f /= 3;
		Sys.println(f);
		Sys.println(7 % 2.5);
		Sys.println(-7.5 % 2);
		Sys.println("abc" < "abd");
		Sys.println("b" > "abc");
		Sys.println("Z" < "a");
		Sys.println(!(a > b) || b == 5);
		Sys.println(0x7FFFFFFF + " " + 0xFF + " " + (1 << 31));
		var x = 3;
		x += x++ * 2;
		Sys.println(x);
		Sys.println(5 == 5.0);
		Sys.println(1 / 3 * 3 == 1);
	}
}
