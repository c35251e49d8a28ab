// Covers: properties with get/set accessors, (default, null), (get, never), @:isVar physical
// properties, setters returning values, static properties, property access through Dynamic
// and Reflect.getProperty/setProperty.
class Temp {
	@:isVar public var celsius(get, set):Float;
	public var fahrenheit(get, set):Float;
	public var readOnly(default, null):Int = 7;
	public var computed(get, never):String;
	public var log:Array<String> = [];

	static public var instances(default, null):Int = 0;

	public function new(c:Float) {
		celsius = c;
		instances++;
	}

	function get_celsius() {
		log.push("get");
		return celsius;
	}

	function set_celsius(v:Float) {
		log.push("set " + v);
		return celsius = v;
	}

	function get_fahrenheit()
		return celsius * 9 / 5 + 32;

	function set_fahrenheit(f:Float) {
		celsius = (f - 32) * 5 / 9;
		return f;
	}

	function get_computed()
		return "c=" + celsius;

	public function bump()
		readOnly++;
}

class Main {
	static function main() {
		var t = new Temp(100);
		Sys.println(t.fahrenheit);
		t.fahrenheit = 32;
		Sys.println(t.celsius);
		var r = (t.celsius = 5);
		Sys.println(r);
		t.celsius += 10;
		Sys.println(t.computed);
		t.bump();
		Sys.println(t.readOnly);
		Sys.println(t.log.join(","));
		new Temp(1);
		Sys.println(Temp.instances);
		Sys.println(Reflect.getProperty(t, "fahrenheit"));
		Reflect.setProperty(t, "celsius", 20);
		Sys.println(t.celsius);
		var d:Dynamic = t;
		Sys.println(d.readOnly);
	}
}
