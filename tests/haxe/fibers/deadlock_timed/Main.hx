// Covers: FIBERUS-DESIGN (HashLink would hang): a fiber in a timed wait is
// not a deadlock while its deadline is pending, even when every other fiber
// waits forever; once it has timed out (Lock.wait returns false) and ended,
// the untimed wait left is reported as a deadlock (exit code 70; the report
// names addresses, so stderr is not compared), without waiting for the 30 s
// deadlines of earlier waits that were satisfied early.
import sys.thread.Thread;
import sys.thread.Lock;

class Main {
	static function main() {
		var a = new Lock(), b = new Lock();
		Thread.create(() -> {
			for (i in 0...5) {
				a.wait(30.0);
				b.release();
			}
		});
		for (i in 0...5) {
			a.release();
			b.wait(30.0);
		}
		Sys.println("early waits done");
		var never = new Lock();
		Thread.create(() -> {
			var t0 = Sys.time();
			var got = new Lock().wait(0.2);
			Sys.println("timed wait: " + got + ", after its deadline: " + (Sys.time() - t0 >= 0.19));
		});
		never.wait();
		Sys.println("unreachable");
	}
}
