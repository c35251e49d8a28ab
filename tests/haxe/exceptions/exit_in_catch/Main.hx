// Covers: Sys.exit called inside a catch block: the exit code is the one given, no uncaught
// report, stdout written so far is flushed.
class Main {
	static function main() {
		try {
			Sys.println("trying");
			throw "fatal";
		} catch (e:String) {
			Sys.println("handling " + e);
			Sys.exit(3);
		}
		Sys.println("not reached");
	}
}
