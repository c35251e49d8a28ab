// Covers: String.split with single and multi-character delimiters, empty delimiter, delimiter at
// the ends, no match, consecutive delimiters; Array.join with various separators and element
// types; round trips.
// HashLink rule: "".split("") returns [""] (length 1; haxe --interp returns []).
class Main {
	static function main() {
		Sys.println("a,b,c".split(",").length);
		Sys.println(",a,,b,".split(","));
		Sys.println("one--two--three".split("--"));
		Sys.println("abc".split(""));
		Sys.println("nodelim".split(","));
		Sys.println("".split(","));
		Sys.println("".split("").length);
		Sys.println([1, 2, 3].join(" + ") + " = " + (1 + 2 + 3));
		Sys.println([1.5, -2.0].join(";"));
		Sys.println([true, false].join(""));
		Sys.println(["x"].join(",") + "|" + [].join(","));
		var line = "k1=v1;k2=v2;k3=v3";
		var pairs = [for (kv in line.split(";")) kv.split("=")];
		Sys.println([for (p in pairs) p[1] + p[0]].join(","));
		Sys.println("a b  c".split(" "));
		Sys.println("😀|😀".split("|"));
	}
}
