// Covers: EReg edge cases against HashLink's PCRE semantics: invalid patterns (the error message
// of HashLink 1.12's PCRE 8, which Fiberus reproduces over PCRE2; "]" alone is an error there, in
// JavaScript-compatible mode), an unknown option letter, the "u" option (accepted, no effect: strings are
// always Unicode), "g" with match/matchSub, matched(n) outside the groups and before any match,
// matchedLeft/Right/Pos after a failed match, matchSub with pos at and past the end and with len,
// empty matches in split/replace/map (an empty pattern splits between every character; astral
// characters stay whole with the u flag), replace with "$$", "$" at the end, $10 and groups that did
// not participate, Unicode classes (\w, \d, case-insensitive matching of non-ASCII letters), "."
// against an astral character (one match, two UTF-16 units), lookbehind, backreferences, escape of
// every special character, a long subject (JIT-sized) and a pathological pattern that still ends.
class Main {
	static function tryIt(label:String, f:() -> Dynamic) {
		try {
			Sys.println('$label: ${f()}');
		} catch (e:Dynamic) {
			Sys.println('$label: error ${Std.string(e)}');
		}
	}

	static function main() {
		tryIt("unclosed group", () -> new EReg("(abc", ""));
		tryIt("bad repeat", () -> new EReg("*a", ""));
		tryIt("bad class", () -> new EReg("[z-a]", ""));
		tryIt("bad escape", () -> new EReg("\\", ""));
		tryIt("unknown option", () -> new EReg("a", "x"));
		tryIt("u option", () -> new EReg("é", "u").match("café"));
		tryIt("ig options", () -> new EReg("A", "ig").match("xa"));

		var r = ~/(a)(b)?/;
		tryIt("matched before match", () -> r.matched(0));
		tryIt("no match", () -> r.match("xyz"));
		tryIt("matched after failure", () -> r.matched(0));
		tryIt("matchedLeft after failure", () -> r.matchedLeft());
		tryIt("matchedPos after failure", () -> r.matchedPos());
		r.match("xa");
		tryIt("unmatched optional group", () -> r.matched(2));
		tryIt("group out of range", () -> r.matched(3));
		tryIt("negative group", () -> r.matched(-1));
		tryIt("matchedRight", () -> r.matchedRight() + "|" + r.matchedLeft());

		var s = "abcabc";
		var a = ~/a/;
		tryIt("matchSub at end", () -> a.matchSub(s, 6));
		tryIt("matchSub past end", () -> a.matchSub(s, 7));
		tryIt("matchSub with len", () -> a.matchSub(s, 1, 2));
		tryIt("matchSub with len 3", () -> a.matchSub(s, 1, 3) + " " + a.matchedPos().pos);
		tryIt("matchSub negative pos", () -> a.matchSub(s, -1));
		tryIt("anchor in matchSub", () -> ~/^b/.matchSub(s, 1));

		tryIt("empty split", () -> ~//g.split("abc"));
		tryIt("empty split astral", () -> ~//gu.split("a😀b").length);
		tryIt("split no g", () -> ~/,/.split("a,b,c"));
		tryIt("split empty string", () -> ~/,/g.split(""));
		tryIt("split all separators", () -> ~/,/g.split(",,"));
		tryIt("replace empty matches", () -> ~/x*/g.replace("abc", "-"));
		tryIt("replace $$", () -> ~/b/.replace("abc", "[$$]"));
		tryIt("replace trailing $", () -> ~/b/.replace("abc", "$"));
		tryIt("replace $10", () -> ~/(a)(b)(c)/.replace("abc", "$10"));
		tryIt("replace missing group", () -> ~/(a)|(z)/.replace("abc", "[$2]"));
		tryIt("replace $0", () -> ~/b/.replace("abc", "[$0]"));
		tryIt("map empty", () -> ~/\b/g.map("ab cd", r -> "|"));
		tryIt("map groups", () -> ~/(\d)(\d)/g.map("12 34 5", r -> r.matched(2) + r.matched(1)));

		tryIt("unicode \\w", () -> ~/^\w+$/.match("héllo") + " " + ~/^\w+$/.match("日本"));
		tryIt("unicode \\d", () -> ~/^\d+$/.match("١٢٣"));
		tryIt("unicode case", () -> ~/ÉTÉ/i.match("été") + " " + ~/straße/i.match("STRASSE"));
		var dot = ~/a.b/;
		tryIt("dot astral", () -> dot.match("a😀b") + " " + dot.matchedPos().len);
		var ac = ~/[😀-😂]/;
		tryIt("astral class", () -> ac.match("x😁") + " " + ac.matchedPos().pos);
		var lb = ~/(?<=\$)\d+/;
		tryIt("lookbehind", () -> lb.match("cost $42") + " " + lb.matched(0));
		tryIt("unmatched ]", () -> new EReg("a]", "").match("a]"));
		for (p in ["[]a]", "[^]]", "\\]", "[[:alpha:]]", "(?#])x", "\\Q]\\E", "[\\]]", "[]", "[^]"])
			tryIt('bracket $p', () -> new EReg(p, "").match("a]"));
		tryIt("missing ]", () -> new EReg("[a", ""));
		tryIt("unmatched )", () -> new EReg("a)", ""));
		tryIt("bad lookbehind", () -> new EReg("(?<=a+)b", ""));
		tryIt("bad backreference", () -> new EReg("(a)\\2", ""));
		tryIt("bad (? ", () -> new EReg("(?Q)", ""));
		var br = ~/(\w)\1/;
		tryIt("backreference", () -> br.match("abccd") + " " + br.matched(0));
		tryIt("escape", () -> EReg.escape(".*+?^$|()[]{}\\/-"));
		tryIt("escape round trip", () -> new EReg("^" + EReg.escape("a.b*c") + "$", "").match("a.b*c"));
		tryIt("escape astral", () -> EReg.escape("😀."));

		var long = new StringBuf();
		for (i in 0...20000) long.add("word" + i + " ");
		var text = long.toString();
		var count = 0, pos = 0, w = ~/word(\d+)7 /;
		while (w.matchSub(text, pos)) {
			count++;
			var p = w.matchedPos();
			pos = p.pos + p.len;
		}
		Sys.println('long subject: $count matches, last ${w.matchSub(text, 0) ? w.matched(1) : "?"}');
		tryIt("pathological", () -> ~/^(a+)+$/.match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaab"));
	}
}
