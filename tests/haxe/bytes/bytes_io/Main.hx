// Covers: haxe.io.BytesOutput / BytesInput: writeByte/writeInt16/writeInt32/writeFloat/writeDouble/
// writeString/writeUInt16 (little and big endian), readers of the same, readLine, readAll,
// readString, position, Eof at the end (haxe.io.Eof caught).
class Main {
	static function main() {
		var o = new haxe.io.BytesOutput();
		o.writeByte(7);
		o.writeInt16(-2);
		o.writeUInt16(65000);
		o.writeInt32(123456789);
		o.writeFloat(0.5);
		o.writeDouble(3.25);
		o.writeString("line1\nline2\n");
		o.bigEndian = true;
		o.writeInt32(1);
		o.writeString("tail");
		var b = o.getBytes();
		Sys.println(b.length + " " + b.toHex());
		var i = new haxe.io.BytesInput(b);
		Sys.println(i.readByte() + " " + i.readInt16() + " " + i.readUInt16() + " " + i.readInt32() + " " + i.readFloat() + " " + i.readDouble());
		Sys.println(i.readLine() + "|" + i.readLine() + "|" + i.position);
		i.bigEndian = true;
		Sys.println(i.readInt32() + " " + i.readString(2) + " " + i.readAll().toString());
		try {
			i.readByte();
		} catch (e:haxe.io.Eof) {
			Sys.println("eof");
		}
		var part = new haxe.io.BytesInput(haxe.io.Bytes.ofString("0123456789"), 2, 5);
		Sys.println(part.readString(5) + " " + part.length);
	}
}
