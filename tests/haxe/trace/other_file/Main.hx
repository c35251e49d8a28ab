// Covers: trace from a class in another file and package: the prefix is the file name as the
// compiler saw it relative to the class path (util/Logger.hx:5), and haxe.PosInfos in callers.
import util.Logger;

class Main {
	static function where(?p:haxe.PosInfos)
		return p.fileName + ":" + p.lineNumber + " " + p.className + "." + p.methodName;

	static function main() {
		Logger.log("x");
		trace("main");
		Sys.println(where());
	}
}
