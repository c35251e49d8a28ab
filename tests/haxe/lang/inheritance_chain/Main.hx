// Covers: a three-level class hierarchy: constructor order with super() calls, virtual calls from
// a base constructor reaching the subclass override, super.method() chains, fields shadowed by
// initialisers, static fields per class, abstract-like base methods throwing, Std.isOfType up
// and down the chain, instance counting, interfaces implemented at different levels.
interface Tagged {
	function tag():String;
}

class A {
	public var log:Array<String>;
	public var v = 1;

	public function new() {
		log = ["A.new"];
		init();
	}

	public function init()
		log.push("A.init");

	public function describe()
		return "A(" + v + ")";
}

class B extends A implements Tagged {
	public var w = 2;

	public function new() {
		super();
		log.push("B.new");
	}

	override public function init() {
		super.init();
		log.push("B.init w=" + w);
	}

	override public function describe()
		return "B<" + super.describe() + ">";

	public function tag()
		return "tB";
}

class C extends B {
	public function new() {
		super();
		log.push("C.new");
		v = 3;
	}

	override public function describe()
		return "C[" + super.describe() + "]";

	override public function tag()
		return "tC/" + super.tag();
}

class Main {
	static function main() {
		var c = new C();
		Sys.println(c.log.join(" > "));
		Sys.println(c.describe());
		var t:Tagged = c;
		Sys.println(t.tag());
		var a:A = c;
		Sys.println(a.describe() + " " + Std.isOfType(a, B) + " " + Std.isOfType(new A(), Tagged) + " " + Std.isOfType(new B(), Tagged));
		Sys.println(new B().log.join(" > "));
	}
}
