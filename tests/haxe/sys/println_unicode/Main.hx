// Covers: stdout encoding: UTF-16 strings written as UTF-8 (2-, 3- and 4-byte sequences), a
// string built from code units, a lone surrogate is not printed here (undefined).
class Main {
	static function main() {
		Sys.println("ascii é ß € 日本 😀 🚀");
		var b = new StringBuf();
		for (c in [0x48, 0xE9, 0x20AC, 0x1F600])
			b.addChar(c);
		Sys.println(b.toString());
		Sys.print("tab\tquote\"backslash\\\n");
		Sys.println(String.fromCharCode(0x7F) == "\x7F");
	}
}
