// Covers: EReg matching (PCRE semantics as in HashLink): match/matched/matchedLeft/matchedRight/
// matchedPos, groups (unmatched group -> null), options i/m/s/g, matchSub, split, anchors,
// non-ASCII input (positions in UTF-16 units), escape.
// HashLink rule: matchedPos counts UTF-16 units ("éé😀" has length 4; haxe --interp: 3).
class Main {
	static function main() {
		var r = ~/(\d+)-(\d+)/;
		Sys.println(r.match("ab 12-345 cd"));
		Sys.println(r.matched(0) + " " + r.matched(1) + " " + r.matched(2));
		Sys.println("[" + r.matchedLeft() + "][" + r.matchedRight() + "]");
		var p = r.matchedPos();
		Sys.println(p.pos + " " + p.len);
		Sys.println(r.match("no digits"));
		var opt = ~/(a)|(b)/;
		opt.match("b");
		Sys.println(opt.matched(1) + " " + opt.matched(2));
		Sys.println(~/HELLO/i.match("say hello") + " " + ~/^b$/m.match("a\nb\nc") + " " + ~/a.c/s.match("a\nc") + " " + ~/a.c/.match("a\nc"));
		var w = ~/\w+/;
		Sys.println(w.matchSub("  abc def", 5) + " " + w.matched(0));
		Sys.println(~/[,;]\s*/g.split("a, b;c ;d"));
		Sys.println(~/,/.split("x,y,z"));
		var u = ~/(é+)(😀)/;
		Sys.println(u.match("caféé😀!") + " " + u.matched(1) + " " + u.matchedPos().pos + " " + u.matchedPos().len + " " + u.matchedRight());
		Sys.println(EReg.escape("a.b*c?"));
		Sys.println(new EReg("^[a-z]+$", "").match("abc") + " " + new EReg("^[a-z]+$", "").match("ab1"));
		var all = [];
		var num = ~/\d+/g;
		var s = "1 22 333 x 4444";
		var pos = 0;
		while (num.matchSub(s, pos)) {
			var mp = num.matchedPos();
			all.push(num.matched(0));
			pos = mp.pos + mp.len;
		}
		Sys.println(all);
		Sys.println(~/(?<year>\d{4})/.match("in 2024") + " " + ~/colou?r/.match("color"));
	}
}
