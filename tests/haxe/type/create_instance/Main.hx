// Covers: Type.createInstance with constructor arguments (including optional ones),
// Type.createEmptyInstance (constructor not run: fields keep their zero values), instance
// methods on created objects, resolveClass + createInstance by name.
class Point {
	public var x:Int;
	public var y:Int;
	public var tag:String = "default";

	public function new(x:Int, y:Int, ?tag:String) {
		this.x = x;
		this.y = y;
		if (tag != null)
			this.tag = tag;
		Sys.println("ctor " + x + "," + y);
	}

	public function sum()
		return x + y;
}

class Main {
	static function main() {
		var p = Type.createInstance(Point, [1, 2]);
		Sys.println(p.sum() + " " + p.tag);
		var q:Point = Type.createInstance(Type.resolveClass("Point"), [3, 4, "named"]);
		Sys.println(q.sum() + " " + q.tag);
		var e = Type.createEmptyInstance(Point);
		Sys.println(e.x + " " + e.y + " " + e.tag + " " + e.sum());
		var sb:StringBuf = Type.createInstance(StringBuf, []);
		sb.add("ok");
		Sys.println(sb.toString());
	}
}
