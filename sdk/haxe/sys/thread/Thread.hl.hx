package sys.thread;

import fiberus.Fiber;

/**
	Haxe threads on Fiberus are fibers: `create` spawns a fiber on the
	scheduler's worker threads, and every blocking wait of `sys.thread`
	(Mutex, Lock, Deque, Condition, Semaphore, `readMessage`) suspends the
	fiber, not the OS thread. `main` is the main thread, with an event loop.
**/
abstract Thread(FiberThread) from FiberThread {
	public var events(get, never):EventLoop;

	/** Sends a message to the thread's queue (`readMessage`). **/
	public inline function sendMessage(msg:Dynamic):Void {
		this.messages.add(msg);
	}

	/** Reads a message of the current thread's queue; null if none and not `block`. **/
	public static inline function readMessage(block = true):Dynamic {
		return FiberThread.current().messages.pop(block);
	}

	/** Starts `job` on a new fiber; the thread ends when `job` returns. **/
	public static inline function create(job:() -> Void):Thread {
		return FiberThread.create(job, false);
	}

	/** Runs `job`, then the current thread's event loop if it had none. **/
	public static inline function runWithEventLoop(job:() -> Void):Void {
		FiberThread.runWithEventLoop(job);
	}

	/** Like `create`, with an event loop run after `job`. **/
	public static inline function createWithEventLoop(job:() -> Void):Thread {
		return FiberThread.create(job, true);
	}

	public static function current():Thread {
		return FiberThread.current();
	}

	function get_events():EventLoop {
		if (this.events == null)
			throw new NoEventLoopException();
		return this.events;
	}

	@:keep
	static public function processEvents() {
		FiberThread.current().events.loop();
	}
}

@:allow(sys.thread)
private class FiberThread {
	static var mainThread:FiberThread;

	static function __init__() {
		mainThread = new FiberThread();
		mainThread.events = new EventLoop();
		@:privateAccess Fiber.current().thread = mainThread;
	}

	public var events(default, null):Null<EventLoop>;

	public final messages = new Deque<Dynamic>();

	public function new() {}

	public static function current():FiberThread {
		var f = Fiber.current();
		var t:FiberThread = @:privateAccess f.thread;
		if (t == null) {
			t = new FiberThread();
			@:privateAccess f.thread = t;
		}
		return t;
	}

	public static function create(job:() -> Void, withEventLoop:Bool):Thread {
		var t = new FiberThread();
		if (withEventLoop)
			t.events = new EventLoop();
		var f = @:privateAccess Fiber.make(_ -> {
			job();
			if (withEventLoop)
				t.events.loop();
		});
		@:privateAccess f.thread = t;
		@:privateAccess f.start(fiberus.Native.LOCAL, 0);
		return t;
	}

	public static function runWithEventLoop(job:() -> Void):Void {
		var t = current();
		if (t.events == null) {
			t.events = new EventLoop();
			try {
				job();
				t.events.loop();
				t.events = null;
			} catch (e) {
				t.events = null;
				throw e;
			}
		} else {
			job();
		}
	}
}
