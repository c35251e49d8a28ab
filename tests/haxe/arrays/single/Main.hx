// Covers: Array<Single> (HashLink hl.types.ArrayBytes_hl_F32): values are stored in single
// precision (0.1 reads back as 0.100000001490116 once widened to Float), push/pop/copy. (Sorting an Array<Single> is broken in HashLink 1.12 with
// Haxe 4.2.5, so it is not tested.)
// Elements are converted to Float before printing (Float rule %.15g), so the Single printing
// rule of HashLink 1.12 vs master does not matter here.
class Main {
	static function main() {
		var a:Array<Single> = [0.1, 2.5, -1];
		a.push(1 / 3);
		var f:Array<Float> = [for (v in a) (v : Float)];
		Sys.println(f);
		var s:Single = 0;
		for (v in a)
			s += v;
		Sys.println((s : Float));
		var c = a.copy();
		c[0] = 100;
		Sys.println((a[0] : Float) + " " + (c[0] : Float) + " " + c.length);
		Sys.println((a.pop() : Float) + " " + a.length);
	}
}
