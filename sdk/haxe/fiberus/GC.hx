package fiberus;

typedef GCStats = {
	totalAllocations:Int,
	totalBytesAllocated:Int,
	currentHeapSize:Int,
	peakHeapSize:Int,
	currentObjectCount:Int,
	collectionCount:Int,
	objectsMarked:Int,
	objectsSwept:Int,
	bytesFreed:Int,
	lastMarkTimeMs:Float,
	lastSweepTimeMs:Float,
	totalGcTimeMs:Float,
	fibersScanned:Int,
	stackBytesScanned:Int,
	minorCollections:Int,
	minorObjectsEvacuated:Int,
	minorBytesEvacuated:Int,
	lastMinorTimeMs:Float,
	totalMinorTimeMs:Float,
	writeBarriersTriggered:Int,
}

/**
	Control and statistics of Fibrix, the collector. Byte and object counts
	beyond 2^31 are clamped to the largest Int.
**/
class GC {
	static var minorThreshold = 7130317; // 85 % of an 8 MiB nursery

	/** A full collection now. **/
	public static function collect():Void {
		Native.gcCollect();
	}

	/** A nursery collection now (for now: a full collection). **/
	public static function minorCollect():Void {
		Native.gcCollect();
	}

	public static function stats():GCStats {
		var b = new hl.Bytes(20 * 8);
		Native.gcStats(b);
		inline function i(k:Int):Int {
			var d = b.getF64(k * 8);
			return d >= 2147483647.0 ? 2147483647 : Std.int(d);
		}
		inline function f(k:Int):Float return b.getF64(k * 8);
		return {
			totalAllocations: i(0),
			totalBytesAllocated: i(1),
			currentHeapSize: i(2),
			peakHeapSize: i(3),
			currentObjectCount: i(4),
			collectionCount: i(5),
			objectsMarked: i(6),
			objectsSwept: i(7),
			bytesFreed: i(8),
			lastMarkTimeMs: f(9),
			lastSweepTimeMs: f(10),
			totalGcTimeMs: f(11),
			fibersScanned: i(12),
			stackBytesScanned: i(13),
			minorCollections: i(14),
			minorObjectsEvacuated: i(15),
			minorBytesEvacuated: i(16),
			lastMinorTimeMs: f(17),
			totalMinorTimeMs: f(18),
			writeBarriersTriggered: i(19),
		};
	}

	/** One line per collection on stderr (also `FIB_GC_DEBUG=1`). **/
	public static function setDebug(enabled:Bool):Void {
		Native.gcSetDebug(enabled);
	}

	/** The statistics summary, on stderr. **/
	public static function printStats():Void {
		Native.gcPrintStats();
	}

	/** The `printStats` text. **/
	public static function statsString():String {
		return @:privateAccess String.fromUTF8(Native.gcStatsString());
	}

	/** Bytes allocated between automatic collections (default 4 MiB, or `FIBERUS_GC_THRESHOLD`). **/
	public static function setThreshold(bytes:Int):Void {
		Native.gcSetThreshold(bytes);
	}

	public static function getThreshold():Int {
		return Native.gcGetThreshold();
	}

	/**
		Enters a GC-free zone: the thread no longer holds up collections, so
		until `exitUnsafe` it must not allocate or touch collected objects.
		For long native work. `exitUnsafe` waits out a collection in progress.
	**/
	public static function enterUnsafe():Void {
		Native.gcEnterUnsafe();
	}

	public static function exitUnsafe():Void {
		Native.gcExitUnsafe();
	}

	/** The nursery trigger (kept for compatibility: Fibrix is not generational yet). **/
	public static function setMinorThreshold(bytes:Int):Void {
		minorThreshold = bytes;
	}

	public static function getMinorThreshold():Int {
		return minorThreshold;
	}
}
