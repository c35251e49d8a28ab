package fiberus;

typedef CounterHandle = hl.Abstract<"fiberus_counter">;
typedef SemHandle = hl.Abstract<"fiberus_sem">;

/**
	The runtime natives behind `fiberus.*` and the fiber-based `sys.thread.*`
	(C functions `hxn_fiberus_<name>` in hxrt/hx_fib_*.c). Not a public API.
**/
@:noCompletion
class Native {
	/** Spawn modes of `spawn`. **/
	public static inline var LOCAL = 0;
	public static inline var ON = 1;
	public static inline var ANY = 2;
	public static inline var TO = 3;
	public static inline var STACK = 4;

	@:hlNative("fiberus", "spawn")
	public static function spawn(run:Void->Void, fiber:Fiber, mode:Int, target:Int, counter:CounterHandle):Void {}

	@:hlNative("fiberus", "get_current")
	public static function getCurrent():Fiber return null;

	@:hlNative("fiberus", "set_current")
	public static function setCurrent(f:Fiber):Void {}

	@:hlNative("fiberus", "yield")
	public static function yield():Void {}

	@:hlNative("fiberus", "worker_id")
	public static function workerId():Int return -1;

	@:hlNative("fiberus", "worker_count")
	public static function workerCount():Int return 1;

	@:hlNative("fiberus", "counter_create")
	public static function counterCreate(v:Int):CounterHandle return null;

	@:hlNative("fiberus", "counter_add")
	public static function counterAdd(c:CounterHandle, delta:Int):Int return 0;

	@:hlNative("fiberus", "counter_get")
	public static function counterGet(c:CounterHandle):Int return 0;

	@:hlNative("fiberus", "counter_waiters")
	public static function counterWaiters(c:CounterHandle):Int return 0;

	@:hlNative("fiberus", "counter_wait")
	public static function counterWait(c:CounterHandle, target:Int):Void {}

	@:hlNative("fiberus", "sem_create")
	public static function semCreate(count:Int):SemHandle return null;

	@:hlNative("fiberus", "sem_acquire")
	public static function semAcquire(s:SemHandle):Void {}

	@:hlNative("fiberus", "sem_try")
	public static function semTry(s:SemHandle):Bool return false;

	@:hlNative("fiberus", "sem_timed")
	public static function semTimed(s:SemHandle, timeout:Float):Bool return false;

	@:hlNative("fiberus", "sem_release")
	public static function semRelease(s:SemHandle, n:Int):Void {}

	@:hlNative("fiberus", "atomic_load")
	public static function atomicLoad(p:hl.Bytes):Int return 0;

	@:hlNative("fiberus", "atomic_store")
	public static function atomicStore(p:hl.Bytes, v:Int):Void {}

	@:hlNative("fiberus", "atomic_exchange")
	public static function atomicExchange(p:hl.Bytes, v:Int):Int return 0;

	@:hlNative("fiberus", "atomic_fetch_add")
	public static function atomicFetchAdd(p:hl.Bytes, v:Int):Int return 0;

	@:hlNative("fiberus", "atomic_cas")
	public static function atomicCas(p:hl.Bytes, expected:Int, desired:Int):Bool return false;

	@:hlNative("fiberus", "gc_collect")
	public static function gcCollect():Void {}

	@:hlNative("fiberus", "gc_set_threshold")
	public static function gcSetThreshold(bytes:Int):Void {}

	@:hlNative("fiberus", "gc_get_threshold")
	public static function gcGetThreshold():Int return 0;

	@:hlNative("fiberus", "gc_set_debug")
	public static function gcSetDebug(on:Bool):Void {}

	@:hlNative("fiberus", "gc_print_stats")
	public static function gcPrintStats():Void {}

	@:hlNative("fiberus", "gc_stats")
	public static function gcStats(out:hl.Bytes):Void {}

	@:hlNative("fiberus", "gc_stats_string")
	public static function gcStatsString():hl.Bytes return null;

	@:hlNative("fiberus", "gc_enter_unsafe")
	public static function gcEnterUnsafe():Void {}

	@:hlNative("fiberus", "gc_exit_unsafe")
	public static function gcExitUnsafe():Void {}
}
