// Covers: an uncaught thrown String: output printed before the throw stays on stdout, the
// report "Uncaught exception: boom" and its "Called from" frames (innermost first, .hx file and
// line of each call site) go to stderr (HashLink prints them on stdout), exit status 1.
class Main {
	static function fail(n:Int) {
		if (n == 0)
			throw "boom";
		fail(n - 1);
	}

	static function main() {
		Sys.println("before");
		fail(2);
		Sys.println("after");
	}
}
