// Covers: UnicodeString and haxe.Utf8 edge cases on HashLink (UTF-16 strings): empty strings,
// characters beyond the BMP (surrogate pairs count as one code point), lone surrogates (high and
// low, at the ends and in the middle, built from raw UTF-16 bytes; String.fromCharCode of a
// surrogate or of 0x110000 raises "Invalid unicode char N" on HashLink; Haxe 4.2.5's UnicodeString
// decodes a high surrogate with whatever unit follows it as a pair), UnicodeString charAt/
// charCodeAt out of range (""/null), indexOf/lastIndexOf with start indexes (also negative and past
// the end), substr/substring with negative and swapped arguments, comparison operators,
// concatenation, iterators; UnicodeString.validate on valid and invalid UTF-8 (overlong, truncated,
// surrogates encoded in UTF-8, beyond U+10FFFF) and with RawNative (raises "not supported");
// haxe.Utf8: encode/decode (raise NotImplementedException on HashLink), length, charCodeAt, sub
// (UTF-16 units on HashLink: a pair can be split), compare, iter, validate, the Utf8 buffer
// (addChar with BMP and astral code points); Bytes.ofString/getString round trips of astral text.
import haxe.io.Bytes;
import haxe.io.Encoding;

class Main {
	static function codes(s:String):String {
		var a = [];
		for (i in 0...s.length) a.push(StringTools.hex(s.charCodeAt(i), 4));
		return a.join(" ");
	}

	static function main() {
		var e:UnicodeString = "";
		Sys.println('empty: ${e.length} "${e.charAt(0)}" ${e.charCodeAt(0)} ${e.indexOf("")} ${e.lastIndexOf("")} "${e.substr(0)}" "${e.substring(1, 0)}"');
		var s:UnicodeString = "a😀b𝄞c";
		Sys.println('astral: string length ${(s : String).length} unicode length ${s.length}');
		for (i in -1...7) Sys.print('[${s.charAt(i)}|${s.charCodeAt(i)}]');
		Sys.println("");
		Sys.println('indexOf: ${s.indexOf("b")} ${s.indexOf("𝄞")} ${s.indexOf("😀", 2)} ${s.indexOf("c", -3)} ${s.indexOf("", 10)} ${s.indexOf("zz")}');
		Sys.println('lastIndexOf: ${s.lastIndexOf("😀")} ${s.lastIndexOf("b", 1)} ${s.lastIndexOf("", 99)} ${s.lastIndexOf("c", -1)}');
		Sys.println('substr: "${s.substr(1, 1)}" "${s.substr(-2)}" "${s.substr(2, -1)}" "${s.substr(10)}" "${s.substr(-10, 2)}"');
		Sys.println('substring: "${s.substring(1, 3)}" "${s.substring(3, 1)}" "${s.substring(-1, 2)}" "${s.substring(4)}"');
		var it = [];
		for (c in s) it.push(c);
		Sys.println('iterator: $it');
		var kv = [];
		for (k => c in s) kv.push('$k=$c');
		Sys.println('keyValue: $kv');
		var t:UnicodeString = "😀";
		Sys.println('compare: ${s < t} ${t > s} ${s == ("a😀b𝄞c" : UnicodeString)} ${s != t} ${(s + t).length} ${(s + "x").length}');

		// Lone surrogates.
		try {
			String.fromCharCode(0xD83D);
			Sys.println("fromCharCode surrogate?");
		} catch (e:Dynamic) {
			Sys.println('fromCharCode surrogate: $e');
		}
		try {
			String.fromCharCode(0x110000);
			Sys.println("fromCharCode too big?");
		} catch (e:Dynamic) {
			Sys.println('fromCharCode too big: $e');
		}
		var hi = Bytes.ofHex("3dd8").getString(0, 2, RawNative), lo = Bytes.ofHex("00de").getString(0, 2, RawNative);
		var lone:UnicodeString = "x" + hi + "y" + lo;
		Sys.println('lone: ${(lone : String).length} ${lone.length} ${codes(lone)}');
		for (i in 0...lone.length) Sys.print('${StringTools.hex(lone.charCodeAt(i))} ');
		Sys.println("");
		var swapped:UnicodeString = lo + hi;
		Sys.println('swapped pair: ${swapped.length} ${swapped.charCodeAt(0)} ${swapped.charCodeAt(1)}');
		var trailing:UnicodeString = "ab" + hi;
		Sys.println('trailing high: ${trailing.length} ${trailing.charCodeAt(2)} "${trailing.substr(0, 2)}"');
		var built = String.fromCharCode(0x1F600);
		Sys.println('fromCharCode astral: ${built.length} ${codes(built)} ${built == "😀"}');

		// Validation of bytes.
		function v(label:String, hex:String, enc:Encoding)
			try {
				Sys.println('validate $label: ${UnicodeString.validate(Bytes.ofHex(hex), enc)}');
			} catch (e:Dynamic) {
				Sys.println('validate $label: $e');
			}
		v("utf8 ascii", "616263", UTF8);
		v("utf8 astral", "f09f9880", UTF8);
		v("utf8 empty", "", UTF8);
		v("utf8 truncated", "f09f98", UTF8);
		v("utf8 overlong", "c0af", UTF8);
		v("utf8 surrogate", "eda0bd", UTF8);
		v("utf8 too big", "f4908080", UTF8);
		v("utf8 stray continuation", "80", UTF8);
		v("raw native", "3dd800de", RawNative);

		// haxe.Utf8 (deprecated; on HashLink strings are already Unicode).
		var u = "é😀z";
		for (f in [haxe.Utf8.encode, haxe.Utf8.decode])
			try {
				Sys.println('Utf8 encode/decode: ${f(u) == u}');
			} catch (e:haxe.exceptions.NotImplementedException) {
				Sys.println('Utf8 encode/decode: ${e.message}');
			}
		Sys.println('Utf8.length ${haxe.Utf8.length(u)} ${haxe.Utf8.length("")}');
		Sys.println('Utf8.charCodeAt ${haxe.Utf8.charCodeAt(u, 0)} ${haxe.Utf8.charCodeAt(u, 1)} ${haxe.Utf8.charCodeAt(u, 2)}');
		Sys.println('Utf8.sub (by UTF-16 units on HashLink) [${codes(haxe.Utf8.sub(u, 1, 1))}] [${codes(haxe.Utf8.sub(u, 1, 5))}] [${codes(haxe.Utf8.sub(u, 3, 1))}]');
		Sys.println('Utf8.compare ${haxe.Utf8.compare("a", "b")} ${haxe.Utf8.compare("b", "a")} ${haxe.Utf8.compare(u, u)} ${haxe.Utf8.compare("😀", "\u{FFFF}")}');
		Sys.println('Utf8.validate ${haxe.Utf8.validate(u)} ${haxe.Utf8.validate("")}');
		var cps = [];
		haxe.Utf8.iter(u, c -> cps.push(c));
		Sys.println('Utf8.iter $cps');
		var buf = new haxe.Utf8();
		buf.addChar(0x41);
		buf.addChar(0xE9);
		buf.addChar(0x1F600);
		buf.addChar(0x10FFFF);
		var bs = buf.toString();
		Sys.println('Utf8 buffer: ${bs.length} ${codes(bs)}');

		// Bytes round trips.
		var b = Bytes.ofString("a😀𝄞");
		Sys.println('bytes: ${b.length} ${b.toHex()} back ${b.toString() == "a😀𝄞"} ${b.getString(1, 4)}');
		var raw = Bytes.ofString("a😀", RawNative);
		Sys.println('raw native: ${raw.length} ${raw.toHex()} back ${raw.getString(0, raw.length, RawNative)}');
		Sys.println('empty bytes: "${Bytes.ofString("").toString()}" ${Bytes.ofString("").length}');
	}
}
