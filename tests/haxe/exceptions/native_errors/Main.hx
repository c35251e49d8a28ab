// Covers: errors raised by the runtime rather than by Haxe code, caught and printed: invalid
// dynamic casts, invalid field writes on class instances, invalid Std.parseInt is not an error,
// calling a null Dynamic function, too few arguments in a dynamic call, catch (e:String) does
// not catch runtime errors (they are native byte strings wrapped in ValueException).
class K {
	public var a = 1;

	public function new() {}
}

class Main {
	static function run(name:String, f:Void->Void) {
		try {
			f();
			Sys.println(name + ": ok");
		} catch (e:String) {
			Sys.println(name + ": String " + e);
		} catch (e:haxe.Exception) {
			Sys.println(name + ": Exception " + e.message);
		}
	}

	static function main() {
		run("cast", () -> {
			var d:Dynamic = "s";
			var i:Int = d;
		});
		run("class cast", () -> {
			var d:Dynamic = new K();
			var s = cast(d, String);
		});
		run("set field", () -> {
			var d:Dynamic = new K();
			d.nofield = 3;
		});
		run("null call", () -> {
			var f:Dynamic = null;
			f();
		});
		run("args", () -> {
			var f:Dynamic = function(a:Int, b:Int) return a + b;
			f(1);
		});
		run("thrown string", () -> throw "plain string");
		run("parse", () -> Std.parseInt("zz"));
	}
}
