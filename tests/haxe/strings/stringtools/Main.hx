// Covers: StringTools: trim/ltrim/rtrim, lpad/rpad, replace, startsWith/endsWith, contains,
// hex, urlEncode/urlDecode, htmlEscape/htmlUnescape, isSpace, fastCodeAt, isEof, haxe.SysTools.quoteUnixArg.
using StringTools;

class Main {
	static function main() {
		Sys.println("[" + "  a b \t\n".trim() + "][" + "  x ".ltrim() + "][" + " y  ".rtrim() + "]");
		Sys.println("5".lpad("0", 3) + " " + "ab".rpad("-", 5) + " " + "long".lpad("*", 2) + " " + "x".lpad("ab", 4));
		Sys.println("a.b.c".replace(".", "::") + " " + "aaa".replace("a", "") + " " + "abc".replace("", "-"));
		Sys.println("prefix".startsWith("pre") + " " + "prefix".endsWith("fix") + " " + "prefix".startsWith("fix"));
		Sys.println("haystack".contains("st") + " " + "haystack".contains("ts"));
		Sys.println(StringTools.hex(255) + " " + StringTools.hex(255, 4) + " " + StringTools.hex(-1) + " " + StringTools.hex(0));
		Sys.println("a b&c=d/é".urlEncode());
		Sys.println("a%20b%26c%3Dd%2F%C3%A9".urlDecode());
		Sys.println("<a href=\"x\">'&'</a>".htmlEscape() + " " + "<a href=\"x\">'&'</a>".htmlEscape(true));
		Sys.println("&lt;b&gt; &amp; &quot;q&quot; &#039;".htmlUnescape());
		Sys.println(" x".isSpace(0) + " " + " x".isSpace(1) + " " + "\t".isSpace(0));
		Sys.println("AB".fastCodeAt(1) + " " + StringTools.isEof(-1));
		Sys.println(haxe.SysTools.quoteUnixArg("it's"));
		Sys.println("hello world".replace("o", "0").toUpperCase());
	}
}
