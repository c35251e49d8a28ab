// Covers: implicit Int->Float promotion (arguments, fields, array elements, returns), Float->Int
// via Std.int/Math.floor only, Int stored into a Float field through Dynamic and Reflect,
// Null<Float> from Int, Dynamic Int read as Float and the reverse, Bool is not a number.
// HashLink rules: a Float written dynamically into an Int field is truncated (2.75 -> 2); Float
// arithmetic on promoted Ints does not wrap (haxe --interp differs on both).
class H {
	public var f:Float = 0;
	public var i:Int = 0;

	public function new() {}
}

class Main {
	static function half(x:Float)
		return x / 2;

	static function asFloat():Float
		return 3;

	static function main() {
		var i = 7;
		Sys.println(half(i) + " " + asFloat());
		var h = new H();
		h.f = i;
		Sys.println(h.f);
		Reflect.setField(h, "f", 5);
		Sys.println(h.f / 2);
		var dh:Dynamic = h;
		dh.f = 9;
		dh.i = 2.75;
		Sys.println(h.f + " " + h.i);
		var nf:Null<Float> = i;
		Sys.println(nf);
		var arr:Array<Float> = [1, 2, 3];
		arr.push(i);
		Sys.println(arr + " " + arr[3] / 2);
		var di:Dynamic = 4;
		var ff:Float = di;
		var df:Dynamic = 4.5;
		var ii:Int = Std.int(df);
		Sys.println(ff / 8 + " " + ii);
		Sys.println(Std.isOfType(true, Int) + " " + Std.isOfType(1, Bool));
		var big:Float = 2147483647;
		Sys.println(big + 1);
		var x:Float = 1 << 20;
		Sys.println(x * x);
	}
}
