// Covers: haxe.io.Bytes: alloc (zero-filled), get/set, fill, blit (overlapping), sub, compare,
// ofString/getString/toString (UTF-8), toHex/ofHex, getInt32/setInt32, getUInt16/setUInt16,
// getInt64, getFloat/getDouble (little endian), ofData, out-of-range errors.
class Main {
	static function main() {
		var b = haxe.io.Bytes.alloc(8);
		Sys.println(b.toHex());
		b.set(0, 255);
		b.set(1, 256 + 7);
		b.fill(4, 4, 0xAB);
		Sys.println(b.toHex() + " " + b.get(0) + " " + b.get(1));
		b.blit(1, b, 0, 4);
		Sys.println(b.toHex());
		var s = haxe.io.Bytes.ofString("héllo wörld");
		Sys.println(s.length + " " + s.getString(0, 6) + " " + s.sub(7, 6).toString());
		Sys.println(s.toString());
		Sys.println(haxe.io.Bytes.ofString("abc").compare(haxe.io.Bytes.ofString("abd")) < 0);
		Sys.println(haxe.io.Bytes.ofString("abc").compare(haxe.io.Bytes.ofString("abc")));
		var n = haxe.io.Bytes.alloc(16);
		n.setInt32(0, 0x12345678);
		n.setInt32(4, -2);
		n.setUInt16(8, 0xBEEF);
		Sys.println(n.toHex());
		Sys.println(StringTools.hex(n.getInt32(0)) + " " + n.getInt32(4) + " " + StringTools.hex(n.getUInt16(8)) + " " + n.getUInt16(9));
		n.setDouble(0, 1.5);
		n.setFloat(8, -0.25);
		Sys.println(n.toHex());
		Sys.println(n.getDouble(0) + " " + n.getFloat(8));
		n.setInt64(0, haxe.Int64.make(0x01020304, 0x05060708));
		Sys.println(n.sub(0, 8).toHex() + " " + n.getInt64(0));
		var h = haxe.io.Bytes.ofHex("00ff10");
		Sys.println(h.length + " " + h.get(1) + " " + h.toHex());
		try {
			b.sub(4, 10);
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
		try {
			b.blit(0, b, 6, 5);
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
		var copy = b.sub(0, 8);
		copy.set(0, 1);
		Sys.println(b.get(0) + " " + copy.get(0));
		Sys.println(haxe.io.Bytes.ofString("").length);
	}
}
