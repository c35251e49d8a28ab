package sys.thread;

import fiberus.Native;

/** A counting semaphore; waits suspend the fiber. (Haxe 4.3 API.) **/
class Semaphore {
	final sem:fiberus.Native.SemHandle;

	public function new(value:Int):Void {
		sem = Native.semCreate(value);
	}

	/** Takes a unit, waiting until one is available. **/
	public function acquire():Void {
		Native.semAcquire(sem);
	}

	/** Takes a unit if one is available (within `timeout` seconds if given). **/
	public function tryAcquire(?timeout:Float):Bool {
		if (timeout == null)
			return Native.semTry(sem);
		return Native.semTimed(sem, timeout);
	}

	/** Gives a unit back (to the longest waiting fiber, if any). **/
	public function release():Void {
		Native.semRelease(sem, 1);
	}
}
