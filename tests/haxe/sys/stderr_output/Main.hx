// Covers: writing to standard error (Sys.stderr().writeString) does not appear on stdout;
// interleaving with stdout writes; flush.
class Main {
	static function main() {
		Sys.println("to stdout 1");
		Sys.stderr().writeString("to stderr line\n");
		Sys.stderr().flush();
		Sys.println("to stdout 2");
	}
}
