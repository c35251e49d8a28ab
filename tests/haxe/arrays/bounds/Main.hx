// Covers: out-of-bounds reads (no exception: Array<Int> gives 0, object arrays null, negative
// index reads 0/null), writes past the end growing the array, length after growth,
// haxe.ds.Vector fixed size.
// HashLink rules: reading Array<Int> out of bounds gives 0 (haxe --interp gives null).
class Main {
	static function main() {
		var a = [1, 2, 3];
		Sys.println(a[10] + " " + a[-1]);
		var s = ["x"];
		Sys.println(s[5] + " " + s[-1]);
		a[5] = 6;
		Sys.println(a + " " + a.length);
		var f = [1.5];
		Sys.println(f[3]);
		var v = new haxe.ds.Vector<Int>(4);
		v[2] = 9;
		Sys.println(v.length + " " + v[0] + " " + v[2]);
		Sys.println(v.toArray());
	}
}
