package fiberus;

/**
	Fork-join helpers in the style of Naughty Dog's job system: spawn a batch
	of jobs counted by one `Counter`, wait on the counter. A waiting fiber
	first runs queued jobs of its own batch itself, so small batches cost few
	switches. Do not hold a `sys.thread.Mutex` while waiting on a counter.
**/
class Jobs {
	/**
		Spawns every job of `jobs` and returns a counter that reaches 0 when
		all have returned: `Jobs.run(jobs).wait()`.
	**/
	public static function run(jobs:Array<Void->Void>):Counter {
		var c = Counter.create(jobs.length);
		for (j in jobs) {
			if (j == null) throw "Jobs.run: null job";
			Native.spawn(j, null, Native.LOCAL, 0, c.h);
		}
		return c;
	}

	/** Runs every job of `jobs` in parallel and returns once all returned. **/
	public static function runAndWait(jobs:Array<Void->Void>):Void {
		run(jobs).wait(0);
	}

	/**
		Spawns `body` as a job counted by `counter` (which it adds 1 to and
		takes 1 from when `body` returns).
	**/
	public static function spawn(counter:Counter, body:Void->Void):Void {
		counter.add(1);
		Native.spawn(body, null, Native.LOCAL, 0, counter.h);
	}

	/**
		Calls `body(i)` for every i in [start, end), in parallel: jobs of
		`grain` consecutive indices each (grain < 1 counts as 1). Returns once
		every call returned.
	**/
	public static function parallelFor(start:Int, end:Int, grain:Int, body:Int->Void):Void {
		if (end <= start) return;
		if (grain < 1) grain = 1;
		var n = Std.int((end - start + grain - 1) / grain);
		var c = Counter.create(n);
		var lo = start;
		while (lo < end) {
			var a = lo;
			var b = end - lo > grain ? lo + grain : end;
			Native.spawn(() -> for (i in a...b) body(i), null, Native.LOCAL, 0, c.h);
			lo = b;
		}
		c.wait(0);
	}
}
