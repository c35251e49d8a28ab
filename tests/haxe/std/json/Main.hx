// Covers: haxe.Json.parse (objects, arrays, nested, numbers int/float/exponent, strings with
// escapes and \u sequences, true/false/null), haxe.Json.stringify (with and without indentation,
// replacer), round trip; invalid JSON raises an error.
// HashLink rule: stringify of an object lists fields in Reflect.fields order (HashLink 1.12:
// field-name hash order for parsed objects); this test stringifies only one-field objects or
// arrays, and reads parsed objects by field name.
class Main {
	static function main() {
		var o:Dynamic = haxe.Json.parse('{"name":"x","n":42,"f":-1.5e2,"ok":true,"nil":null,"arr":[1,"two",[3]],"obj":{"k":"v"},"esc":"a\\"b\\\\c\\n\\u00e9\\ud83d\\ude00"}');
		Sys.println(o.name + " " + o.n + " " + o.f + " " + o.ok + " " + o.nil);
		Sys.println(o.arr + " " + o.arr.length + " " + o.obj.k);
		Sys.println(o.esc);
		Sys.println(Std.isOfType(o.n, Int) + " " + Std.isOfType(o.f, Float));
		Sys.println(haxe.Json.stringify([1, 2.5, "s", true, null]));
		Sys.println(haxe.Json.stringify({only: ([1, {deep: "v"}] : Array<Dynamic>)}));
		Sys.println(haxe.Json.stringify("quote\" slash\\ nl\n tab\t é 😀"));
		Sys.println(haxe.Json.stringify([[1, 2], []], null, "  "));
		Sys.println(haxe.Json.stringify({k: [1, 2]}, function(key:Dynamic, value:Dynamic):Dynamic return Std.isOfType(value, Int) ? value * 10 : value));
		var back:Array<Dynamic> = haxe.Json.parse(haxe.Json.stringify([1, "a", {x: 2}]));
		Sys.println(back.length + " " + back[2].x);
		Sys.println(haxe.Json.stringify(1.0) + " " + haxe.Json.stringify(0.1) + " " + haxe.Json.stringify(-3));
		try {
			haxe.Json.parse("{bad json}");
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
		var big:Dynamic = haxe.Json.parse("[" + [for (i in 0...100) Std.string(i)].join(",") + "]");
		var s = 0;
		for (v in (big : Array<Int>))
			s += v;
		Sys.println(s);
	}
}
