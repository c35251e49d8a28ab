// Covers: sys.thread on fibers: Thread.create/sendMessage/readMessage, Mutex
// (recursive, contended across fibers), Lock hand-offs (also with a timeout),
// Condition, Semaphore, Deque, Tls per fiber, FixedThreadPool. Output does not
// depend on scheduling. (Fiberus-specific: Condition and Semaphore are Haxe 4.3 API.)
import sys.thread.Thread;
import sys.thread.Mutex;
import sys.thread.Lock;
import sys.thread.Condition;
import sys.thread.Semaphore;
import sys.thread.Deque;
import sys.thread.Tls;
import sys.thread.FixedThreadPool;

class Main {
	static function main() {
		messages();
		mutex();
		lock();
		condition();
		semaphore();
		deque();
		tls();
		pool();
	}

	static function messages() {
		var main = Thread.current();
		var t = Thread.create(() -> {
			var total = 0;
			while (true) {
				var m:Int = Thread.readMessage(true);
				if (m < 0) break;
				total += m;
			}
			main.sendMessage("total " + total);
		});
		for (i in 1...101) t.sendMessage(i);
		t.sendMessage(-1);
		Sys.println(Thread.readMessage(true));
		Sys.println("no message: " + (Thread.readMessage(false) == null));
	}

	static function mutex() {
		var m = new Mutex();
		var shared = 0;
		var done = new Lock();
		var n = 8;
		for (k in 0...n) {
			Thread.create(() -> {
				for (i in 0...500) {
					m.acquire();
					m.acquire(); // recursive
					var v = shared;
					if (i % 50 == 0) Sys.sleep(0); // a chance for others to contend
					shared = v + 1;
					m.release();
					m.release();
				}
				done.release();
			});
		}
		for (k in 0...n) done.wait();
		Sys.println("mutex " + shared);
		Sys.println("tryAcquire free " + m.tryAcquire());
		var other = new Lock();
		var got = true;
		Thread.create(() -> {
			got = m.tryAcquire();
			other.release();
		});
		other.wait();
		m.release();
		Sys.println("tryAcquire held by other " + got);
	}

	static function lock() {
		var l = new Lock();
		Sys.println("timeout " + l.wait(0.01));
		l.release();
		l.release();
		Sys.println("counted " + l.wait() + " " + l.wait(1.0) + " " + l.wait(0));
		var ping = new Lock(), pong = new Lock();
		var log = [];
		Thread.create(() -> {
			for (i in 0...3) {
				ping.wait();
				log.push("pong" + i);
				pong.release();
			}
		});
		for (i in 0...3) {
			log.push("ping" + i);
			ping.release();
			pong.wait();
		}
		Sys.println(log.join(","));
	}

	static function condition() {
		var c = new Condition();
		var ready = 0;
		var go = false;
		var finished = new Lock();
		for (k in 0...4) {
			Thread.create(() -> {
				c.acquire();
				ready++;
				c.broadcast(); // main and the others wait on c: wake all

				while (!go) c.wait();
				c.release();
				finished.release();
			});
		}
		c.acquire();
		while (ready < 4) c.wait();
		go = true;
		c.broadcast();
		c.release();
		for (k in 0...4) finished.wait();
		Sys.println("condition " + ready);
		// signal: one waiter
		var flag = false, seen = false;
		var d = new Lock();
		Thread.create(() -> {
			c.acquire();
			while (!flag) c.wait();
			seen = true;
			c.release();
			d.release();
		});
		Sys.sleep(0.001);
		c.acquire();
		flag = true;
		c.signal();
		c.release();
		d.wait();
		Sys.println("signal " + seen);
	}

	static function semaphore() {
		var s = new Semaphore(2);
		Sys.println("sem " + s.tryAcquire() + " " + s.tryAcquire() + " " + s.tryAcquire() + " " + s.tryAcquire(0.01));
		s.release();
		s.release();
		var inside = 0, maxInside = 0;
		var m = new Mutex();
		var done = new Lock();
		for (k in 0...6) {
			Thread.create(() -> {
				s.acquire();
				m.acquire();
				inside++;
				if (inside > maxInside) maxInside = inside;
				m.release();
				Sys.sleep(0.001);
				m.acquire();
				inside--;
				m.release();
				s.release();
				done.release();
			});
		}
		for (k in 0...6) done.wait();
		Sys.println("sem max inside <= 2: " + (maxInside <= 2 && maxInside >= 1));
	}

	static function deque() {
		var d = new Deque<Int>();
		d.add(2);
		d.add(3);
		d.push(1);
		Sys.println("deque " + d.pop(false) + " " + d.pop(false) + " " + d.pop(false) + " " + d.pop(false));
		var results = new Deque<Int>();
		for (k in 0...4) {
			Thread.create(() -> {
				var sum = 0;
				while (true) {
					var v = d.pop(true);
					if (v < 0) break;
					sum += v;
				}
				results.add(sum);
			});
		}
		for (i in 1...1001) d.add(i);
		for (k in 0...4) d.add(-1);
		var total = 0;
		for (k in 0...4) total += results.pop(true);
		Sys.println("deque total " + total);
	}

	static function tls() {
		var t = new Tls<Int>();
		t.value = 42;
		var results = new Deque<String>();
		for (k in 0...3) {
			Thread.create(() -> {
				var before = t.value;
				t.value = k * 10;
				Sys.sleep(0.001);
				results.add(k + ":" + before + "->" + t.value);
			});
		}
		var all = [for (k in 0...3) results.pop(true)];
		all.sort(Reflect.compare);
		Sys.println("tls " + all.join(" ") + " main " + t.value);
	}

	static function pool() {
		var p = new FixedThreadPool(3);
		var m = new Mutex();
		var sum = 0;
		var done = new Lock();
		for (i in 0...20) {
			p.run(() -> {
				m.acquire();
				sum += i;
				m.release();
				done.release();
			});
		}
		for (i in 0...20) done.wait();
		p.shutdown();
		Sys.println("pool " + p.threadsCount + " " + sum + " " + p.isShutdown);
	}
}
