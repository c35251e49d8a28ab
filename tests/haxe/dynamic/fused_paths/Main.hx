// Covers: the folded Dynamic paths of the code generator (compiler/cgen/dynfuse.go) and the runtime
// entries behind them, against HashLink 1.12's output: a Dynamic field read straight into Int/Float
// (Int, Float, UI8-like, Bool, Null<Int>, missing, null, String, method fields; class, anonymous and
// virtual receivers, __get_field classes), Dynamic + Int with the Int unboxed (Int, Float, String,
// null, Bool operands; overflow wraps; a result cast to Int or kept Dynamic), Reflect.field/setField/
// hasField with a constant name (missing fields, null objects, non-objects, methods, a class without
// the field throws), Reflect.callMethod with no arguments (bound and plain functions, a function with
// parameters gets nulls, a non-function throws, a Dynamic-typed bound value), and the trace of an
// exception thrown under a folded Reflect call.
class Point {
	public var x:Int;
	public var f:Float;
	public var b:Bool;
	public var n:Null<Int>;
	public var s:String;
	public var u:hl.UI8;

	public function new() {
		x = 7;
		f = 2.75;
		b = true;
		n = null;
		s = "str";
		u = 200;
	}

	public function sum():Int {
		return x + 1;
	}

	public function two(a:Int, b:String):String {
		return "two " + a + " " + b;
	}
}

class Getter {
	public function new() {}

	function __get_field(h:Int):Dynamic {
		return 41;
	}
}

class Sub extends Point {
	public function new() {
		super();
		x = 9;
	}
}

class Main {
	static function asInt(o:Dynamic, what:String) {
		try {
			var v:Int = switch (what) {
				case "x": o.x;
				case "f": o.f;
				case "b": o.b;
				case "n": o.n;
				case "s": o.s;
				case "u": o.u;
				case "missing": o.missing;
				case "sum": o.sum;
				default: 0;
			}
			Sys.println('int $what = $v');
		} catch (e:Dynamic) {
			Sys.println('int $what: error $e');
		}
	}

	static function asFloat(o:Dynamic, what:String) {
		try {
			var v:Float = switch (what) {
				case "x": o.x;
				case "f": o.f;
				case "n": o.n;
				case "missing": o.missing;
				case "s": o.s;
				default: 0;
			}
			Sys.println('float $what = $v');
		} catch (e:Dynamic) {
			Sys.println('float $what: error $e');
		}
	}

	static function adds(d:Dynamic, i:Int) {
		try {
			var k:Int = d + i;
			Sys.println('int sum: $k');
		} catch (e:Dynamic) {
			Sys.println('int sum: error $e');
		}
		try {
			var k2:Int = i + d;
			Sys.println('int sum rev: $k2');
		} catch (e:Dynamic) {
			Sys.println('int sum rev: error $e');
		}
		try {
			var dd:Dynamic = d + i;
			Sys.println('dyn sum: $dd');
			var dd2:Dynamic = i + d;
			Sys.println('dyn sum rev: $dd2');
		} catch (e:Dynamic) {
			Sys.println('dyn sum: error $e');
		}
	}

	static function main() {
		var p:Dynamic = new Point();
		var a:Dynamic = {x: 3, f: 1.5, b: false, n: 12, s: "anon", u: 5};
		var sub:Dynamic = new Sub();
		var g:Dynamic = new Getter();
		for (o in [p, a, sub])
			for (w in ["x", "f", "b", "n", "s", "u", "missing", "sum"])
				asInt(o, w);
		for (o in [p, a])
			for (w in ["x", "f", "n", "missing", "s"])
				asFloat(o, w);
		var gx:Int = g.anything;
		Sys.println('getter: $gx');
		var nul:Dynamic = null;
		try {
			var v:Int = nul.x;
			Sys.println('null.x = $v');
		} catch (e:Dynamic) {
			Sys.println('null.x: error');
		}

		adds(5, 6);
		adds(2147483647, 1);
		adds(1.5, 2);
		adds("s", 3);
		adds(null, 4);
		adds(true, 1);
		adds(-100, 20);
		var acc:Dynamic = 0;
		for (i in 0...300)
			acc = (acc + (i & 7)) & 0xffffff;
		Sys.println('acc $acc');
		var fsum:Dynamic = 0.5;
		for (i in 0...3)
			fsum = fsum + i;
		Sys.println('fsum $fsum');

		// Reflect with constant names
		var y:Int = Reflect.field(a, "x");
		Sys.println('Reflect.field int: $y');
		var fl:Int = Reflect.field(a, "f");
		Sys.println('Reflect.field float as int: $fl');
		var miss:Int = Reflect.field(a, "nothing");
		Sys.println('Reflect.field missing as int: $miss');
		var nn:Int = Reflect.field(null, "x");
		Sys.println('Reflect.field null as int: $nn');
		var num:Int = Reflect.field(12, "x");
		Sys.println('Reflect.field on Int as int: $num');
		Sys.println('Reflect.field dyn: ' + Reflect.field(p, "s") + ' ' + Reflect.field(a, "nothing") + ' ' + Reflect.field("str", "length"));
		Reflect.setField(a, "x", 99);
		Reflect.setField(a, "newField", 1234567);
		Reflect.setField(a, "f", 3);
		Reflect.setField(p, "x", 100000);
		Reflect.setField(p, "f", 4);
		Reflect.setField(p, "n", 5);
		Reflect.setField(p, "s", "changed");
		Sys.println('after setField: ${a.x} ${a.newField} ${a.f} ${p.x} ${p.f} ${p.n} ${p.s}');
		try {
			Reflect.setField(p, "nothing", 1);
			Sys.println("setField on class: no error");
		} catch (e:Dynamic) {
			Sys.println('setField on class: error $e');
		}
		try {
			Reflect.setField(null, "x", 1);
			Sys.println("setField on null: no error");
		} catch (e:Dynamic) {
			Sys.println("setField on null: error");
		}
		Sys.println('hasField: ${Reflect.hasField(a, "x")} ${Reflect.hasField(a, "nothing")} ${Reflect.hasField(p, "x")} ${Reflect.hasField(p, "sum")} ${Reflect.hasField(null, "x")} ${Reflect.hasField(3, "x")}');
		var names = Reflect.fields(a);
		names.sort(Reflect.compare);
		Sys.println('fields: $names');

		// Reflect.callMethod with no arguments
		var pp:Point = new Point();
		Sys.println('callMethod bound: ' + Reflect.callMethod(pp, Reflect.field(pp, "sum"), []));
		Sys.println('callMethod sub: ' + Reflect.callMethod(sub, Reflect.field(sub, "sum"), []));
		Sys.println('callMethod nulls: ' + Reflect.callMethod(pp, Reflect.field(pp, "two"), []));
		Sys.println('callMethod args: ' + Reflect.callMethod(pp, Reflect.field(pp, "two"), [3, "x"]));
		var plain = function() return "plain";
		Sys.println('callMethod plain: ' + Reflect.callMethod(null, plain, []));
		var withArg = function(v:Dynamic) return "arg " + v;
		Sys.println('callMethod plain arg: ' + Reflect.callMethod(null, withArg, []));
		var dynBound = function(v:Dynamic) return "bound " + v;
		Sys.println('callMethod bind: ' + Reflect.callMethod(null, dynBound.bind(5), []));
		try {
			var notFun:Dynamic = 3;
			Reflect.callMethod(null, notFun, []);
		} catch (e:Dynamic) {
			Sys.println('callMethod non-function: error $e');
		}
		try {
			Reflect.callMethod(null, function() throw "thrown inside", []);
		} catch (e:String) {
			Sys.println('callMethod throw: $e');
		}
		var ps:Dynamic = new Point();
		ps.x = 40;
		Sys.println('dynamic set then callMethod: ' + Reflect.callMethod(ps, Reflect.field(ps, "sum"), []));
		Sys.println('isOfType: ${Std.isOfType(sub, Point)} ${Std.isOfType(p, Sub)} ${Std.isOfType(a, Point)} ${Std.isOfType(null, Point)}');
		var asPoint:Point = sub;
		Sys.println('sub as Point: ${asPoint.x}');
		try {
			var bad:Point = a;
			Sys.println('anon as Point: $bad');
		} catch (e:Dynamic) {
			Sys.println('anon as Point: error');
		}
		// an Int stored into a Null<Int> field through Dynamic keeps a real box
		var pd:Dynamic = new Point();
		pd.n = 77;
		var junk = [for (i in 0...1000) Std.string(i)];
		Sys.println('Null<Int> field: ${pd.n} ${junk.length}');
		// a box read by a catch handler after its use in the try
		var bx:Dynamic = 0;
		var iv = 21;
		try {
			bx = iv;
			var r:Dynamic = bx + 1;
			Sys.println('in try: $r');
			throw "x";
		} catch (e:String) {
			Sys.println('in catch: $bx');
		}
		// an uncaught error raised under a folded Reflect call: its trace names Reflect.setField
		Reflect.setField(new Point(), "unknownField", 1);
	}
}
