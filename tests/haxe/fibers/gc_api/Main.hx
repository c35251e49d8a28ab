// Covers: fiberus.GC: collect, minorCollect, stats (GCStats fields), statsString,
// printStats (stderr), setDebug, thresholds, enterUnsafe/exitUnsafe.
// Fiberus-only API; the output checks relations, not byte counts.
import fiberus.GC;

class Main {
	static var keep:Array<Array<Int>> = [];

	static function main() {
		var before = GC.stats();
		for (i in 0...2000) {
			var a = [for (k in 0...16) k];
			if (i % 100 == 0) keep.push(a);
		}
		GC.collect();
		var after = GC.stats();
		Sys.println("allocations grew: " + (after.totalAllocations > before.totalAllocations));
		Sys.println("bytes grew: " + (after.totalBytesAllocated > before.totalBytesAllocated));
		Sys.println("one more collection: " + (after.collectionCount >= before.collectionCount + 1));
		Sys.println("heap positive: " + (after.currentHeapSize > 0 && after.peakHeapSize >= after.currentHeapSize));
		Sys.println("marked something: " + (after.objectsMarked > 0));
		Sys.println("times non-negative: " + (after.lastMarkTimeMs >= 0 && after.lastSweepTimeMs >= 0 && after.totalGcTimeMs >= 0));
		Sys.println("stacks scanned: " + (after.fibersScanned >= 1 && after.stackBytesScanned > 0));
		Sys.println("minor fields: " + (after.minorCollections >= 0 && after.writeBarriersTriggered >= 0 && after.totalMinorTimeMs >= 0));
		GC.minorCollect();
		Sys.println("minorCollect collects: " + (GC.stats().collectionCount > after.collectionCount));
		var s = GC.statsString();
		Sys.println("statsString: " + (s.length > 0));
		GC.setThreshold(4 << 20);
		Sys.println("threshold " + GC.getThreshold());
		GC.setMinorThreshold(1000000);
		Sys.println("minor threshold " + GC.getMinorThreshold());
		GC.setDebug(false);
		GC.enterUnsafe();
		var x = 0;
		for (i in 0...1000) x += i;
		GC.exitUnsafe();
		Sys.println("unsafe zone " + x);
		GC.printStats();
		Sys.println("kept " + keep.length + " " + keep[19][15]);
	}
}
