// Covers: stack frames of exceptions thrown inside local functions and closures (uncaught):
// HashLink names them after their owner method: Main.~main.0 style (hl-bytecode.md 6.6),
// instance and static frames, and the .init frame at the bottom. Exit status 1.
class Main {
	static function apply(f:Int->Int, v:Int)
		return f(v);

	static function main() {
		Sys.println("go");
		var k = 3;
		var f = function(x:Int):Int {
			if (x > 2)
				throw "in closure " + (x + k);
			return x;
		};
		Sys.println(apply(f, 1));
		Sys.println(apply(f, 5));
	}
}
