// Covers: Sys.print and Sys.println with strings, numbers, null, objects; output without a
// trailing newline at the end of the program (must be flushed).
class Main {
	static function main() {
		Sys.print("a");
		Sys.print(1);
		Sys.print(2.5);
		Sys.println("");
		Sys.println(null);
		Sys.println([1, 2]);
		Sys.print("multi\nline\n");
		Sys.stdout().writeString("via stdout\n");
		Sys.print("no newline at end");
	}
}
