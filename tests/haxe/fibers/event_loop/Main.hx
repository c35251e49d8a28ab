// Covers: the main thread's event loop on fibers (haxe.Timer.delay, Thread.current().events),
// processed after main returns, and ElasticThreadPool running on fiber threads.
class Main {
	static function main() {
		haxe.Timer.delay(() -> Sys.println("delayed"), 20);
		var p = new sys.thread.ElasticThreadPool(2, 1.0);
		var m = new sys.thread.Mutex();
		var n = 0;
		var l = new sys.thread.Lock();
		for (i in 0...5) p.run(() -> { m.acquire(); n += i; m.release(); l.release(); });
		for (i in 0...5) l.wait();
		p.shutdown();
		Sys.println("elastic " + n);
		sys.thread.Thread.current().events.run(() -> Sys.println("event"));
		Sys.println("end of main");
	}
}
