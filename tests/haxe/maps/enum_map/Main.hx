// Covers: Map<EnumValue, V> (haxe.ds.EnumValueMap, a balanced tree ordered by constructor index
// then parameters): enum keys with and without parameters, structural key equality, iteration
// in key order (deterministic), remove, toString.
enum Tile {
	Empty;
	Wall(h:Int);
	Door(name:String, locked:Bool);
}

class Main {
	static function main() {
		var m = new Map<Tile, Int>();
		m.set(Wall(3), 1);
		m.set(Door("b", true), 2);
		m.set(Empty, 3);
		m.set(Wall(1), 4);
		m.set(Door("a", false), 5);
		m.set(Wall(3), 6);
		Sys.println(m.get(Wall(3)) + " " + m.get(Wall(2)) + " " + m.get(Empty));
		Sys.println([for (k in m.keys()) Std.string(k)].join(" "));
		Sys.println([for (v in m) v]);
		Sys.println(m.exists(Door("a", false)) + " " + m.exists(Door("a", true)));
		Sys.println(m.remove(Wall(1)) + " " + m.remove(Wall(1)));
		Sys.println(m.toString());
		var counts = new haxe.ds.EnumValueMap<Tile, Int>();
		for (t in [Empty, Wall(1), Empty, Wall(1), Wall(2)])
			counts.set(t, (counts.exists(t) ? counts.get(t) : 0) + 1);
		for (k => v in counts)
			Sys.println(k + "=" + v);
	}
}
