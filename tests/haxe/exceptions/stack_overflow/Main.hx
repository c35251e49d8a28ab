// Covers: unbounded recursion raises a catchable "Stack overflow" error; the program continues
// after the catch and can recurse normally again.
// FIBERUS-DESIGN: HashLink on Linux dies with SIGSEGV here; the expected output follows
// DESIGN.md ("deep recursion becomes a Haxe Stack overflow exception, not a crash") with
// HashLink's message text for that error ("Stack overflow").
class Main {
	static function rec(n:Int):Int
		return rec(n + 1) + 1;

	static function depth(n:Int):Int
		return n == 0 ? 0 : 1 + depth(n - 1);

	static function main() {
		try {
			rec(0);
		} catch (e:Dynamic) {
			Sys.println("caught " + e);
		}
		Sys.println("after " + depth(100));
	}
}
