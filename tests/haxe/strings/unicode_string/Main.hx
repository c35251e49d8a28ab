// Covers: haxe.iterators.StringIteratorUnicode and StringKeyValueIteratorUnicode over strings
// with astral characters, UnicodeString length/charCodeAt/substr by code points, haxe.Utf8
// style encoding through haxe.io.Bytes (UTF-8 round trip).
// HashLink rule: String.length counts UTF-16 units (5 for "aé😀z"; haxe --interp: 4).
import haxe.io.Encoding;

class Main {
	static function main() {
		var s = "aé😀z";
		var u:UnicodeString = s;
		Sys.println(s.length + " " + u.length);
		Sys.println(u.charCodeAt(2) + " " + u.charAt(2) + " " + u.substr(1, 2) + " " + u.indexOf("z"));
		var cps = [];
		for (c in new haxe.iterators.StringIteratorUnicode(s))
			cps.push(c);
		Sys.println(cps);
		for (i => c in new haxe.iterators.StringKeyValueIteratorUnicode(s))
			Sys.print(i + ":" + c + " ");
		Sys.println("");
		var bytes = haxe.io.Bytes.ofString(s);
		Sys.println(bytes.length + " " + bytes.getString(0, bytes.length) + " " + (bytes.getString(0, bytes.length) == s));
		Sys.println(UnicodeString.validate(bytes, Encoding.UTF8));
	}
}
