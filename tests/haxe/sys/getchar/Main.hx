// Covers: Sys.getChar(false) reading standard input (a file here, so no terminal echo) byte by
// byte, UTF-8 bytes returned one at a time, mixed with Sys.stdin().readLine() after it, and the
// value at end of input; Sys.stdin().readByte/readString; Sys.systemName(); Sys.programPath()
// and Sys.executablePath() (only whether they are absolute is printed).
class Main {
	static function main() {
		var cs = [];
		for (i in 0...4) cs.push(Sys.getChar(false));
		Sys.println('getChar: $cs');
		var e = [for (i in 0...2) Sys.getChar(false)];
		Sys.println('utf8 bytes of é: $e');
		var nl = Sys.getChar(false);
		Sys.println('newline: $nl');
		var stdin = Sys.stdin();
		Sys.println('readLine: ' + stdin.readLine());
		Sys.println('readByte: ' + stdin.readByte());
		Sys.println('readString: ' + stdin.readString(3));
		Sys.println('rest: ' + stdin.readLine());
		try {
			stdin.readLine();
			Sys.println("more?");
		} catch (e:haxe.io.Eof) {
			Sys.println("stdin at Eof");
		}
		var end = Sys.getChar(false);
		Sys.println('getChar at end: $end');
		Sys.println('system: ${Sys.systemName()}');
		Sys.println('programPath absolute: ${haxe.io.Path.isAbsolute(Sys.programPath())}');
		Sys.println('executablePath absolute: ${haxe.io.Path.isAbsolute(Sys.executablePath())}');
	}
}
