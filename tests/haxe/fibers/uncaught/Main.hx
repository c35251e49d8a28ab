// Covers: an exception escaping a spawned fiber is reported like an uncaught
// exception of main (message and .hx stack on stderr) and ends the program
// with exit code 1; exceptions caught inside a fiber stay in that fiber.
import fiberus.Fiber;
import fiberus.Counter;

class Main {
	static function fail(n:Int) {
		if (n == 0) throw "boom in fiber";
		fail(n - 1);
	}

	static function main() {
		var c = Counter.create(1);
		Fiber.spawn(_ -> {
			try {
				throw "caught";
			} catch (e:String) {
				Sys.println("fiber caught " + e);
			}
			c.decrement();
		});
		c.wait();
		try {
			var c2 = Counter.create(1);
			Fiber.spawn(_ -> {
				c2.decrement();
				fail(2);
			});
			c2.wait();
			// the failing fiber ends the program before main continues far
			var forever = Counter.create(1);
			forever.wait();
		} catch (e:Dynamic) {
			Sys.println("main must not catch a fiber's exception: " + e);
		}
		Sys.println("not reached");
	}
}
