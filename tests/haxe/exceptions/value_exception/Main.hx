// Covers: throwing non-Exception values (Int, String, object, enum, null-free Dynamic) and
// catching them as haxe.Exception (they arrive wrapped in haxe.ValueException, e.value gives the
// thrown value back), catching them by their own type, chained
// exceptions (previous), haxe.exceptions.NotImplementedException / ArgumentException.
enum Bad {
	Oops(code:Int);
}

class Main {
	static function main() {
		var thrown:Array<Dynamic> = [42, "text", Oops(3), {field: 1}];
		for (t in thrown) {
			try {
				throw t;
			} catch (e:haxe.ValueException) {
				Sys.println("ValueException " + e.message + " value=" + Std.string(e.value));
			}
		}
		try {
			throw Oops(7);
		} catch (e:Bad) {
			Sys.println("as enum " + e);
		}
		try {
			try {
				throw "first";
			} catch (e:haxe.Exception) {
				throw new haxe.Exception("second", e);
			}
		} catch (e:haxe.Exception) {
			Sys.println(e.message + " <- " + e.previous.message);
		}
		try {
			throw new haxe.exceptions.ArgumentException("arg", "bad arg");
		} catch (e:haxe.exceptions.ArgumentException) {
			Sys.println(e.argument + " " + e.message);
		}
		try {
			throw new haxe.exceptions.NotImplementedException();
		} catch (e:haxe.Exception) {
			Sys.println(Std.isOfType(e, haxe.exceptions.NotImplementedException) + " " + e.message);
		}
	}
}
