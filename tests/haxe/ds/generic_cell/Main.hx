// Covers: haxe.ds.StringMap/IntMap/ObjectMap used through their own classes (not Map), haxe.ds.
// WeakMap is not supported on HashLink and is not used; haxe.ds.HashMap with custom hashCode keys.
class Pt {
	public var x:Int;
	public var y:Int;

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}

	public function hashCode():Int
		return x * 31 + y;
}

class Main {
	static function main() {
		var hm = new haxe.ds.HashMap<Pt, String>();
		hm.set(new Pt(1, 2), "a");
		hm.set(new Pt(1, 2), "b");
		hm.set(new Pt(2, 1), "c");
		Sys.println(hm.get(new Pt(1, 2)) + " " + hm.get(new Pt(2, 1)) + " " + hm.exists(new Pt(3, 3)));
		var n = 0;
		for (k in hm.keys())
			n++;
		Sys.println(n);
		Sys.println(hm.remove(new Pt(2, 1)) + " " + hm.exists(new Pt(2, 1)));
		var sm = new haxe.ds.StringMap<Int>();
		sm.set("x", 1);
		Sys.println(sm.get("x") + " " + sm.exists("y"));
	}
}
