// Covers: Sys.args(): program arguments (without the program name), including empty and
// non-ASCII and spaced arguments (given one per line in the args file).
class Main {
	static function main() {
		var a = Sys.args();
		Sys.println(a.length);
		for (i in 0...a.length)
			Sys.println(i + ":[" + a[i] + "] " + a[i].length);
	}
}
