// Covers: reading standard input: Sys.stdin().readLine() until haxe.io.Eof, readByte, with
// UTF-8 content and an empty line.
class Main {
	static function main() {
		var input = Sys.stdin();
		var first = input.readByte();
		Sys.println("first byte " + first);
		var lines = [];
		try {
			while (true)
				lines.push(input.readLine());
		} catch (e:haxe.io.Eof) {}
		Sys.println(lines.length);
		for (l in lines)
			Sys.println("[" + l + "] " + l.length);
	}
}
