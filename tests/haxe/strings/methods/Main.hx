// Covers: String methods: length, charAt, charCodeAt (in range and out of range -> null),
// indexOf/lastIndexOf with start positions, substr (negative pos and len), substring (swapped and
// negative args), toUpperCase/toLowerCase, split, String.fromCharCode, string equality.
// HashLink rule: substr(pos, negative len) returns "" (haxe --interp counts len from the end).
class Main {
	static function main() {
		var s = "Hello, World";
		Sys.println(s.length);
		Sys.println(s.charAt(0) + s.charAt(7) + "[" + s.charAt(99) + "]");
		Sys.println(s.charCodeAt(1) + " " + s.charCodeAt(100));
		Sys.println(s.indexOf("o") + " " + s.indexOf("o", 5) + " " + s.indexOf("zz") + " " + s.indexOf(""));
		Sys.println(s.lastIndexOf("o") + " " + s.lastIndexOf("o", 7) + " " + s.lastIndexOf("H", 0));
		Sys.println(s.substr(7) + "|" + s.substr(0, 5) + "|" + s.substr(-5) + "|" + s.substr(-5, 2) + "|" + s.substr(3, -2) + "|");
		Sys.println(s.substring(7) + "|" + s.substring(5, 0) + "|" + s.substring(-3, 2) + "|" + s.substring(7, 100) + "|");
		Sys.println(s.toUpperCase() + " " + s.toLowerCase());
		Sys.println(s.split(", ") + " " + s.split("") + " " + "a,,b,".split(","));
		Sys.println(String.fromCharCode(72) + String.fromCharCode(105));
		Sys.println("abc" == "ab" + "c");
		Sys.println("x".code + " " + "é".code);
		Sys.println(s.indexOf("World", 20) + " " + "".length + " " + "aaa".lastIndexOf("a"));
		Sys.println("ÀÉÎõü".toLowerCase() + " " + "àéîõü".toUpperCase());
		Sys.println(new String("copy") + " " + "abc".toString());
	}
}
