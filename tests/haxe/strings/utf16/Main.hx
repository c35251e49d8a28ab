// Covers: strings are UTF-16 as in HashLink: length counts code units (an emoji counts 2),
// charCodeAt returns surrogate halves, substr can split a surrogate pair, String.fromCharCode
// of an astral code point yields a pair, non-ASCII output is written as UTF-8, reading a
// UTF-8 literal with 2-, 3- and 4-byte sequences.
// HashLink rule: UTF-16 strings (haxe --interp uses code points, so its output differs).
class Main {
	static function main() {
		var e = "a😀b";
		Sys.println(e.length);
		Sys.println(e.charCodeAt(1) + " " + e.charCodeAt(2) + " " + e.charCodeAt(3));
		Sys.println(e.indexOf("b"));
		var s = String.fromCharCode(0x1F600);
		Sys.println(s.length + " " + (s == "😀"));
		Sys.println(s);
		Sys.println("é€😀".length);
		Sys.println("日本語テキスト".substr(2, 3));
		Sys.println("ßtraße".toUpperCase());
		Sys.println("ÉCOLE".toLowerCase());
		var codes = [for (i in 0..."Zß€".length) "Zß€".charCodeAt(i)];
		Sys.println(codes);
		Sys.println(e.split("😀"));
		Sys.println(haxe.io.Bytes.ofString("é€😀").length);
		Sys.println(haxe.io.Bytes.ofString("é€😀").toHex());
		Sys.println(StringTools.hex("😀".charCodeAt(0)));
		var b = new StringBuf();
		b.addChar(0x1F601);
		b.addChar(0xE9);
		Sys.println(b.toString() + " " + b.length);
		Sys.println("x😀y".lastIndexOf("y"));
	}
}
