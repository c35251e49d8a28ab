// Covers: Sys.exit with a non-zero status from a nested call; output printed before is flushed,
// nothing after it runs.
class Main {
	static function stop(code:Int) {
		Sys.println("stopping with " + code);
		Sys.exit(code);
		Sys.println("never");
	}

	static function main() {
		Sys.print("partial ");
		stop(42);
		Sys.println("never either");
	}
}
