// Covers: haxe.format.JsonParser and haxe.format.JsonPrinter used directly, and haxe.Json edge
// cases: the error message of every kind of invalid input (unexpected char with its position,
// unterminated string, bad escape, bad number, trailing comma, empty input, trailing garbage),
// numbers at the Int boundaries and beyond (parsed as Float), -0, exponents, huge and tiny
// floats; strings with control characters, astral characters from \u surrogate pairs and raw,
// lone surrogate escapes; stringify of NaN/infinity (null), nested empty containers with space,
// a Map (as an object of its fields), an enum (HashLink raises "Can't cast i32 to String"), a class
// instance (its fields), Dynamic null;
// replacer seeing keys of arrays as indexes and of the root as "".
import haxe.format.JsonParser;
import haxe.format.JsonPrinter;

class Pt {
	public var x = 1;
	public var y = "two";

	public function new() {}
}

enum Color {
	Red;
}

class Main {
	static function tryParse(s:String) {
		try {
			var v:Dynamic = JsonParser.parse(s);
			Sys.println('parse ${haxe.Json.stringify(s)} -> ${haxe.Json.stringify(v)}');
		} catch (e:Dynamic) {
			Sys.println('parse ${haxe.Json.stringify(s)} -> error: ${Std.string(e)}');
		}
	}

	static function main() {
		for (s in ["", " ", "{", "[1,]", "{\"a\":1,}", "[1 2]", "tru", "nul", "01", "-", "1.", "1e", ".5", "+1", "\"abc", "\"a\\qb\"", "\"\\u12\"",
			"{\"a\" 1}", "{1:2}", "[] x", "[]]", "\"\t\"", "NaN"])
			tryParse(s);
		for (s in ["2147483647", "2147483648", "-2147483648", "-2147483649", "1e3", "1E-3", "-0", "-0.0", "123456789012345678901234567890", "5e-324", "1e400", "0.1"]) {
			var v:Dynamic = JsonParser.parse(s);
			Sys.println('number $s -> ${Std.string(v)} isInt ${Std.isOfType(v, Int)}');
		}
		var str:String = JsonParser.parse('"\\ud83d\\ude00 raw😀 \\u00e9 \\/ \\b\\f\\n\\r\\t"');
		Sys.println('escapes ${str.length} ${StringTools.hex(str.charCodeAt(0))} ${StringTools.hex(str.charCodeAt(1))} ${StringTools.urlEncode(str)}');
		var lone:String = JsonParser.parse('"\\ud83d"');
		Sys.println('lone surrogate escape length ${lone.length} ${StringTools.hex(lone.charCodeAt(0))}');

		Sys.println(JsonPrinter.print("ctl \x01\x1f \u{7f} é 😀"));
		Sys.println(JsonPrinter.print([Math.NaN, Math.POSITIVE_INFINITY, Math.NEGATIVE_INFINITY, -0.0, 1e21, 1.5e-7]));
		Sys.println(JsonPrinter.print({a: [], b: {}, c: [[]], d: null}, null, "\t"));
		Sys.println(JsonPrinter.print({a: ([1, {b: 2}] : Array<Dynamic>)}, null, "--"));
		Sys.println(JsonPrinter.print(new Pt()));
		var m = new Map<String, Int>();
		m.set("k", 1);
		Sys.println('map: ${JsonPrinter.print(m)}');
		try {
			Sys.println('enum: ${JsonPrinter.print(Red)}');
		} catch (e:Dynamic) {
			Sys.println('enum: error ${Std.string(e)}');
		}
		Sys.println('null: ${JsonPrinter.print(null)} bool: ${JsonPrinter.print(false)} string: ${JsonPrinter.print("")}');
		var keys = [];
		JsonPrinter.print({list: ["x", "y"], n: 1}, function(k:Dynamic, v:Dynamic):Dynamic {
			keys.push('${Std.string(k)}');
			return v;
		});
		keys.sort(Reflect.compare);
		Sys.println('replacer keys: $keys');
		Sys.println(haxe.Json.stringify({s: "x"}, function(k:Dynamic, v:Dynamic):Dynamic return k == "s" ? 42 : v, " "));
	}
}
