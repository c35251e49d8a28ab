// Covers: null accesses that are caught: field read on a null object, method call on a null
// object, null String method, null array access and push, null function call. Each raises an
// exception whose message starts with "Null access".
// HashLink 1.12 rule: when the null check is immediately followed by a field read of the same
// register (OField after ONullCheck), the message is "Null access .<field>" (field, string
// length); otherwise it is "Null access" (method call, array access, null function). HashLink
// master appends the field name in more cases (method: "Null access .m"); the reference is 1.12.
class Obj {
	public var v = 1;

	public function new() {}

	public function m()
		return 2;
}

class Main {
	static function attempt(name:String, f:Void->Dynamic) {
		try {
			var r = f();
			Sys.println(name + ": no error " + Std.string(r));
		} catch (e:haxe.Exception) {
			Sys.println(name + ": " + e.message);
		}
	}

	static function main() {
		var o:Obj = null;
		var s:String = null;
		var a:Array<Int> = null;
		var fn:Void->Int = null;
		attempt("field", () -> o.v);
		attempt("method", () -> o.m());
		attempt("string", () -> s.length);
		attempt("array read", () -> a[0]);
		attempt("array push", () -> a.push(1));
		attempt("call", () -> fn());
		attempt("ok", () -> new Obj().v);
	}
}
