// Covers: Sys.sleep on a fiber suspends the fiber, not its worker: many
// sleeping fibers overlap (fifty 0.1 s sleeps end long before the 5 s they
// would take one after another), each sleeps at least its time, objects held
// only by a sleeping fiber survive collections meanwhile, Sys.sleep(0) yields,
// and a program whose fibers only sleep is not reported as a deadlock. One
// worker (env): every overlap happens on the same thread. fiberus.io.Timer's
// sleep, sleepMicros, sleepNanos and sleepSeconds sleep the same way.
import fiberus.Fiber;
import fiberus.Counter;
import fiberus.AtomicInt;

class Main {
	static function main() {
		// 1. fifty sleepers overlap (nothing else runs: only the sleeps are timed)
		var n = 50;
		var done = Counter.create(n);
		var short:AtomicInt = 0;
		var t0 = Sys.time();
		for (i in 0...n) {
			Fiber.spawn(_ -> {
				var start = Sys.time();
				Sys.sleep(0.1);
				if (Sys.time() - start < 0.099) short.increment();
				done.decrement();
			});
		}
		done.wait();
		var total = Sys.time() - t0;
		Sys.println('woke: $n, too short: ${short.load()}');
		Sys.println('overlapped: ${total < 2.5}');

		// 2. what a sleeping fiber holds survives collections meanwhile
		var held = Counter.create(n);
		var intact:AtomicInt = 0;
		for (i in 0...n) {
			Fiber.spawn(_ -> {
				var mine = [for (k in 0...100) 'fiber $i item $k'];
				Sys.sleep(0.05);
				if (mine.length == 100 && mine[99] == 'fiber $i item 99') intact.increment();
				held.decrement();
			});
		}
		Sys.sleep(0); // let them start and fall asleep
		for (k in 0...20) { // garbage and collections while they sleep
			var junk = [for (j in 0...10000) Std.string(j)];
			if (junk.length != 10000) throw "bad";
			hl.Gc.major();
		}
		held.wait();
		Sys.println('data intact: ${intact.load()}');

		var order = [];
		var d2 = Counter.create(1);
		Fiber.spawnOn(Fiber.getThreadId(), _ -> {
			order.push("other");
			d2.decrement();
		});
		Sys.sleep(0); // lets the fiber queued on this thread run
		order.push("main");
		d2.wait();
		Sys.println(order.join(" then "));

		// fiberus.io.Timer: the same sleep in other units (one after another: 0.8 s)
		var units = [() -> fiberus.io.Timer.sleep(200), () -> fiberus.io.Timer.sleepMicros(200000),
			() -> fiberus.io.Timer.sleepNanos(haxe.Int64.make(0, 200000000)), () -> fiberus.io.Timer.sleepSeconds(0.2)];
		var d3 = Counter.create(units.length);
		var okUnits:AtomicInt = 0;
		var t1 = Sys.time();
		for (u in units) Fiber.spawn(_ -> {
			var s = Sys.time();
			u();
			if (Sys.time() - s >= 0.199) okUnits.increment();
			d3.decrement();
		});
		d3.wait();
		Sys.println('Timer units slept their 200 ms: ${okUnits.load()} of ${units.length}, overlapped: ${Sys.time() - t1 < 0.6}');
		fiberus.io.Timer.sleepNanos(haxe.Int64.make(0, 0)); // yields

		Sys.sleep(0.05); // only a sleeper left: not a deadlock
		Sys.println("done");
	}
}
