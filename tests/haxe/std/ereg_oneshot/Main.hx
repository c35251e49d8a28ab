// Covers: the EReg paths that run a whole loop in one native call in Fiberus (split, replace,
// matched): split's result is an ordinary Array<String> (grows, sorts, joins, slices; its items are
// Strings), many pieces under allocation pressure, pieces with non-ASCII and astral characters,
// empty pieces, a pattern with groups; replace with many "$" pieces, adjacent group references,
// a group that matched the empty string, $1 followed by digits with more than 9 groups, results
// longer than the subject, a "$n" beyond the pattern's groups (HashLink 1.12 raises "Matched index
// n outside bounds" at the first match: its EReg.replace catches String, the native throws bytes);
// matched(n) of an empty group ("" not null) and after split/replace, where HashLink reads the
// positions of the last match inside the string of the last match()/matchSub() (clamped like
// substr) or raises when the last attempt failed.
// HashLink rule: lengths and charCodeAt count UTF-16 units, "$" follows HashLink's EReg.replace
// (haxe --interp counts code points, reads "$$" differently and aborts on a group beyond the pattern).
class Main {
	static function tryIt(label:String, f:() -> Dynamic) {
		try {
			Sys.println('$label: ${f()}');
		} catch (e:Dynamic) {
			Sys.println('$label: error ${Std.string(e)}');
		}
	}

	static function main() {
		var parts = ~/[ ,]+/g.split("pear, apple  fig,kiwi");
		parts.push("banana");
		parts.sort(Reflect.compare);
		Sys.println(parts.join("|") + " " + parts.length);
		Sys.println(Std.isOfType(parts[0], String) + " " + (Type.getClass(parts) == Array) + " " + (parts[1] == "banana"));
		Sys.println(parts.slice(1, 3) + " " + parts.concat(["z"]).length + " " + parts.indexOf("fig"));
		var m = new Map<String, Int>();
		for (p in ~/-/g.split("a-b-a-c-a")) m.set(p, (m.exists(p) ? m.get(p) : 0) + 1);
		Sys.println(m.get("a") + " " + m.get("c") + " " + [for (p in ~/-/g.split("x-yy-")) p.toUpperCase() + p.length]);

		tryIt("leading and trailing", () -> ~/,/g.split(",a,,b,"));
		tryIt("groups ignored", () -> ~/(,)(;)?/g.split("a,b;,c"));
		tryIt("no match", () -> ~/;/g.split("abc"));
		tryIt("non-ASCII pieces", () -> ~/ /g.split("été 日本 😀x ok").map(s -> s + ":" + s.length));
		tryIt("astral separator", () -> ~/😀/g.split("a😀b😀😀c"));
		tryIt("charCodeAt of a piece", () -> ~/\|/g.split("x|é|😀")[2].charCodeAt(1));

		var b = new StringBuf();
		for (i in 0...30000) b.add("w" + (i % 97) + (i % 3 == 0 ? ",, " : " "));
		var big = ~/[, ]+/g.split(b.toString());
		var total = 0, h = 0;
		for (p in big) {
			total += p.length;
			h = (h * 31 + (p.length > 1 ? p.charCodeAt(1) : 0)) & 0xffffff;
		}
		Sys.println('big split: ${big.length} pieces, $total units, hash $h, last "${big[big.length - 1]}"');

		var many = "$1$$2$x$3$ $1$2$3$4$5$6$7$8$9$10$11$$$";
		tryIt("many pieces", () -> ~/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)?/g.replace("abcdefghij-abcdefghijk", many));
		tryIt("group beyond the pattern", () -> ~/(a)(b)(c)/g.replace("abc-abc", many));
		tryIt("group beyond the pattern, no match", () -> ~/(a)(b)(c)/g.replace("xyz", many));
		var beyond = ~/(b)/;
		beyond.match("xbbx");
		tryIt("group beyond the pattern, once", () -> beyond.replace("abc", "$1$2"));
		tryIt("state after the error", () -> beyond.matched(1) + " " + beyond.matchedPos().pos);
		tryIt("adjacent groups", () -> ~/(\w)(\w)/g.replace("abcdef", "$2$1"));
		tryIt("empty group", () -> ~/x(y*)z/g.replace("xz xyz", "<$1>"));
		var twelve = ~/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)/;
		tryIt("$12 is $1 then 2", () -> twelve.replace("abcdefghijkl!", "[$12][$9]"));
		tryIt("longer result", () -> {
			var r = ~/o/g.replace("foo boo zoo", "<<o>>");
			r + " " + r.length;
		});
		tryIt("no g, empty match", () -> ~/x*/.replace("abc", "-"));
		tryIt("empty match at end", () -> ~/$/g.replace("ab", "!"));
		tryIt("replace non-ASCII", () -> ~/(é+)/g.replace("cafééé thé", "[$1]"));
		tryIt("replace astral", () -> ~/😀/g.replace("a😀b😀", "$$"));
		tryIt("replace empty subject", () -> ~/a*/g.replace("", "x") + "|" + ~/a/g.replace("", "x"));

		var e = ~/(a*)b/;
		tryIt("empty group matched", () -> e.match("b") + " [" + e.matched(1) + "] " + (e.matched(1) == null));
		var astral = ~/(😀+)(.)/;
		tryIt("matched astral", () -> astral.match("x😀😀é") + " " + astral.matched(1) + " " + astral.matched(2) + " " + astral.matched(1).length);

		var c = ~/,/;
		c.match("zz,");
		tryIt("split no g, then matched", () -> c.split("a,b,c") + " " + c.matched(0) + " " + c.matchedPos().pos);
		c.match(",");
		tryIt("split no g, stale subject", () -> c.split("abcdef,g") + " [" + c.matched(0) + "]");
		var g = ~/,/g;
		g.match("q,");
		tryIt("split g, then matched", () -> g.split("a,b") + " " + g.matched(0));
		var rr = ~/(b+)/;
		rr.match("xbx");
		tryIt("replace no g, then matched", () -> rr.replace("abbbc", "-") + " " + rr.matched(1) + " " + rr.matchedPos().len);
		var rg = ~/b/g;
		rg.match("b");
		tryIt("replace g, then matched", () -> rg.replace("abc", "-") + " " + rg.matched(0));
		var fresh = ~/,/;
		tryIt("split before any match, then matched", () -> fresh.split("a,b") + " " + fresh.matched(0));
	}
}
