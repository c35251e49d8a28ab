// Covers: one anonymous object seen through several structural types and Dynamic at once
// (HashLink virtuals aliasing one dynamic object): fields added dynamically after a typed view
// exists, typed reads see dynamic writes and the reverse, an Int field read through a Float view,
// a field retyped dynamically, Reflect.fields count after additions.
typedef XY = {x:Int, y:Int};
typedef XOnly = {x:Int};
typedef XF = {x:Float};

class Main {
	static function main() {
		var o:XY = {x: 1, y: 2};
		var d:Dynamic = o;
		var xo:XOnly = o;
		d.z = 3;
		d.x = 10;
		Sys.println(o.x + " " + xo.x + " " + d.z);
		o.y = 20;
		xo.x = 11;
		Sys.println(d.x + " " + d.y + " " + Reflect.fields(d).length);
		var xf:XF = cast d;
		Sys.println(xf.x / 4);
		d.w = "s";
		d.q = [1];
		Sys.println(o.x + o.y + " " + d.w + " " + d.q.length + " " + Reflect.fields(d).length);
		var e:Dynamic = {};
		for (i in 0...20)
			Reflect.setField(e, "f" + i, i);
		var ex:XOnly = cast e;
		e.x = 99;
		Sys.println(ex.x + " " + Reflect.field(e, "f19") + " " + Reflect.fields(e).length);
		Reflect.deleteField(e, "f0");
		Sys.println(Reflect.hasField(e, "f0") + " " + Reflect.fields(e).length + " " + ex.x);
	}
}
