// Covers: an uncaught haxe.Exception thrown from an instance method: the report prints the
// exception's message (its toString), then the frames of the stack at the throw: instance
// method frames are Class.method, static ones $Class.method; exit status 1.
class Worker {
	public function new() {}

	public function run(x:Int):Int {
		if (x > 1)
			throw new haxe.Exception("worker failed at " + x);
		return run(x + 1);
	}
}

class Main {
	static function main() {
		Sys.println("start");
		new Worker().run(0);
	}
}
