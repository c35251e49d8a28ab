package sys.thread;

import fiberus.Native;

/**
	A condition variable with its own mutex (Haxe 4.3 API). `wait` must be
	called with the mutex held (`acquire`); it releases it while waiting and
	holds it again when it returns. Waits suspend the fiber.
**/
class Condition {
	final mutex = new Mutex();
	final waitersLock = new Mutex();
	final waiters = new List<fiberus.Native.SemHandle>();

	public function new():Void {}

	public function acquire():Void {
		mutex.acquire();
	}

	public function tryAcquire():Bool {
		return mutex.tryAcquire();
	}

	public function release():Void {
		mutex.release();
	}

	/** Waits for a `signal` or `broadcast`, the mutex released meanwhile. **/
	public function wait():Void {
		var s = Native.semCreate(0);
		waitersLock.acquire();
		waiters.add(s);
		waitersLock.release();
		var d = @:privateAccess mutex.releaseAll();
		Native.semAcquire(s);
		@:privateAccess mutex.reacquire(d);
	}

	/** Wakes one waiting fiber (if any). **/
	public function signal():Void {
		waitersLock.acquire();
		var s = waiters.pop();
		waitersLock.release();
		if (s != null)
			Native.semRelease(s, 1);
	}

	/** Wakes every waiting fiber. **/
	public function broadcast():Void {
		waitersLock.acquire();
		var all = waiters;
		var list = [for (s in all) s];
		all.clear();
		waitersLock.release();
		for (s in list)
			Native.semRelease(s, 1);
	}
}
