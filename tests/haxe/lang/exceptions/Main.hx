// Covers: throw/catch of strings, ints, objects and haxe.Exception subclasses; catch clauses by
// type (first match wins), catch-all with Dynamic and haxe.Exception, rethrow, exceptions thrown
// through several frames and from closures, e.message / e.toString(), ValueException wrapping.
// HashLink 1.12 rule: a method call on null raises "Null access" (HashLink master appends the
// field name, e.g. "Null access .push"; the reference is 1.12).
class MyError extends haxe.Exception {
	public var code:Int;

	public function new(msg:String, code:Int) {
		super(msg);
		this.code = code;
	}
}

class SubError extends MyError {}

class Main {
	static function thrower(kind:Int):Void {
		switch kind {
			case 0:
				throw "string error";
			case 1:
				throw 42;
			case 2:
				throw new MyError("mine", 7);
			case 3:
				throw new SubError("sub", 8);
			case 4:
				throw new haxe.Exception("plain");
			case 5:
				var f = function() throw 1.5;
				f();
			default:
		}
	}

	static function test(kind:Int):String {
		try {
			thrower(kind);
			return "none";
		} catch (e:SubError) {
			return "SubError " + e.message + " " + e.code;
		} catch (e:MyError) {
			return "MyError " + e.message + " " + e.code;
		} catch (e:String) {
			return "String " + e;
		} catch (e:Int) {
			return "Int " + e;
		} catch (e:haxe.Exception) {
			return "Exception " + e.message;
		} catch (e:Dynamic) {
			return "Dynamic " + e;
		}
	}

	static function rethrow():String {
		try {
			try {
				throw new MyError("inner", 1);
			} catch (e:MyError) {
				e.code = 99;
				throw e;
			}
		} catch (e:MyError) {
			return "rethrown " + e.code;
		}
	}

	static function main() {
		for (k in 0...7)
			Sys.println(test(k));
		Sys.println(rethrow());
		try {
			throw "x";
		} catch (e:haxe.Exception) {
			Sys.println(Std.isOfType(e, haxe.ValueException) + " " + e.message + " " + Std.string(e.details() != null));
		}
		try {
			throw new MyError("m", 1);
		} catch (e:Dynamic) {
			Sys.println(Std.isOfType(e, MyError) + " " + (e : MyError).message);
		}
		var count = 0;
		for (i in 0...5) {
			try {
				if (i % 2 == 0)
					throw i;
				count += 10;
			} catch (e:Int) {
				count += e;
			}
		}
		Sys.println(count);
		var e = new MyError("text", 3);
		Sys.println(e.toString());
		Sys.println(Std.string(e));
		try {
			var a:Array<Int> = null;
			a.push(1);
		} catch (e) {
			Sys.println("caught " + e.message);
		}
	}
}
