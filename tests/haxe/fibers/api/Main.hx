// Covers: fiberus.Fiber (spawn, spawnWithStack, spawnOn, spawnAny, spawnMany,
// yield, current, isAlive, userData, createWorkers, getThreadCount,
// getWorkerCount, getThreadId), fiberus.Counter, fiberus.AtomicInt and
// fiberus.Jobs (run, runAndWait, spawn, parallelFor). Fiberus-only API: the
// output is what the API documents, independent of scheduling and of the
// number of workers (FIBERUS_WORKERS).
import fiberus.Fiber;
import fiberus.Counter;
import fiberus.AtomicInt;
import fiberus.Jobs;

class Main {
	static function depth(n:Int):Int {
		return n == 0 ? 0 : 1 + depth(n - 1);
	}

	static function main() {
		threads();
		spawning();
		counters();
		atomics();
		jobs();
	}

	static function threads() {
		var n = Fiber.getThreadCount();
		Sys.println("threads = workers + 1: " + (n == Fiber.getWorkerCount() + 1));
		Sys.println("createWorkers(0) = " + Fiber.createWorkers(0));
		var made = Fiber.createWorkers(1000);
		Sys.println("createWorkers(1000) = workers: " + (made == Fiber.getWorkerCount()));
		var id = Fiber.getThreadId();
		Sys.println("thread id in range: " + (id >= 0 && id < n));
	}

	static function spawning() {
		var main = Fiber.current();
		Sys.println("main fiber: " + (main != null) + " alive " + main.isAlive() + " same " + (Fiber.current() == main));

		// spawn: the function gets userData; isAlive turns false at the end
		var c = Counter.create(1);
		var seen:Dynamic = null;
		var inner:Fiber = null;
		var f = Fiber.spawn(arg -> {
			seen = arg;
			inner = Fiber.current();
			inner.userData = "data";
			Fiber.yield();
			c.decrement();
		});
		c.wait();
		while (f.isAlive()) Fiber.yield();
		Sys.println("spawn arg " + (seen == null || seen == "data") + " current is f: " + (inner == f) + " alive " + f.isAlive() + " userData " + f.userData);

		// spawnWithStack: deep recursion needs the big stack
		var c2 = Counter.create(1);
		var d = 0;
		Fiber.spawnWithStack(16 << 20, _ -> {
			d = depth(100000);
			c2.decrement();
		});
		c2.wait();
		Sys.println("deep " + d);

		// spawnOn: starts on the given thread (invalid ids spawn locally)
		var n = Fiber.getThreadCount();
		var c3 = Counter.create(n + 1);
		var ok:AtomicInt = 0;
		for (t in 0...n) {
			Fiber.spawnOn(t, _ -> {
				if (Fiber.getThreadId() == t) ok.increment();
				c3.decrement();
			});
		}
		Fiber.spawnOn(-5, _ -> {
			ok.increment();
			c3.decrement();
		});
		c3.wait();
		Sys.println("spawnOn started where asked: " + (ok.load() == n + 1));

		// spawnAny
		var c4 = Counter.create(50);
		var sum:AtomicInt = 0;
		for (i in 0...50) Fiber.spawnAny(_ -> {
			sum.fetchAdd(i);
			c4.decrement();
		});
		c4.wait();
		Sys.println("spawnAny sum " + sum.load());

		// spawnMany
		var c5 = Counter.create(100);
		var hits = [for (i in 0...100) 0];
		var got = Fiber.spawnMany(100, (i, args) -> {
			hits[i] += args.k;
			c5.decrement();
		}, {k: 3});
		c5.wait();
		var all3 = true;
		for (h in hits) if (h != 3) all3 = false;
		Sys.println("spawnMany " + got + " each once: " + all3);

		// yield: two fibers alternate with a shared log, order-independent check
		var c6 = Counter.create(2);
		var steps:AtomicInt = 0;
		for (k in 0...2) Fiber.spawn(_ -> {
			for (i in 0...100) {
				steps.increment();
				Fiber.yield();
			}
			c6.decrement();
		});
		c6.wait();
		Sys.println("yield steps " + steps.load());
	}

	static function counters() {
		var c = Counter.create(5);
		c.add(3);
		Sys.println("counter " + c.getValue() + " " + c.decrement() + " " + c.getValue());
		c.wait(7); // already there
		// waiters suspend until the value equals their target
		var c2 = Counter.create(0);
		var woke:AtomicInt = 0;
		var done = Counter.create(2);
		for (k in 0...2) {
			Fiber.spawn(_ -> {
				c2.wait(6);
				woke.increment();
				done.decrement();
			});
		}
		for (i in 0...6) Fiber.spawn(_ -> c2.add(1));
		done.waitAndDone();
		Sys.println("woke " + woke.load() + " value " + c2.getValue());
		// a countdown with the default target 0
		var c3 = Counter.create(3);
		for (i in 0...3) Fiber.spawn(_ -> c3.decrement());
		c3.wait();
		Sys.println("countdown " + c3.getValue());
	}

	static function atomics() {
		var a:AtomicInt = 5;
		var b = a; // the same cell
		Sys.println("atomic " + a.load() + " " + a.fetchAdd(2) + " " + b.load() + " " + a.fetchSub(1) + " " + a.exchange(10) + " " + b.load());
		Sys.println("cas " + a.compareExchange(3, 4) + " " + a.compareExchange(10, 11) + " " + a.load() + " inc " + a.increment() + " dec " + a.decrement());
		a.store(0);
		var c = Counter.create(8);
		for (k in 0...8) Fiber.spawn(_ -> {
			for (i in 0...1000) a.increment();
			c.decrement();
		});
		c.wait();
		var asInt:Int = a;
		Sys.println("atomic total " + asInt);
	}

	static function jobs() {
		var results = [for (i in 0...10) 0];
		var c = Jobs.run([for (i in 0...10) () -> results[i] = i * i]);
		c.wait();
		Sys.println("run " + results.join(" ") + " counter " + c.getValue());
		var flags = [false, false, false];
		Jobs.runAndWait([() -> flags[0] = true, () -> flags[1] = true, () -> flags[2] = true]);
		Sys.println("runAndWait " + flags);
		var c2 = Counter.create(0);
		var sum:AtomicInt = 0;
		for (i in 1...11) Jobs.spawn(c2, () -> sum.fetchAdd(i));
		c2.wait();
		Sys.println("spawn " + sum.load());
		for (grain in [1, 7, 64, 5000]) {
			var a = [for (i in 0...1000) -1];
			Jobs.parallelFor(0, 1000, grain, i -> a[i] = i);
			var ok = true;
			for (i in 0...1000) if (a[i] != i) ok = false;
			Sys.println("parallelFor grain " + grain + ": " + ok);
		}
		var total:AtomicInt = 0;
		Jobs.parallelFor(10, 20, 3, i -> total.fetchAdd(i));
		Jobs.parallelFor(5, 5, 3, i -> total.fetchAdd(1000));
		Sys.println("parallelFor [10,20) " + total.load());
		// nested: a parallel loop inside jobs of a parallel loop
		var grid = [for (i in 0...20) [for (j in 0...20) 0]];
		Jobs.parallelFor(0, 20, 2, i -> Jobs.parallelFor(0, 20, 5, j -> grid[i][j] = i * j));
		var s = 0;
		for (row in grid) for (v in row) s += v;
		Sys.println("nested " + s);
	}
}
