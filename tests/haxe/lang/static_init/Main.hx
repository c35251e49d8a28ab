// Covers: static variable initialisers (constants, expressions, calls, other statics),
// initialisation order across classes, static arrays and maps initialised at startup, __init__,
// static fields mutated at run time.
// HashLink rule: an uninitialised static Float reads 0 (static target; haxe --interp prints null).
class Registry {
	public static var items:Array<String> = ["first"];
	public static var count = items.length + 10;
	public static var table = ["a" => 1];

	public static function add(s:String) {
		items.push(s);
		count++;
	}
}

class Config {
	public static var name = "cfg-" + Std.string(3 * 7);
	public static var initLog:Array<String> = [];

	static function __init__() {
		trace("Config.__init__");
	}
}

class Main {
	static var a = 5;
	static var b = a * 2;
	static var c:Null<Int>;
	static var d:Float;
	static var s:String;
	static final K = [1, 2, 3].length;

	static function main() {
		Sys.println(a + " " + b + " " + c + " " + d + " " + s + " " + K);
		Sys.println(Registry.items + " " + Registry.count + " " + Registry.table["a"]);
		Registry.add("second");
		Sys.println(Registry.items + " " + Registry.count);
		Sys.println(Config.name);
		a = 100;
		Sys.println(a + b);
	}
}
