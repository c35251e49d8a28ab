// Covers: string comparison operators (< <= > >=) by UTF-16 code units, equality of strings built
// at run time, comparing with null, sorting strings with the default comparison and with a
// custom one, Reflect.compare on strings, comparison of non-ASCII and astral strings.
// HashLink rules: strings compare by UTF-16 code units, so "\u{FFFF}" > "😀" (a surrogate 0xD83D);
// Reflect.compare on strings returns the difference of the first differing units (10178), or
// the length difference sign; haxe --interp compares code points and returns -1/0/1.
class Main {
	static function main() {
		Sys.println(("apple" < "banana") + " " + ("apple" < "app") + " " + ("app" <= "app") + " " + ("b" >= "abc"));
		Sys.println(("Z" < "a") + " " + ("é" > "z") + " " + ("" < "a"));
		var built = ["a", "b", "c"].join("");
		Sys.println(built == "abc");
		var n:String = null;
		Sys.println(n == null);
		Sys.println(n == "x");
		var words = ["delta", "Alpha", "charlie", "bravo", "alpha", "Échelle", "zulu"];
		var w1 = words.copy();
		w1.sort((a, b) -> a < b ? -1 : a > b ? 1 : 0);
		Sys.println(w1);
		var w2 = words.copy();
		w2.sort((a, b) -> Reflect.compare(a.toLowerCase(), b.toLowerCase()));
		Sys.println(w2);
		Sys.println(("\u{FFFF}" < "😀") + " " + Reflect.compare("\u{FFFF}", "😀"));
		Sys.println(("abc" < "abcd") + " " + Reflect.compare("abcd", "abc"));
	}
}
