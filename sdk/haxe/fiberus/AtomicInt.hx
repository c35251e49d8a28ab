package fiberus;

/**
	A shared 32-bit integer with atomic operations (sequentially consistent).
	An `AtomicInt` is a reference to a cell: copies (captured by closures,
	stored in fields) all see the same value. `var a:AtomicInt = 0` makes a
	new cell; using it as an `Int` reads it.
**/
abstract AtomicInt(hl.Bytes) {
	inline function new(v:Int) {
		this = new hl.Bytes(4);
		this.setI32(0, v);
	}

	@:from public static inline function fromInt(v:Int):AtomicInt {
		return new AtomicInt(v);
	}

	@:to public inline function toInt():Int {
		return load();
	}

	public inline function load():Int {
		return Native.atomicLoad(this);
	}

	public inline function store(value:Int):Void {
		Native.atomicStore(this, value);
	}

	public inline function exchange(value:Int):Int {
		return Native.atomicExchange(this, value);
	}

	/** Adds and returns the old value. **/
	public inline function fetchAdd(value:Int):Int {
		return Native.atomicFetchAdd(this, value);
	}

	/** Subtracts and returns the old value. **/
	public inline function fetchSub(value:Int):Int {
		return Native.atomicFetchAdd(this, -value);
	}

	/** Stores `desired` if the value is `expected` (strong); true if it did. **/
	public inline function compareExchange(expected:Int, desired:Int):Bool {
		return Native.atomicCas(this, expected, desired);
	}

	/** Adds 1 and returns the new value. **/
	public inline function increment():Int {
		return Native.atomicFetchAdd(this, 1) + 1;
	}

	/** Subtracts 1 and returns the new value. **/
	public inline function decrement():Int {
		return Native.atomicFetchAdd(this, -1) - 1;
	}
}
