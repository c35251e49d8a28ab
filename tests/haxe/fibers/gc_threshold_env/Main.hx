// Covers: FIBERUS_GC_THRESHOLD (env) sets the allocation between automatic
// collections at start; GC.getThreshold reports it, collections keep it (the
// live heap is small), and GC.setThreshold still changes it at run time.
import fiberus.GC;

class Main {
	static function main() {
		Sys.println("from the environment: " + GC.getThreshold());
		var junk = [for (i in 0...20000) Std.string(i)];
		GC.collect();
		Sys.println("after a collection: " + GC.getThreshold() + " (" + junk.length + " strings)");
		GC.setThreshold(2 << 20);
		Sys.println("set at run time: " + GC.getThreshold());
	}
}
