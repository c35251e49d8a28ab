// Covers: an uncaught custom exception class with its own toString override, thrown from a
// static method called from main, plus an uncaught throw of an Int in a nested call chain is not
// reached. Exit status 1; the report uses the overridden toString.
class AppError extends haxe.Exception {
	public var code:Int;

	public function new(code:Int) {
		super("app error");
		this.code = code;
	}

	override public function toString():String
		return "AppError#" + code + ": " + message;
}

class Main {
	static function check(v:Int) {
		if (v < 0)
			throw new AppError(-v);
		return v;
	}

	static function main() {
		Sys.println(check(5));
		Sys.println(check(-42));
	}
}
