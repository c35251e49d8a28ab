// Covers: Single (f32) values: arithmetic in single precision, conversion to and from Float,
// storage in fields and Array<Single>, printing.
// HashLink 1.12 rule (hl-bytecode.md 7.4): a Single converted to string/Dynamic prints with
// "%.9f" (0.1 -> 0.100000001, 2.5 -> 2.500000000). HashLink master prints "%.9g" (2.5) instead;
// the reference is 1.12. Singles converted to Float first print with the Float rule.
class H {
	public var s:Single = 1.5;

	public function new() {}
}

class Main {
	static function main() {
		var a:Single = 0.1;
		var b:Single = 2.5;
		Sys.println(a);
		Sys.println(b);
		var f:Float = a;
		Sys.println(f);
		var sum:Single = a + b;
		Sys.println((sum : Float));
		var h = new H();
		h.s *= 3;
		Sys.println((h.s : Float));
		var arr:Array<Single> = [0.5, 0.25];
		arr.push(1 / 3);
		Sys.println((arr[2] : Float));
		Sys.println(arr.length);
		var big:Single = 16777217;
		Sys.println((big : Float));
		var d:Dynamic = b;
		Sys.println(d);
	}
}
