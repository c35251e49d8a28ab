// Covers: Reflect.getProperty/setProperty calling get_/set_ accessors, on plain fields,
// Reflect.field on a property with a physical field (@:isVar) reads the raw field.
class P {
	@:isVar public var v(get, set):Int = 0;
	public var calls:Array<String> = [];
	public var plain:String = "p";

	public function new() {}

	function get_v() {
		calls.push("get");
		return v * 10;
	}

	function set_v(x:Int) {
		calls.push("set" + x);
		return v = x;
	}
}

class Main {
	static function main() {
		var p = new P();
		Reflect.setProperty(p, "v", 4);
		Sys.println(Reflect.getProperty(p, "v"));
		Sys.println(Reflect.field(p, "v"));
		Sys.println(Reflect.getProperty(p, "plain"));
		Reflect.setProperty(p, "plain", "q");
		Sys.println(p.plain);
		Sys.println(p.calls);
		var anon = {a: 1};
		Reflect.setProperty(anon, "a", 2);
		Sys.println(Reflect.getProperty(anon, "a"));
	}
}
