package fiberus;

/**
	A job counter in the style of Naughty Dog's: an integer that fibers wait
	on. `wait(target)` returns once the value equals `target`, suspending the
	fiber (not the thread) meanwhile; the change that reaches the target wakes
	every fiber waiting for it. Counters are garbage-collected objects.
**/
class Counter {
	@:allow(fiberus) var h:fiberus.Native.CounterHandle;

	function new(v:Int) {
		h = Native.counterCreate(v);
	}

	/** A counter holding `initialValue` (usually the number of tasks). **/
	public static function create(initialValue:Int):Counter {
		return new Counter(initialValue);
	}

	/** Adds `delta` (may be negative). **/
	public function add(delta:Int):Void {
		Native.counterAdd(h, delta);
	}

	/** Subtracts 1 and returns the new value. **/
	public function decrement():Int {
		return Native.counterAdd(h, -1);
	}

	/** Returns once the value equals `target`; suspends the fiber until then. **/
	public function wait(target:Int = 0):Void {
		Native.counterWait(h, target);
	}

	/** Lifecycle marker: warns on stderr when fibers still wait on the counter. **/
	public function done():Void {
		var n = Native.counterWaiters(h);
		if (n > 0)
			Sys.stderr().writeString('fiberus: Counter.done() with $n fiber(s) still waiting\n');
	}

	/** `wait(target)` then `done()`. **/
	public function waitAndDone(target:Int = 0):Void {
		wait(target);
		done();
	}

	/** The current value (stale as soon as read when other fibers change it). **/
	public function getValue():Int {
		return Native.counterGet(h);
	}
}
