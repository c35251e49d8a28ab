package sys.thread;

import fiberus.Native;

/**
	A thread-safe double-ended queue of messages; a blocking `pop` suspends
	the fiber until a message arrives.
**/
class Deque<T> {
	final items = new List<T>();
	final lock:fiberus.Native.SemHandle;
	final count:fiberus.Native.SemHandle;

	public function new():Void {
		lock = Native.semCreate(1);
		count = Native.semCreate(0);
	}

	/** Adds `i` at the end. **/
	public function add(i:T):Void {
		Native.semAcquire(lock);
		items.add(i);
		Native.semRelease(lock, 1);
		Native.semRelease(count, 1);
	}

	/** Adds `i` at the front. **/
	public function push(i:T):Void {
		Native.semAcquire(lock);
		items.push(i);
		Native.semRelease(lock, 1);
		Native.semRelease(count, 1);
	}

	/** Takes the first item; when empty, waits for one if `block`, else returns null. **/
	public function pop(block:Bool):Null<T> {
		if (block)
			Native.semAcquire(count);
		else if (!Native.semTry(count))
			return null;
		Native.semAcquire(lock);
		var v = items.pop();
		Native.semRelease(lock, 1);
		return v;
	}
}
