// Covers: replacing haxe.Log.trace with a custom function (receives the value and PosInfos:
// fileName, lineNumber, className, methodName, customParams), haxe.Log.formatOutput, restoring
// the original trace.
class Main {
	static function main() {
		var old = haxe.Log.trace;
		haxe.Log.trace = function(v:Dynamic, ?infos:haxe.PosInfos) {
			Sys.println("LOG[" + infos.className + "." + infos.methodName + "@" + infos.lineNumber + "] " + v + " extra="
				+ (infos.customParams == null ? "none" : Std.string(infos.customParams)));
		};
		trace("custom");
		trace("with", 1, 2);
		haxe.Log.trace = old;
		trace("restored");
		Sys.println(haxe.Log.formatOutput("fmt", {
			fileName: "F.hx",
			lineNumber: 9,
			className: "C",
			methodName: "m",
			customParams: [1]
		}));
	}
}
