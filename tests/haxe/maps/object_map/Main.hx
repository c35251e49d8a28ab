// Covers: Map<Object, V> (haxe.ds.ObjectMap on hl.types.ObjectMap): keys by identity (two equal-
// looking objects are different keys), class instances and anonymous objects as keys,
// remove/exists, values updated in place. Iteration order depends on addresses, so it is never
// printed; results are summed or sorted.
class Key {
	public var id:Int;

	public function new(id)
		this.id = id;
}

class Main {
	static function main() {
		var m = new Map<Key, String>();
		var k1 = new Key(1);
		var k2 = new Key(2);
		var k1b = new Key(1);
		m.set(k1, "one");
		m.set(k2, "two");
		m.set(k1b, "one-bis");
		Sys.println(m.get(k1) + " " + m.get(k2) + " " + m.get(k1b));
		Sys.println(m.exists(new Key(1)));
		Sys.println(m.remove(k2) + " " + m.exists(k2));
		var ids = [for (k in m.keys()) k.id];
		ids.sort((a, b) -> a - b);
		Sys.println(ids);
		var vals = [for (v in m) v];
		vals.sort(Reflect.compare);
		Sys.println(vals);
		var keys = [for (i in 0...1000) new Key(i)];
		var big = new haxe.ds.ObjectMap<Key, Int>();
		for (k in keys)
			big.set(k, k.id * 2);
		var s = 0;
		for (k in keys)
			s += big.get(k);
		Sys.println(s);
		for (i in 0...500)
			big.remove(keys[i * 2]);
		var c = 0;
		for (k in big.keys())
			c += k.id;
		Sys.println(c);
		var anon = {x: 1};
		var am = new Map<{x:Int}, Int>();
		am.set(anon, 5);
		Sys.println(am.get(anon) + " " + am.get({x: 1}));
	}
}
