// EReg on log-like text: matchSub loops with groups, a multiline-anchored loop, global replace
// (plain and with $1) and split, over a text of N generated lines (~100 bytes each).
// Usage: Main [lines] [rounds]   (default 40,000 lines (~4 MB), 3 rounds). Prints counts and
// checksums; bench/ereg/ref.c does the same with PCRE2 called directly from C.
class Main {
	static var seed = 12345;

	static inline function next(n:Int):Int {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return (seed >> 8) % n;
	}

	static function pad2(b:StringBuf, v:Int) {
		if (v < 10) b.add("0");
		b.add(v);
	}

	static function makeText(lines:Int):String {
		var levels = ["INFO", "WARN", "ERROR", "DEBUG"];
		var methods = ["GET", "POST", "PUT", "DELETE"];
		var users = ["alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy"];
		var b = new StringBuf();
		for (i in 0...lines) {
			b.add("2026-11-27 ");
			pad2(b, next(24));
			b.add(":");
			pad2(b, next(60));
			b.add(":");
			pad2(b, next(60));
			b.add(" ");
			b.add(levels[next(4)]);
			b.add(" [worker-");
			b.add(next(32));
			b.add("] ");
			b.add(methods[next(4)]);
			b.add(" /api/v1/items/");
			b.add(next(100000));
			b.add(" status=");
			b.add(next(5) == 0 ? 404 : 200);
			b.add(" time=");
			b.add(next(5000));
			b.add("ms user=");
			b.add(users[next(8)]);
			b.add("@example.com\n");
		}
		return b.toString();
	}

	// Checksum of every 61st code unit and the length, as a masked 32-bit integer.
	static function sum(s:String):Int {
		var h = s.length;
		var i = 0;
		while (i < s.length) {
			h = (h * 31 + StringTools.fastCodeAt(s, i)) & 0x3fffffff;
			i += 61;
		}
		return h;
	}

	static function main() {
		#if sys
		var args = Sys.args();
		#else
		var args = [];
		#end
		var lines = args.length > 0 ? Std.parseInt(args[0]) : 40000;
		var rounds = args.length > 1 ? Std.parseInt(args[1]) : 3;
		var text = makeText(lines);
		var out = [];
		for (round in 0...rounds) {
			// 1. matchSub loop over the whole text, reading two groups.
			var user = ~/user=(\w+)@(\w+)\.com/;
			var n = 0, glen = 0, pos = 0;
			while (user.matchSub(text, pos)) {
				var p = user.matchedPos();
				n++;
				glen += user.matched(1).length + user.matched(2).length;
				pos = p.pos + p.len;
			}
			out.push('users $n $glen');
			// 2. line-anchored (m) pattern with alternation and a numeric group.
			var err = ~/^\S+ \S+ (ERROR|WARN) \[worker-(\d+)\]/m;
			n = 0;
			var wsum = 0;
			pos = 0;
			while (err.matchSub(text, pos)) {
				var p = err.matchedPos();
				n++;
				wsum += Std.parseInt(err.matched(2));
				pos = p.pos + p.len;
			}
			out.push('errors $n $wsum');
			// 3. global replace, plain and with a group reference.
			var r1 = ~/\d+/g.replace(text, "#");
			out.push('digits ${r1.length} ${sum(r1)}');
			var r2 = ~/user=(\w+)@example\.com/g.replace(text, "u:$1");
			out.push('users2 ${r2.length} ${sum(r2)}');
			// 4. split on runs of blanks.
			var parts = ~/[ \n]+/g.split(text);
			var plen = 0;
			for (p in parts) plen += p.length;
			out.push('split ${parts.length} $plen');
		}
		// Every round must agree; print the last one.
		for (i in out.length - 5...out.length) Sys.println(out[i]);
	}
}
