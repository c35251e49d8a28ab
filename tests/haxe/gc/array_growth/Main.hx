// Covers: garbage collection with growing arrays of every specialisation (Int, Float, objects,
// Dynamic) reallocated many times while other garbage is created; element sums checked.
class Main {
	static function main() {
		var ai = [];
		var af = [];
		var ao = [];
		var ad:Array<Dynamic> = [];
		for (i in 0...30000) {
			ai.push(i);
			af.push(i * 0.25);
			ao.push("s" + (i % 100));
			ad.push(i % 2 == 0 ? (i : Dynamic) : ("d" : Dynamic));
			if (i % 1000 == 0)
				var garbage = [for (j in 0...100) {j: j}];
		}
		var si = 0, sf = 0.0, so = 0, sd = 0;
		for (v in ai)
			si += v;
		for (v in af)
			sf += v;
		for (v in ao)
			so += v.length;
		for (v in ad)
			if (Std.isOfType(v, Int))
				sd += v;
		Sys.println(si + " " + sf + " " + so + " " + sd);
	}
}
