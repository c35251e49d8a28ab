// Covers: waits with a timeout on fibers (Lock.wait(t), Semaphore.tryAcquire(t),
// Deque-free hand-offs): released before the deadline they return true, else
// false after it; a program whose only waiter has a timeout is not a deadlock.
import fiberus.Fiber;
import fiberus.Counter;
import fiberus.AtomicInt;
import sys.thread.Lock;
import sys.thread.Semaphore;

class Main {
	static function main() {
		var l = new Lock();
		var t0 = Sys.time();
		Sys.println("alone: " + l.wait(0.05) + ", waited: " + (Sys.time() - t0 >= 0.04));

		var n = 20;
		var locks = [for (i in 0...n) new Lock()];
		var released:AtomicInt = 0, timedOut:AtomicInt = 0;
		var done = Counter.create(n);
		for (i in 0...n) {
			Fiber.spawn(_ -> {
				if (locks[i].wait(i % 2 == 0 ? 5.0 : 0.03)) released.increment() else timedOut.increment();
				done.decrement();
			});
		}
		Sys.sleep(0.1); // the odd ones time out meanwhile
		for (i in 0...n) if (i % 2 == 0) locks[i].release();
		done.wait();
		Sys.println("released " + released.load() + ", timed out " + timedOut.load());

		var s = new Semaphore(0);
		var got = false;
		var d2 = Counter.create(1);
		Fiber.spawn(_ -> {
			got = s.tryAcquire(5.0);
			d2.decrement();
		});
		Fiber.spawn(_ -> s.release());
		d2.wait();
		Sys.println("semaphore in time: " + got + ", after: " + s.tryAcquire(0.01));
	}
}
