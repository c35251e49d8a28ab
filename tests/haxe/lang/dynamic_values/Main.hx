// Covers: Dynamic variables holding every kind of value, dynamic field access and creation,
// dynamic method calls, dynamic arithmetic and string concatenation, Dynamic in arrays,
// untyped function calls through Dynamic, Std.isOfType on Dynamic.
// HashLink rule: Float to string is %.15g (7/3 prints 2.33333333333333; haxe --interp prints more digits).
class Obj {
	public var v = 10;

	public function new() {}

	public function twice(x:Int)
		return x * 2 + v;
}

class Main {
	static function main() {
		var d:Dynamic = 5;
		Sys.println(d + 1);
		d = d * 2.5;
		Sys.println(d);
		d = "str";
		Sys.println(d + 1);
		Sys.println(d.length);
		d = [1, 2, 3];
		Sys.println(d.length);
		Sys.println(d[1]);
		d.push(4);
		Sys.println(d);
		d = {};
		d.a = 1;
		d.b = "two";
		Sys.println(d.a + d.a + " " + d.b);
		d.f = function(x) return x + 100;
		Sys.println(d.f(1));
		var o:Dynamic = new Obj();
		Sys.println(o.twice(4));
		o.v = 1;
		Sys.println(o.twice(4) + " " + o.v);
		var m = o.twice;
		Sys.println(m(0));
		var fs:Dynamic = function(a:Dynamic, b:Dynamic):Dynamic return a + b;
		Sys.println(fs(1, 2) + " " + fs("a", "b"));
		var arr:Array<Dynamic> = [1, "s", 2.5, true, null, [1], {x: 1}];
		var kinds = [];
		for (x in arr)
			kinds.push(Std.isOfType(x, Int) ? "int" : Std.isOfType(x, Float) ? "float" : Std.isOfType(x, String) ? "string" : Std.isOfType(x,
				Bool) ? "bool" : x == null ? "null" : Std.isOfType(x, Array) ? "array" : "other");
		Sys.println(kinds.join(","));
		var i:Int = arr[0];
		var f:Float = arr[2];
		var b:Bool = arr[3];
		Sys.println(i + f + " " + b);
		var empty:Dynamic = {};
		var missing:Dynamic = empty.nothing;
		Sys.println(missing);
		var x:Dynamic = 3;
		var y:Dynamic = 4.5;
		Sys.println(x < y);
		Sys.println(x * y);
		Sys.println(x == 3);
		Sys.println(7 / x);
		Sys.println(x % 2);
		Sys.println(-x);
	}
}
