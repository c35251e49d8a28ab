// Covers: haxe.Rest variadic arguments (empty, several, spread of an array with `...`),
// Rest iteration and indexing, Reflect.makeVarArgs.
class Main {
	static function sum(...xs:Int):Int {
		var s = 0;
		for (x in xs)
			s += x;
		return s;
	}

	static function fmt(prefix:String, ...parts:String):String
		return prefix + ":" + parts.length + ":" + [for (p in parts) p].join(",") + (parts.length > 0 ? ":" + parts[0] : "");

	static function main() {
		Sys.println(sum());
		Sys.println(sum(1, 2, 3));
		var arr = [10, 20, 30];
		Sys.println(sum(...arr));
		Sys.println(fmt("p"));
		Sys.println(fmt("p", "a", "b"));
		var va:Dynamic = Reflect.makeVarArgs(function(args:Array<Dynamic>) return args.length + ":" + args.join("/"));
		Sys.println(va());
		Sys.println(va(1, "x", 2.5));
	}
}
