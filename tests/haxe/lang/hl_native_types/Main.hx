// Covers: HashLink-specific types a Haxe program may use directly: hl.NativeArray (alloc, get/set,
// length, blit, of Int and of objects), hl.Bytes (alloc, set/get of bytes, i32 and f64, fill,
// compare), hl.Ref through a native, hl.Type of values, haxe.io.Bytes over hl.Bytes.
class Main {
	static function main() {
		var na = new hl.NativeArray<Int>(4);
		for (i in 0...na.length)
			na[i] = i * i;
		Sys.println(na.length + " " + na[3]);
		var nb = new hl.NativeArray<Int>(4);
		nb.blit(1, na, 0, 3);
		Sys.println([for (i in 0...4) nb[i]]);
		var no = new hl.NativeArray<String>(2);
		no[1] = "x";
		Sys.println(no[0] + " " + no[1]);
		var b = new hl.Bytes(16);
		b.fill(0, 16, 0);
		b[0] = 200;
		b.setI32(4, -5);
		b.setF64(8, 2.5);
		Sys.println(b[0] + " " + b.getI32(4) + " " + b.getF64(8) + " " + b.getUI16(4));
		var b2 = new hl.Bytes(16);
		b2.blit(0, b, 0, 16);
		Sys.println(b2.compare(0, b, 0, 16));
		var hb = haxe.io.Bytes.ofData(new haxe.io.BytesData(b, 16));
		Sys.println(hb.get(0) + " " + hb.getInt32(4));
		Sys.println(hl.Type.getDynamic(1).kind + " " + hl.Type.getDynamic("s").kind + " " + hl.Type.getDynamic(1.5).kind);
	}
}
