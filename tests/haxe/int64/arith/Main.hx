// Covers: haxe.Int64 arithmetic (HashLink native i64): make, ofInt, add/sub/mul/div/mod with
// negatives, overflow wrap at 64 bits, shifts (<<, >>, >>>), bitwise ops, comparisons, neg,
// high/low parts, toInt, isZero, Int64 in arrays, division by zero.
// Haxe 4.2.5 rule: on HashLink haxe.Int64 is the generic class haxe._Int64.___Int64 {high, low}
// (not the native i64); printed as a Dynamic it shows that class name (its toString is not kept).
import haxe.Int64;

class Main {
	static function main() {
		var a = Int64.make(0x7FFFFFFF, 0xFFFFFFFF);
		Sys.println(Int64.toStr(a));
		Sys.println(Int64.toStr(a + 1));
		var b:Int64 = 1000000007;
		Sys.println("" + b * b);
		Sys.println("" + b * b * b);
		var c = Int64.ofInt(-17);
		Sys.println(c / 5 + " " + c % 5 + " " + Int64.divMod(c, 5).quotient);
		Sys.println((c << 40) + " " + (c >> 2) + " " + (c >>> 60));
		Sys.println((a & Int64.ofInt(0xFF)) + " " + (c | Int64.ofInt(1)) + " " + (c ^ Int64.ofInt(-1)) + " " + ~c);
		Sys.println((a > b) + " " + (c < b) + " " + (b == Int64.ofInt(1000000007)) + " " + Int64.compare(c, b) + " " + Int64.ucompare(c, b));
		Sys.println(-c + " " + Int64.neg(a));
		Sys.println(a.high + " " + a.low + " " + c.high + " " + c.low);
		Sys.println(Int64.toInt(Int64.ofInt(123)) + " " + Int64.isZero(Int64.ofInt(0)) + " " + Int64.isNeg(c));
		var arr = [Int64.ofInt(3), Int64.make(1, 0)];
		Sys.println("" + (arr[0] + arr[1]));
		var x:Int64 = 1;
		for (i in 0...70)
			x *= 2;
		Sys.println("" + x);
		var f:Int64 = 1;
		for (i in 1...21)
			f *= i;
		Sys.println("" + f);
		try {
			Sys.println("" + Int64.ofInt(1) / Int64.ofInt(0));
		} catch (e:Dynamic) {
			Sys.println("div by zero: " + e);
		}
	}
}
