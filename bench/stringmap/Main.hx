// String and StringMap workload: builds a pseudo-random DNA sequence with a StringBuf, counts
// every k-nucleotide (k = 1, 2, 3, 4, 6, 12, 18) in a Map<String, Int> (substr + get/set), then
// splits a generated text into words and counts them.
// Usage: Main [n]   (default 1000000: the sequence length; the text has n/4 words).
class Main {
	static var seed = 42;

	// The benchmarks-game fasta generator, in integers so that every target agrees.
	static inline function random():Int {
		seed = (seed * 3877 + 29573) % 139968;
		return seed;
	}

	static function dna(n:Int):String {
		var sb = new StringBuf();
		for (_ in 0...n) {
			// homo sapiens frequencies: a 0.3029, c 0.1980, g 0.1975, t 0.3015
			var r = random();
			sb.addChar(r < 42397 ? "a".code : r < 70110 ? "c".code : r < 97755 ? "g".code : "t".code);
		}
		return sb.toString().toUpperCase();
	}

	static function countFrames(seq:String, k:Int):Map<String, Int> {
		var counts = new Map<String, Int>();
		for (i in 0...seq.length - k + 1) {
			var key = seq.substr(i, k);
			var c = counts.get(key);
			counts.set(key, c == null ? 1 : c + 1);
		}
		return counts;
	}

	static function byCount(counts:Map<String, Int>):Array<String> {
		var keys = [for (k in counts.keys()) k];
		keys.sort(function(a, b) {
			var d = counts[b] - counts[a];
			return d != 0 ? d : (a < b ? -1 : a > b ? 1 : 0);
		});
		return keys;
	}

	static function words(n:Int):String {
		var vocabulary = [for (i in 0...5000) "w" + StringTools.hex(i * 40503 & 0xfffff)];
		var parts = [];
		for (_ in 0...n)
			parts.push(vocabulary[random() % vocabulary.length]);
		return parts.join(" ");
	}

	static function args():Array<String> {
		#if js
		return js.Syntax.code("process.argv.slice(2)");
		#else
		return Sys.args();
		#end
	}

	static function println(s:String) {
		#if js
		js.Syntax.code("console.log({0})", s);
		#else
		Sys.println(s);
		#end
	}

	static function main() {
		var args = args();
		var n = args.length > 0 ? Std.parseInt(args[0]) : 1000000;
		var seq = dna(n);
		var probe = "GGTATTTTAATTTATAGT";
		for (k in [1, 2, 3, 4, 6, 12, 18]) {
			var counts = countFrames(seq, k);
			var distinct = 0;
			for (_ in counts.keys())
				distinct++;
			var key = probe.substr(0, k);
			var line = 'k=$k distinct=$distinct $key=${counts.exists(key) ? counts[key] : 0}';
			if (k <= 2)
				line += " " + [for (s in byCount(counts)) '$s:${counts[s]}'].join(" ");
			println(line);
		}

		var text = words(n >> 2);
		var counts = new Map<String, Int>();
		var letters = 0;
		for (w in text.split(" ")) {
			var c = counts.get(w);
			counts.set(w, c == null ? 1 : c + 1);
			letters += w.length;
		}
		var top = byCount(counts);
		var upper = text.toUpperCase();
		println('chars=${text.length} letters=$letters distinct=${top.length} top=${top.slice(0, 3).map(w -> w + ":" + counts[w]).join(",")}'
			+ ' W1F=${upper.split("W1F").length - 1} last=${upper.lastIndexOf("W1F")}');
	}
}
