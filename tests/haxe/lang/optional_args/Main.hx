// Covers: optional arguments (?x), default values for Int/Float/String/Bool arguments,
// skipping optional arguments by type, Null<T> arguments, default values on constructors and
// on methods called through an instance, null passed explicitly.
class Greeter {
	var prefix:String;

	public function new(?prefix = "Hi") {
		this.prefix = prefix;
	}

	public function greet(name:String, times = 1, ?suffix:String):String {
		var s = "";
		for (i in 0...times)
			s += prefix + " " + name + (suffix == null ? "" : suffix) + ";";
		return s;
	}
}

class Main {
	static function f(a:Int, ?b:Int, c = 3.5, ?d:String, e = true):String
		return a + "|" + b + "|" + c + "|" + d + "|" + e;

	static function skip(?i:Int, ?s:String):String
		return i + "/" + s;

	static function nullInt(?x:Null<Int>)
		return x == null ? "none" : "got " + x;

	static function main() {
		Sys.println(f(1));
		Sys.println(f(1, 2));
		Sys.println(f(1, 2, 4.5));
		Sys.println(f(1, 2, 4.5, "d"));
		Sys.println(f(1, 2, 4.5, "d", false));
		Sys.println(f(1, null, 0.25, null));
		Sys.println(skip("only string"));
		Sys.println(skip(5));
		Sys.println(skip());
		Sys.println(nullInt() + " " + nullInt(0) + " " + nullInt(7));
		Sys.println(new Greeter().greet("ann"));
		Sys.println(new Greeter("Yo").greet("bob", 2, "!"));
		var g:Dynamic = new Greeter();
		Sys.println(g.greet("cy", 2, "?"));
	}
}
