// Covers: Dynamic + Dynamic (Std.__add__) for every operand mix (Int+Int, String+String,
// String+Int, Int+String, Float+Int, null+String), including the register-reuse case where the
// compiler writes the sum into the register holding the left operand (`arr[1] + arr[2]`, x += y).
class Main {
	static var arr:Array<Dynamic> = [0, "Hello", " World", 0.4, 7, null];

	static function main() {
		var d:Dynamic = arr[1] + arr[2];
		Sys.println(d);
		Sys.println(arr[0] + arr[3]);
		Sys.println(arr[4] + arr[4]);
		Sys.println(arr[1] + arr[4]);
		Sys.println(arr[4] + arr[2]);
		Sys.println(arr[5] + arr[2]);
		var x:Dynamic = "a";
		for (i in 1...4) {
			var y:Dynamic = i;
			x += y;
		}
		Sys.println(x);
		var n:Dynamic = 1;
		for (i in 0...5) {
			var y:Dynamic = arr[4];
			n = n + y;
		}
		Sys.println(n);
		var f:Dynamic = 0.5;
		f = f + arr[4];
		Sys.println(f);
	}
}
