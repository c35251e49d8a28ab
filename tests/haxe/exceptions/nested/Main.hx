// Covers: nested try/catch at several depths, exceptions thrown inside catch blocks, rethrow with
// `throw e` keeping the original value, try/catch inside loops with break and continue, returns
// from inside try, local state after an exception (values assigned before the throw survive).
// HashLink rule: x below prints 0, not 5. Haxe 4.2.5's HL generator stores `x = 5` (dead before the
// throw as it sees it) into a temporary register and reads the original register after the catch;
// HashLink and every backend faithful to the bytecode print 0 (haxe --interp prints 5).
class Main {
	static var trail:Array<String> = [];

	static function inner(v:Int):Int {
		try {
			if (v == 1)
				throw "inner-" + v;
			return v * 10;
		} catch (e:String) {
			trail.push("caught " + e);
			if (v == 1)
				throw "re-" + e;
			return -1;
		}
	}

	static function middle(v:Int):Int {
		try {
			return inner(v) + 1;
		} catch (e:String) {
			trail.push("middle " + e);
			return -100;
		}
	}

	static function main() {
		Sys.println(middle(0));
		Sys.println(middle(1));
		Sys.println(trail.join("; "));
		var x = 0;
		try {
			x = 5;
			throw 1;
			x = 6;
		} catch (e:Int) {}
		Sys.println(x);
		var log = [];
		for (i in 0...6) {
			try {
				if (i == 1)
					continue;
				if (i == 4)
					break;
				if (i % 2 == 0)
					throw i;
				log.push("ok" + i);
			} catch (e:Int) {
				log.push("ex" + e);
			}
		}
		Sys.println(log);
		var depth = 0;
		function rec(n:Int):Int {
			try {
				if (n == 0)
					throw "bottom";
				return rec(n - 1);
			} catch (e:String) {
				depth++;
				if (n < 3)
					throw e;
				return n;
			}
		}
		Sys.println(rec(5) + " " + depth);
	}
}
