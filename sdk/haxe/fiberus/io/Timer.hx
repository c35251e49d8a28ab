package fiberus.io;

/**
	Sleeping that suspends the calling fiber, never its thread: the worker runs
	other fibers meanwhile. A sleeper wakes no earlier than its deadline
	(CLOCK_MONOTONIC), and late by at most the job running on its worker then.
	Outside a fiber (a plain thread) the thread sleeps. A zero or negative
	duration lets the other fibers of the worker run once. `Sys.sleep` does
	the same as `sleepSeconds`.
**/
class Timer {
	public static function sleep(milliseconds:Int):Void {
		sleepNanos(haxe.Int64.mul(milliseconds, 1000000));
	}

	public static function sleepMicros(microseconds:Int):Void {
		sleepNanos(haxe.Int64.mul(microseconds, 1000));
	}

	public static function sleepNanos(nanoseconds:haxe.Int64):Void {
		sleepNs(nanoseconds.high, nanoseconds.low);
	}

	public static function sleepSeconds(seconds:Float):Void {
		Sys.sleep(seconds);
	}

	/** haxe.Int64 is two Ints on HashLink: the native joins them. **/
	@:hlNative("fiberus", "sleep_ns")
	static function sleepNs(high:Int, low:Int):Void {}
}
