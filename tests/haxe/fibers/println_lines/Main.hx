// Covers: Sys.println and trace from fibers running on several threads never
// split a line (Sys.println is two prints, text and newline: the runtime holds
// an open line back until the thread ends it); each fiber's lines keep their
// order; Sys.print without a newline, Sys.stdout() writes and the text left
// open at exit keep their order too. The program runs itself as a child (the
// child's interleaving of whole lines depends on scheduling) and checks its
// output.
import fiberus.Fiber;
import fiberus.Counter;

class Main {
	static inline var FIBERS = 8;
	static inline var LINES = 300;

	static function child() {
		var c = Counter.create(FIBERS);
		for (i in 0...FIBERS) Fiber.spawn(_ -> {
			for (k in 0...LINES) {
				if (k % 3 == 0) haxe.Log.trace('fiber $i line $k', null) else Sys.println('fiber $i line $k');
			}
			c.decrement();
		});
		c.wait();
		Sys.print("a");
		Sys.print("b");
		Sys.stdout().writeString("c");
		Sys.println("d");
		Sys.print("open at exit");
	}

	static function main() {
		if (Sys.args()[0] == "child") return child();
		var p = new sys.io.Process(Sys.programPath(), ["child"]);
		var out = p.stdout.readAll().toString();
		var code = p.exitCode();
		p.close();
		var lines = out.split("\n");
		var next = [for (i in 0...FIBERS) 0];
		var malformed = 0, outOfOrder = 0;
		var line = ~/^fiber ([0-9]+) line ([0-9]+)$/;
		for (l in lines.slice(0, FIBERS * LINES)) {
			if (!line.match(l)) {
				malformed++;
				continue;
			}
			var i = Std.parseInt(line.matched(1)), k = Std.parseInt(line.matched(2));
			if (next[i] != k) outOfOrder++;
			next[i] = k + 1;
		}
		Sys.println('child exit $code, lines ${lines.length}, malformed $malformed, out of order $outOfOrder');
		Sys.println('tail: ' + lines.slice(FIBERS * LINES).join("|"));
	}
}
