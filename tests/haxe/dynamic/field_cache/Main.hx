// Covers: the per-site caches of Int and Float field places (hx.h hx_field_ic) behind Dynamic reads
// and writes of Int and Float fields, Reflect.field/setField and Dynamic + Int: one site sees more receiver types than it
// caches (classes with the field at different offsets, a subclass, anonymous objects of two shapes,
// a Float field, a virtual view of a class instance, a dynamic object whose field changes type,
// a class without the field, null), in turns, so that every hit must match a full lookup. Output:
// HashLink 1.12.
class A {
	public var x:Int;

	public function new(x) {
		this.x = x;
	}
}

class B {
	public var pad:String;
	public var other:Float;
	public var x:Int;

	public function new(x) {
		pad = "b";
		other = 0.5;
		this.x = x;
	}
}

class C extends A {
	public var y:Int;

	public function new(x) {
		super(x);
		y = -1;
	}
}

class F1 {
	public var f:Float;

	public function new() {
		f = 0.5;
	}
}

class F2 {
	public var i:Int;
	public var f:Float;

	public function new() {
		i = 3;
		f = -2.25;
	}
}

class FInt {
	public var f:Int;

	public function new() {
		f = 7;
	}
}

class NoX {
	public function new() {}
}

class Main {
	static function bump(o:Dynamic, k:Int):String {
		try {
			var x:Int = o.x;
			o.x = (o.x + k) & 0xffff;
			var r:Int = Reflect.field(o, "x");
			Reflect.setField(o, "x", r + 1);
			var s:Int = o.x + k + 1;
			return '$x->$r->$s';
		} catch (e:Dynamic) {
			return 'error ${Std.string(e)}';
		}
	}

	static function fbump(o:Dynamic):String {
		try {
			var f:Float = o.f;
			o.f = f * 2 + 0.5;
			var g:Float = o.f;
			return '$f->$g';
		} catch (e:Dynamic) {
			return 'error ${Std.string(e)}';
		}
	}

	static function main() {
		var fobjs:Array<Dynamic> = [new F1(), new F2(), new FInt(), {f: 1.5}, {f: 2}, {g: 1, f: 0.125}, null, new NoX()];
		for (round in 0...3)
			Sys.println([for (o in fobjs) fbump(o)].join(" "));
		var a = new A(1);
		var view:{x:Int} = a; // a virtual view of a class instance
		var dynObj:Dynamic = {};
		Reflect.setField(dynObj, "x", 5);
		var objs:Array<Dynamic> = [
			a, new B(2), new C(3), {x: 4}, {x: 5, y: 6}, {x: 1.5}, view, dynObj, new NoX(), null, {y: 1}
		];
		for (round in 0...4) {
			var line = [];
			for (o in objs)
				line.push(bump(o, round));
			Sys.println(line.join(" "));
			if (round == 1)
				Reflect.setField(dynObj, "x", "now a string");
			if (round == 2)
				Reflect.setField(dynObj, "x", 7);
		}
		Sys.println('a.x=${a.x} view.x=${view.x}');
	}
}
