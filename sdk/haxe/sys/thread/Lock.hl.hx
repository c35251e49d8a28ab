package sys.thread;

import fiberus.Native;

/**
	A lock in Haxe's sense: `release` lets one `wait` through (releases are
	counted, so they may come first). Waiting suspends the fiber.
**/
class Lock {
	final sem:fiberus.Native.SemHandle;

	public function new():Void {
		sem = Native.semCreate(0);
	}

	/**
		Waits for a `release`; with a `timeout` (seconds), gives up after it
		and returns false.
	**/
	public function wait(?timeout:Float):Bool {
		if (timeout == null) {
			Native.semAcquire(sem);
			return true;
		}
		return Native.semTimed(sem, timeout);
	}

	public function release():Void {
		Native.semRelease(sem, 1);
	}
}
