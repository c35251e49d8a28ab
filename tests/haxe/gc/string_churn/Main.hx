// Covers: garbage collection with strings: many temporary concatenations, substrings and
// StringBufs, with a few results kept; final lengths and checksums are printed.
class Main {
	static function main() {
		var kept = [];
		for (i in 0...20000) {
			var s = "item" + i + "/" + (i * 3);
			var t = s.substr(2) + s.toUpperCase();
			if (i % 1000 == 0)
				kept.push(t);
		}
		Sys.println(kept.length + " " + kept[5]);
		var total = 0;
		for (r in 0...100) {
			var b = new StringBuf();
			for (j in 0...200)
				b.add(j);
			total += b.toString().length;
		}
		Sys.println(total);
		var parts = "a,b,c,d,e,f,g,h".split(",");
		var acc = 0;
		for (i in 0...10000)
			acc += parts.join(i % 2 == 0 ? "-" : "+").length;
		Sys.println(acc);
	}
}
