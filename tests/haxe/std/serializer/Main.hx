// Covers: haxe.Serializer / haxe.Unserializer: Int, Float (incl. NaN/inf), String (with
// non-ASCII), Bool, null, arrays, Date-free objects (one-field anonymous), class instances,
// enums, Map<String>, Map<Int>, List, Bytes, cached references (USE_CACHE), round trips.
// The serialized text is printed only for values whose encoding does not depend on field order.
class Pt {
	public var x:Int;
	public var y:String;

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}
}

enum Shape {
	Dot;
	Circle(r:Float);
}

class Main {
	static function ser(v:Dynamic):String
		return haxe.Serializer.run(v);

	static function main() {
		Sys.println(ser(42) + " " + ser(-7) + " " + ser(0) + " " + ser(1.5) + " " + ser(Math.NaN) + " " + ser(Math.POSITIVE_INFINITY));
		Sys.println(ser("hello") + " " + ser("é😀 x") + " " + ser(true) + " " + ser(false) + " " + ser(null));
		Sys.println(ser([1, 2, null, null, 3]));
		Sys.println(ser({a: 1}));
		Sys.println(ser(Circle(2.5)) + " " + ser(Dot));
		Sys.println(ser(haxe.io.Bytes.ofString("bytes!")));
		var l = new haxe.ds.List<Int>();
		l.add(1);
		l.add(2);
		Sys.println(ser(l));
		Sys.println(ser(["k" => 1]) + " " + ser([5 => "v"]));
		var p:Pt = haxe.Unserializer.run(ser(new Pt(3, "s")));
		Sys.println(p.x + " " + p.y + " " + Std.isOfType(p, Pt));
		var e:Shape = haxe.Unserializer.run(ser(Circle(1.25)));
		Sys.println(e);
		var arr:Array<Dynamic> = haxe.Unserializer.run(ser([1, "x", 2.5, true, [null]]));
		Sys.println(arr);
		var m:Map<String, Int> = haxe.Unserializer.run(ser(["only" => 9]));
		Sys.println(m.get("only"));
		var s = new haxe.Serializer();
		s.useCache = true;
		var shared = {v: 1};
		s.serialize([shared, shared]);
		var twice:Array<Dynamic> = haxe.Unserializer.run(s.toString());
		Sys.println(s.toString() + " " + (twice[0] == twice[1]));
		Sys.println(haxe.Unserializer.run("ai1i2hzy3:abc") + " " + haxe.Unserializer.run("d0.25"));
		try {
			haxe.Unserializer.run("q!");
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
	}
}
