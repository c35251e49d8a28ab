// Covers: haxe.CallStack.exceptionStack() inside a catch (frames with .hx files and lines),
// haxe.Exception.stack, CallStack.toString formatting, e.details().
// HashLink rule: frames are FilePos(Method(Class, method), file, line); CallStack.toString
// prints "\nCalled from $Main.level3 (Main.hx line 9)" per frame: static methods are named
// $Class.method, files are as given to the compiler, no columns (haxe --interp differs).
import haxe.CallStack;

class Main {
	static function level3() {
		throw new haxe.Exception("deep");
	}

	static function level2() {
		level3();
	}

	static function level1() {
		level2();
	}

	static function main() {
		try {
			level1();
		} catch (e:haxe.Exception) {
			var st = CallStack.exceptionStack();
			Sys.println(st.length > 0);
			for (item in st)
				switch item {
					case FilePos(Method(cls, m), file, line):
						Sys.println(cls + "." + m + " " + file + ":" + line);
					case FilePos(_, file, line):
						Sys.println("other " + file + ":" + line);
					case _:
						Sys.println("?");
				}
			Sys.println("--");
			Sys.println(CallStack.toString(e.stack));
			Sys.println("--");
			Sys.println(e.details());
		}
	}
}
