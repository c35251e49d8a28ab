// Covers: unbounded recursion in a spawned fiber (default fiber stack) and in main
// raises a catchable Stack overflow exception in that fiber (FIBERUS-DESIGN: HashLink crashes).
// The fibers run on several threads: main prints what they caught (Sys.println
// is two writes, text and newline, which threads may interleave).
import fiberus.Fiber;
import fiberus.Counter;
class Main {
	static function rec(n:Int):Int return rec(n + 1) + 1;
	static function main() {
		var c = Counter.create(3);
		var caught = [for (i in 0...3) ""];
		for (i in 0...3) Fiber.spawn(_ -> {
			try rec(0) catch (e:Dynamic) caught[i] = "fiber caught " + e;
			c.decrement();
		});
		c.wait();
		for (line in caught) Sys.println(line);
		try rec(0) catch (e:Dynamic) Sys.println("main caught " + e);
	}
}
