// Covers: a dynamic call that passes fewer arguments than the function takes (optional
// arguments are not filled in through Dynamic) raises an uncaught error.
// HashLink rule: the message is "Missing arguments : 5 expected but 2 passed" (the count includes
// the bound `this`); uncaught, the
// program prints "Uncaught exception: ..." (Fiberus: on stderr) and exits with status 1.
class Greeter {
	public function new() {}

	public function greet(name:String, times = 1, ?suffix:String, ?x:Int):String
		return name + times + suffix + x;
}

class Main {
	static function main() {
		var g:Dynamic = new Greeter();
		Sys.println(g.greet("a", 2, "b", 3));
		Sys.println(g.greet("cy"));
		Sys.println("not reached");
	}
}
