package sys.thread;

import fiberus.Fiber;
import fiberus.Native;

/**
	A recursive mutex owned by a fiber (Fiberus: Haxe threads are fibers).
	A contended `acquire` suspends the fiber, never the OS thread.
**/
class Mutex {
	final sem:fiberus.Native.SemHandle;
	var owner:Null<Fiber>;
	var depth = 0;

	public function new():Void {
		sem = Native.semCreate(1);
	}

	/** Acquires the mutex, waiting if another fiber holds it; recursive. **/
	public function acquire():Void {
		var me = Fiber.current();
		if (owner == me) {
			depth++;
			return;
		}
		Native.semAcquire(sem);
		owner = me;
		depth = 1;
	}

	/** Acquires the mutex if that needs no wait. **/
	public function tryAcquire():Bool {
		var me = Fiber.current();
		if (owner == me) {
			depth++;
			return true;
		}
		if (!Native.semTry(sem))
			return false;
		owner = me;
		depth = 1;
		return true;
	}

	/** Releases one acquisition (the mutex is free after as many as were made). **/
	public function release():Void {
		if (owner != Fiber.current())
			throw "Mutex.release: not the owner";
		if (--depth == 0) {
			owner = null;
			Native.semRelease(sem, 1);
		}
	}

	@:allow(sys.thread.Condition) function releaseAll():Int {
		var d = depth;
		depth = 0;
		owner = null;
		Native.semRelease(sem, 1);
		return d;
	}

	@:allow(sys.thread.Condition) function reacquire(d:Int):Void {
		var me = Fiber.current();
		Native.semAcquire(sem);
		owner = me;
		depth = d;
	}
}
