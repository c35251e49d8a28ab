// Covers: trace output format of HashLink: "Main.hx:LINE: value" on stdout, for strings, numbers,
// null, arrays, enums, objects, multiple arguments (joined with ", "), traces from other methods
// and from a closure (the line is the trace's own line). haxe --interp joins extra arguments
// with "," where HashLink's std (haxe.Log.formatOutput) uses ", ".
class Main {
	static function helper() {
		trace("from helper");
	}

	static function main() {
		trace("hello");
		trace(42);
		trace(1.5);
		trace(null);
		trace([1, 2]);
		trace(true);
		trace("a", "b", 3);
		helper();
		var f = () -> trace("in closure");
		f();
		trace(haxe.ds.Option.Some("x"));
		trace("");
	}
}
