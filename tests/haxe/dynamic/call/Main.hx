// Covers: calling functions through Dynamic (closures, static and instance methods),
// argument conversion (Int passed where Float expected and back), Reflect.callMethod with
// bound methods and plain functions, Reflect.makeVarArgs, calling Dynamic methods of
// anonymous objects, returning Void through Dynamic (null).
class K {
	public var base:Int;

	public function new(b)
		base = b;

	public function add(x:Int, y:Float):Float
		return base + x + y;

	public static function st(s:String)
		return s + s;
}

class Main {
	static function main() {
		var f:Dynamic = function(a:Float, b:Float) return a * b;
		Sys.println(f(3, 4));
		Sys.println(f(1.5, 2));
		var k = new K(100);
		var dk:Dynamic = k;
		Sys.println(dk.add(1, 2));
		var meth:Dynamic = k.add;
		Sys.println(meth(10, 0.5));
		var st:Dynamic = K.st;
		Sys.println(st("ab"));
		Sys.println(Reflect.callMethod(k, Reflect.field(k, "add"), [5, 5]));
		Sys.println(Reflect.callMethod(null, K.st, ["x"]));
		Sys.println(Reflect.callMethod(null, function(a:Int, b:Int, c:Int) return a - b - c, [10, 1, 2]));
		var obj:Dynamic = {calc: function(x:Int) return x * x, name: "o"};
		Sys.println(obj.calc(9));
		var v:Dynamic = function() {};
		Sys.println(v());
		var retInt:Dynamic = function():Int return 7;
		var asFloat:Float = retInt();
		Sys.println(asFloat / 2);
		var many:Dynamic = function(a:Int, b:Int, c:Int, d:Int, e:Int, f:Int) return a + b + c + d + e + f;
		Sys.println(many(1, 2, 3, 4, 5, 6));
		var fns:Array<Dynamic> = [Math.abs, Std.string, function(x) return x];
		Sys.println(fns[0](-3) + " " + fns[1](4) + " " + fns[2]("id"));
		Sys.println(Reflect.isFunction(f) + " " + Reflect.isFunction(k));
	}
}
