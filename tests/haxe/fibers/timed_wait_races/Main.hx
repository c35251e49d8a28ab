// Covers: timed waits between sys.thread threads (fibers here): a long run of
// waits satisfied early (Lock.wait(30.0) ping-pong) all return true and
// promptly; waits with short timeouts racing releases each return once:
// acquired + timed out = waits, and no release is lost or counted twice
// (released = acquired + left over). The output does not depend on which
// waits win; HashLink 1.12 prints the same.
import sys.thread.Thread;
import sys.thread.Lock;
import sys.thread.Mutex;

class Main {
	static function main() {
		var ping = new Lock(), pong = new Lock(), done = new Lock();
		var rounds = 20000;
		Thread.create(() -> {
			var ok = true;
			for (i in 0...rounds) {
				if (!ping.wait(30.0)) ok = false;
				pong.release();
			}
			Sys.println("ponger in time: " + ok);
			done.release();
		});
		var ok = true;
		for (i in 0...rounds) {
			ping.release();
			if (!pong.wait(30.0)) ok = false;
		}
		done.wait();
		Sys.println("ping-pong: " + rounds + " rounds, all in time: " + ok);

		var l = new Lock(), m = new Mutex(), fin = new Lock();
		var waiters = 8, waitsEach = 150;
		var acquired = 0, timedOut = 0, released = 0, left = waiters;
		for (w in 0...waiters) {
			Thread.create(() -> {
				for (i in 0...waitsEach) {
					var got = l.wait(0.0001 * (1 + (i + w) % 4));
					m.acquire();
					if (got) acquired++ else timedOut++;
					m.release();
				}
				m.acquire();
				left--;
				m.release();
				fin.release();
			});
		}
		Thread.create(() -> {
			while (true) {
				m.acquire();
				var running = left > 0;
				if (running) released++;
				m.release();
				if (!running) break;
				l.release();
				Sys.sleep(0.0001);
			}
			fin.release();
		});
		for (i in 0...waiters + 1)
			fin.wait();
		var rest = 0;
		while (l.wait(0.01))
			rest++;
		Sys.println("every wait returned once: " + (acquired + timedOut == waiters * waitsEach));
		Sys.println("releases conserved: " + (released == acquired + rest));
	}
}
