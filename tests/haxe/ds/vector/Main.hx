// Covers: haxe.ds.Vector: fixed length, default values by element type (0, 0.0, false, null),
// get/set, blit (overlapping), copy, toArray/fromArrayCopy, map, join, sort.
// HashLink rule: a new Vector<Int>/<Float>/<Bool> holds 0/0/false (haxe --interp: null).
class Main {
	static function main() {
		var vi = new haxe.ds.Vector<Int>(3);
		var vf = new haxe.ds.Vector<Float>(2);
		var vb = new haxe.ds.Vector<Bool>(2);
		var vs = new haxe.ds.Vector<String>(2);
		Sys.println(vi[0] + " " + vf[1] + " " + vb[0] + " " + vs[1]);
		for (i in 0...vi.length)
			vi[i] = i * i;
		Sys.println(vi.toArray() + " " + vi.length);
		var v = haxe.ds.Vector.fromArrayCopy([1, 2, 3, 4, 5]);
		haxe.ds.Vector.blit(v, 0, v, 2, 3);
		Sys.println(v.toArray());
		var c = v.copy();
		c[0] = 100;
		Sys.println(v[0] + " " + c[0]);
		Sys.println(v.map(x -> x * 2).toArray() + " " + v.join("|"));
		v.sort((a, b) -> b - a);
		Sys.println(v.toArray());
	}
}
