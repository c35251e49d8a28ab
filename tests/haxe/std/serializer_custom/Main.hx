// Covers: haxe.Serializer / Unserializer beyond plain values: custom serialisation
// (hxSerialize/hxUnserialize, the "C" format), serializeException ("x", rethrown by run()),
// USE_CACHE (a shared object serialised once, then "r0"; cycles), USE_ENUM_INDEX ("j" format),
// useCache/useEnumIndex fields, Date (local time, TZ=UTC in env), maps with Int and String and
// object keys, Bytes (empty too), nested enums with arguments, NaN/infinities/negative zero and
// Int overflow boundaries, empty strings and arrays, non-BMP characters (URL-encoded UTF-8),
// setResolver with a custom resolver, and errors: invalid char, unknown class and enum,
// truncated input (as HashLink raises them); a resolver mapping a custom-serialised class to one
// without hxUnserialize raises a null access.
import haxe.Serializer;
import haxe.Unserializer;

enum Shape {
	Circle(r:Float);
	Rect(w:Int, h:Int);
	Group(items:Array<Shape>, name:Null<String>);
	Empty;
}

class Point {
	public var x:Int;
	public var y:Int;
	public var tag:String;

	public function new(x, y) {
		this.x = x;
		this.y = y;
		tag = "pt";
	}
}

class Custom {
	public var a:Int;
	public var b:String;
	public var skipped:String;

	public function new(a, b) {
		this.a = a;
		this.b = b;
		skipped = "not serialised";
	}

	@:keep function hxSerialize(s:Serializer) {
		s.serialize(a * 10);
		s.serialize(b.toUpperCase());
	}

	@:keep function hxUnserialize(u:Unserializer) {
		a = u.unserialize();
		b = u.unserialize();
		skipped = "restored";
	}
}

class Node {
	public var name:String;
	public var next:Node;

	public function new(n) name = n;
}

class Main {
	static function ser(v:Dynamic, cache = false, enumIndex = false):String {
		var s = new Serializer();
		s.useCache = cache;
		s.useEnumIndex = enumIndex;
		s.serialize(v);
		return s.toString();
	}

	static function tryRun(label:String, s:String) {
		try {
			var v:Dynamic = Unserializer.run(s);
			Sys.println('$label: ok ${Std.string(v)}');
		} catch (e:Dynamic) {
			Sys.println('$label: error ${Std.string(e)}');
		}
	}

	static function main() {
		// Custom serialisation.
		var c = new Custom(4, "abc");
		var cs = ser(c);
		Sys.println('custom: $cs');
		var c2:Custom = Unserializer.run(cs);
		Sys.println('custom back: ${c2.a} ${c2.b} ${c2.skipped} ${Std.isOfType(c2, Custom)}');

		// Exceptions.
		var s = new Serializer();
		s.serializeException("boom");
		Sys.println('exception: ${s.toString()}');
		try {
			Unserializer.run(s.toString());
			Sys.println("no throw?");
		} catch (e:String) {
			Sys.println('rethrown: $e');
		}

		// Cache: the same object twice, and a cycle.
		var p = new Point(1, 2);
		Sys.println('no cache: ${ser([p, p])}');
		var withCache = ser([p, p], true);
		Sys.println('cache: $withCache');
		var arr:Array<Point> = Unserializer.run(withCache);
		Sys.println('cache back same object: ${arr[0] == arr[1]} ${arr[1].y}');
		var n1 = new Node("a"), n2 = new Node("b");
		n1.next = n2;
		n2.next = n1;
		var cyc = ser(n1, true);
		Sys.println('cycle: $cyc');
		var back:Node = Unserializer.run(cyc);
		Sys.println('cycle back: ${back.name} ${back.next.name} ${back.next.next == back}');
		Serializer.USE_CACHE = true;
		Sys.println('USE_CACHE default: ${Serializer.run(["x", "x", "y"])} ${Serializer.run([p, p]).length}');
		Serializer.USE_CACHE = false;

		// Enums by name and by index.
		var g = Group([Circle(1.5), Rect(2, 3), Empty], null);
		Sys.println('enum: ${ser(g)}');
		Sys.println('enum index: ${ser(g, false, true)}');
		Serializer.USE_ENUM_INDEX = true;
		Sys.println('USE_ENUM_INDEX: ${Serializer.run(Rect(7, 8))}');
		Serializer.USE_ENUM_INDEX = false;
		var gb:Shape = Unserializer.run(ser(g, false, true));
		Sys.println('enum index back: ${Std.string(gb)} ${Type.enumEq(gb, g)}');

		// Numbers, strings, containers.
		Sys.println('numbers: ${ser([0, -1, 2147483647, -2147483648, 1.5, -0.25, 1e300, Math.NaN, Math.POSITIVE_INFINITY, Math.NEGATIVE_INFINITY])}');
		Sys.println('strings: ${ser(["", "a b", "é", "😀", "%:;"])}');
		var back:Array<String> = Unserializer.run(ser(["😀x", ""]));
		Sys.println('astral back: ${back[0].length} ${back[0].charCodeAt(0)} "${back[1]}"');
		Sys.println('empty: ${ser([])} ${ser({})} ${ser(haxe.io.Bytes.alloc(0))} ${ser(new List<Int>())}');
		Sys.println('bytes: ${ser(haxe.io.Bytes.ofString("hello world!"))}');
		var im = new Map<Int, String>();
		im.set(-5, "neg");
		Sys.println('int map: ${ser(im)}');
		var om = new Map<Point, Int>();
		om.set(p, 3);
		var oms = ser(om);
		Sys.println('object map: $oms');
		var omb:Map<Point, Int> = Unserializer.run(oms);
		for (k in omb.keys()) Sys.println('object map back: ${k.x} ${k.y} -> ${omb.get(k)}');
		var d = new Date(2024, 1, 29, 13, 45, 6);
		var ds = ser(d);
		Sys.println('date: $ds');
		var db:Date = Unserializer.run(ds);
		Sys.println('date back: ${db.toString()} ${db.getDay()}');

		// A resolver that maps every class name to Point and every enum to Shape.
		var u = new Unserializer(ser(new Custom(1, "x")));
		u.setResolver({
			resolveClass: function(name) return name == "Custom" ? Point : null,
			resolveEnum: function(name) return Shape
		});
		try {
			var v:Dynamic = u.unserialize();
			Sys.println('resolver: ${Type.getClassName(Type.getClass(v))}');
		} catch (e:Dynamic) {
			Sys.println('resolver error: ${Std.string(e)}');
		}

		// Errors.
		tryRun("invalid char", "Q");
		tryRun("unknown class", "cy7:NoClassg");
		tryRun("unknown enum", "wy6:NoEnumy1:A:0");
		tryRun("unknown constructor", "wy5:Shapey4:Nope:0");
		tryRun("truncated string", "y10:abc");
		tryRun("truncated array", "ai1");
		tryRun("bad cache ref", "r5");
		tryRun("bad string ref", "R3");
		tryRun("empty", "");
	}
}
