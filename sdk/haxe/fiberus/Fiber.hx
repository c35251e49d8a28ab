package fiberus;

/**
	A fiber: a function running as a job on the Fiberus scheduler, on its own
	stack once it suspends (waits on a `Counter`, a `sys.thread` lock, I/O).

	The runtime starts its worker threads at start-up: `FIBERUS_WORKERS`
	(default: the number of CPUs); thread 0 is the main thread, which runs
	`main` as a fiber. Spawned fibers run on any worker and may move between
	workers when they resume. An exception that escapes a fiber is reported
	like one escaping `main` and ends the program with exit code 1.
**/
class Fiber {
	/** Per-fiber user slot. Also the argument the fiber's function gets. **/
	public var userData:Dynamic;

	var fn:Null<Dynamic->Void>;
	var alive:Bool = true;

	@:allow(sys.thread) var locals:Null<haxe.ds.IntMap<Dynamic>>;
	@:allow(sys.thread) var thread:Dynamic;

	function new(fn:Null<Dynamic->Void>) {
		this.fn = fn;
	}

	/**
		Creates a fiber in the ready state; it runs once a worker takes it
		(at the latest when the current fiber yields, waits or finishes).
		`fn` gets the fiber's `userData` (null unless set before it starts).
	**/
	public static function spawn(fn:Dynamic->Void):Fiber {
		return make(fn).start(Native.LOCAL, 0);
	}

	/** Same as `spawn`, on a fiber with at least `stackSize` bytes of stack. **/
	public static function spawnWithStack(stackSize:Int, fn:Dynamic->Void):Fiber {
		return make(fn).start(Native.STACK, stackSize);
	}

	/**
		Spawns on thread `threadId` (0 = main, 1.. = workers): it starts there
		(the target's inbox) and may move later when it resumes. An invalid id,
		or the current thread's, spawns locally.
	**/
	public static function spawnOn(threadId:Int, fn:Dynamic->Void):Fiber {
		return make(fn).start(Native.ON, threadId);
	}

	/**
		Spawns on the less loaded of two threads picked at random (power of two
		choices, comparing their queue lengths). With one thread, like `spawn`.
	**/
	public static function spawnAny(fn:Dynamic->Void):Fiber {
		return make(fn).start(Native.ANY, 0);
	}

	/**
		Spawns `count` fibers, distributed round-robin over the threads; fiber i
		calls `body(i, args)`. Returns how many were spawned.
	**/
	public static function spawnMany(count:Int, body:(index:Int, args:Dynamic) -> Void, args:Dynamic):Int {
		var n = Native.workerCount();
		var first = Native.workerId();
		if (first < 0) first = 0;
		for (i in 0...count) {
			var index = i;
			var f = make(_ -> body(index, args));
			f.start(Native.TO, (first + i) % n);
		}
		return count < 0 ? 0 : count;
	}

	/** Lets other work run; the fiber continues later, maybe on another thread. **/
	public static function yield():Void {
		Native.yield();
	}

	/**
		The running fiber. Code of `main` runs as a fiber too; a job of
		`Jobs` gets its own fiber object the first time it asks.
	**/
	public static function current():Null<Fiber> {
		var f = Native.getCurrent();
		if (f == null) {
			f = new Fiber(null);
			Native.setCurrent(f);
		}
		return f;
	}

	/** True until the fiber's function has returned. **/
	public function isAlive():Bool {
		return alive;
	}

	/**
		Worker threads exist from start-up (`FIBERUS_WORKERS`, default the CPU
		count); this asks for `count` workers besides the main thread and
		returns how many there are, at most `count` (0 with one thread).
	**/
	public static function createWorkers(count:Int):Int {
		var have = Native.workerCount() - 1;
		return count < 0 ? 0 : (count < have ? count : have);
	}

	/** Main thread plus workers (1 when single-threaded). **/
	public static function getThreadCount():Int {
		return Native.workerCount();
	}

	/** Workers besides the main thread (0 when single-threaded). **/
	public static function getWorkerCount():Int {
		return Native.workerCount() - 1;
	}

	/** The current thread: 0 = main, 1.. = workers, -1 = not a scheduler thread. **/
	public static function getThreadId():Int {
		return Native.workerId();
	}

	@:allow(sys.thread) @:allow(fiberus)
	static function make(fn:Dynamic->Void):Fiber {
		return new Fiber(fn);
	}

	@:allow(sys.thread)
	function start(mode:Int, target:Int):Fiber {
		Native.spawn(run, this, mode, target, null);
		return this;
	}

	function run():Void {
		var f = fn;
		fn = null;
		f(userData);
		alive = false;
	}

	@:keep function toString():String {
		return "Fiber";
	}
}
