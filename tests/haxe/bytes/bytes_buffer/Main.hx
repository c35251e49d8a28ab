// Covers: haxe.io.BytesBuffer: addByte, add(Bytes), addString (UTF-8), addInt32, addInt64,
// addFloat, addDouble, addBytes with offset/length, length, getBytes; growth over many adds.
class Main {
	static function main() {
		var bb = new haxe.io.BytesBuffer();
		bb.addByte(1);
		bb.addByte(0x1FF);
		bb.add(haxe.io.Bytes.ofString("AB"));
		bb.addString("é");
		bb.addInt32(0x01020304);
		bb.addInt64(haxe.Int64.make(1, 2));
		bb.addFloat(1.0);
		bb.addDouble(-2.0);
		bb.addBytes(haxe.io.Bytes.ofString("xyzw"), 1, 2);
		Sys.println(bb.length);
		var b = bb.getBytes();
		Sys.println(b.toHex());
		var big = new haxe.io.BytesBuffer();
		for (i in 0...10000)
			big.addByte(i & 0xFF);
		var bytes = big.getBytes();
		var sum = 0;
		for (i in 0...bytes.length)
			sum += bytes.get(i);
		Sys.println(bytes.length + " " + sum);
	}
}
