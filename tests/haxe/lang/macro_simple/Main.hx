// Covers: compile-time macros (expression macros evaluated by the Haxe compiler: results are
// constants in the bytecode), macro reification, @:build is not used. Runtime sees only values.
import haxe.macro.Expr;

class Main {
	macro static function square(e:Expr):Expr
		return macro $e * $e;

	macro static function buildTime():Expr
		return macro $v{"fixed-" + (6 * 7)};

	macro static function repeat(e:Expr, n:Int):Expr {
		var exprs = [for (i in 0...n) e];
		return macro $b{exprs};
	}

	static function main() {
		var x = 7;
		Sys.println(square(x + 1));
		Sys.println(buildTime());
		var c = 0;
		repeat(c++, 4);
		Sys.println(c);
	}
}
