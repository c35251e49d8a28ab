// Covers: `dynamic` methods (per-instance replaceable), replacing them on one instance only,
// calling the original through a saved reference, static dynamic functions, overriding dynamic
// methods in subclasses.
class Widget {
	public var name:String;

	public function new(n)
		name = n;

	public dynamic function render():String
		return "<" + name + ">";

	public static dynamic function format(s:String):String
		return "[" + s + "]";
}

class Fancy extends Widget {
	override public dynamic function render():String
		return "*" + name + "*";
}

class Main {
	static function main() {
		var a = new Widget("a");
		var b = new Widget("b");
		var old = b.render;
		b.render = () -> "custom(" + old() + ")";
		Sys.println(a.render() + " " + b.render());
		Sys.println(Widget.format("x"));
		Widget.format = s -> "{" + s + "}";
		Sys.println(Widget.format("x"));
		var f = new Fancy("f");
		Sys.println(f.render());
		f.render = () -> "replaced";
		Sys.println(f.render());
		var w:Widget = f;
		Sys.println(w.render());
	}
}
