// Covers: EReg.replace with and without the g option, $1 / $& style group references,
// EReg.map with a callback, StringTools.replace vs regex replace, case-insensitive replace.
// HashLink rule: only $1..$9 are substituted; "$0" stays literal (haxe --interp differs).
class Main {
	static function main() {
		Sys.println(~/o/.replace("foo boo", "0"));
		Sys.println(~/o/g.replace("foo boo", "0"));
		Sys.println(~/(\w+)@(\w+)/g.replace("ann@x bob@y", "$2:$1"));
		Sys.println(~/b+/g.replace("abbbcbd", "[$0]"));
		Sys.println(~/\d/g.map("a1b22c", r -> "<" + (Std.parseInt(r.matched(0)) * 2) + ">"));
		Sys.println(~/cat/gi.replace("Cat cAt dog CAT", "pet"));
		Sys.println(~/^\s+|\s+$/g.replace("  trim me  ", ""));
		Sys.println(~/x*/g.replace("abc", "-"));
	}
}
