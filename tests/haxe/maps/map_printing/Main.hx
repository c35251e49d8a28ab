// Covers: Map printing through trace/Std.string: "{k => v, ...}" format, nested maps and
// arrays as values, empty maps "{}", single-entry maps of every key kind.
// HashLink rule: multi-entry String/Int maps print in HashLink's hash order (see the
// *_order tests); entries here are few and follow that order.
// HashLink rule: printing an object calls its toString only when the bytecode kept it (its
// __string binding); Haxe's dead-code elimination drops Map toString methods that are not
// referenced, and then the class name is printed (haxe.ds.IntMap). haxe --interp always prints
// the contents.
enum K {
	A;
	B(i:Int);
}

class Main {
	static function main() {
		var e = new Map<String, Int>();
		Sys.println(e);
		trace(["k" => [1, 2]]);
		Sys.println([1 => ["x" => true]]);
		Sys.println([A => 1, B(2) => 2]);
		Sys.println(["a" => 1, "b" => 2]);
		Sys.println([1 => 1.5, 2 => 2.5]);
		Sys.println(["s" => null]);
	}
}
