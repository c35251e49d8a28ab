// Covers: Reflect.callMethod on static functions, bound instance methods (with and without an
// explicit object), closures; argument type conversion; Reflect.makeVarArgs; calling a method
// fetched with Reflect.field; Reflect.compareMethods.
class Calc {
	public var k:Int;

	public function new(k)
		this.k = k;

	public function mul(a:Int, b:Float):Float
		return k * a * b;

	public static function concat(a:String, b:String, c:String)
		return a + b + c;
}

class Main {
	static function main() {
		Sys.println(Reflect.callMethod(null, Calc.concat, ["a", "b", "c"]));
		var c = new Calc(2);
		Sys.println(Reflect.callMethod(c, c.mul, [3, 1.5]));
		Sys.println(Reflect.callMethod(c, Reflect.field(c, "mul"), [1, 1]));
		var clo = function(x:Int, y:Int) return x * 10 + y;
		Sys.println(Reflect.callMethod(null, clo, [4, 2]));
		var vf:Dynamic = Reflect.makeVarArgs(args -> {
			var s = 0.0;
			for (a in args)
				s += a;
			return s;
		});
		Sys.println(vf(1, 2, 3.5));
		Sys.println(vf());
		Sys.println(Reflect.compareMethods(c.mul, c.mul) + " " + Reflect.compareMethods(Calc.concat, Calc.concat) + " " + Reflect.compareMethods(c.mul,
			new Calc(2).mul));
		var meths = ["mul"];
		for (m in meths)
			Sys.println(Reflect.callMethod(c, Reflect.field(c, m), [5, 2]));
	}
}
