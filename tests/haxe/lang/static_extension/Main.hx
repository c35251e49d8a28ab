// Covers: static extensions with `using` (own extension classes on String, Int, Array and a
// class; StringTools and Lambda through using), extension chaining, extension precedence
// against real methods.
using Main.StrExt;
using Main.IntExt;
using Main.ArrExt;
using StringTools;
using Lambda;

class StrExt {
	public static function shout(s:String):String
		return s.toUpperCase() + "!";

	public static function repeat(s:String, n:Int):String {
		var b = new StringBuf();
		for (i in 0...n)
			b.add(s);
		return b.toString();
	}
}

class IntExt {
	public static function times(n:Int, f:Int->Void)
		for (i in 0...n)
			f(i);

	public static function isOdd(n:Int)
		return n & 1 == 1;
}

class ArrExt {
	public static function sumAll(a:Array<Int>):Int {
		var s = 0;
		for (x in a)
			s += x;
		return s;
	}

	public static function length(a:Array<Int>):Int
		return -1;
}

class Main {
	static function main() {
		Sys.println("hey".shout());
		Sys.println("ab".repeat(3).shout());
		var acc = [];
		4.times(i -> acc.push(i * i));
		Sys.println(acc);
		Sys.println(3.isOdd() + " " + 8.isOdd());
		Sys.println([1, 2, 3].sumAll());
		Sys.println([1, 2, 3].length);
		Sys.println("  padded ".trim().startsWith("pad"));
		Sys.println([1, 2, 3, 4].filter(x -> x > 2).map(x -> x * 10));
		Sys.println([5, 6, 7].exists(x -> x == 6) + " " + [5, 6].has(9) + " " + [1, 2, 3].fold((x, a) -> x + a, 100));
		Sys.println([3, 4].count() + " " + ["a", "b"].indexOf("b"));
	}
}
