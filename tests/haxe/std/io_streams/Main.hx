// Covers: haxe.io.Input/Output methods not covered by bytes/bytes_io: readFullBytes (and Eof when
// short), read(n), readUntil, readLine with "\r\n" and a last line without newline, readInt8/
// readInt16/readUInt16/readInt24/readUInt24 (sign extension, both endiannesses), writeInt8/
// writeInt16/writeUInt16/writeInt24/writeUInt24/writeInt32 range checks (haxe.io.Error.Overflow),
// writeFullBytes, write, writeInput (copying a whole input with a small buffer), prepare,
// readString/writeString with RawNative encoding, BytesInput with pos/len (position counts from
// the start of the bytes, not from pos), position setter (clamped to the end), length, readBytes
// out of bounds (OutsideBounds), haxe.io.StringInput, an empty input (readAll is empty, readByte
// raises Eof), haxe.io.Error values printed.
import haxe.io.*;

class Main {
	static function tryIt(label:String, f:() -> Void) {
		try {
			f();
			Sys.println('$label: ok');
		} catch (e:Eof) {
			Sys.println('$label: Eof');
		} catch (e:haxe.io.Error) {
			Sys.println('$label: Error.$e');
		} catch (e:Dynamic) {
			Sys.println('$label: ${Std.string(e)}');
		}
	}

	static function main() {
		var o = new BytesOutput();
		o.writeInt8(-128);
		o.writeInt8(127);
		o.writeInt16(-2);
		o.writeUInt16(65535);
		o.writeInt24(-3);
		o.writeUInt24(0xABCDEF);
		o.bigEndian = true;
		o.writeInt16(0x1234);
		o.writeInt24(-0x123456);
		o.writeInt32(0x01020304);
		o.bigEndian = false;
		var b = o.getBytes();
		Sys.println('written ${b.length}: ${b.toHex()}');
		var i = new BytesInput(b);
		Sys.println('int8 ${i.readInt8()} ${i.readInt8()} int16 ${i.readInt16()} uint16 ${i.readUInt16()} int24 ${i.readInt24()} uint24 ${StringTools.hex(i.readUInt24())}');
		i.bigEndian = true;
		Sys.println('big int16 ${StringTools.hex(i.readInt16())} int24 ${i.readInt24()} int32 ${StringTools.hex(i.readInt32())}');
		Sys.println('position ${i.position} length ${i.length}');

		var chk = new BytesOutput();
		tryIt("writeInt8 128", () -> chk.writeInt8(128));
		tryIt("writeInt8 -129", () -> chk.writeInt8(-129));
		tryIt("writeInt16 32768", () -> chk.writeInt16(32768));
		tryIt("writeUInt16 -1", () -> chk.writeUInt16(-1));
		tryIt("writeInt24 0x800000", () -> chk.writeInt24(0x800000));
		tryIt("writeUInt24 0x1000000", () -> chk.writeUInt24(0x1000000));
		tryIt("writeInt32 min", () -> chk.writeInt32(-2147483648));
		tryIt("writeBytes out of bounds", () -> chk.writeBytes(Bytes.alloc(2), 1, 5));
		Sys.println('checked output ${chk.length} bytes');

		var text = "line1\r\nline2\n\nlast";
		var si = new StringInput(text);
		Sys.println('lines "${si.readLine()}" "${si.readLine()}" "${si.readLine()}" "${si.readLine()}"');
		tryIt("readLine at end", () -> si.readLine());

		var src = Bytes.ofString("abc;def;;ghi");
		var bi = new BytesInput(src);
		Sys.println('readUntil "${bi.readUntil(";".code)}" "${bi.readUntil(";".code)}" "${bi.readUntil(";".code)}"');
		tryIt("readUntil missing end", () -> Sys.println('  got "${bi.readUntil(";".code)}"'));

		var sub = new BytesInput(Bytes.ofString("0123456789"), 2, 5);
		Sys.println('sub input length ${sub.length} read "${sub.read(3).toString()}" position ${sub.position}');
		var full = Bytes.alloc(4);
		tryIt("readFullBytes short", () -> sub.readFullBytes(full, 0, 4));
		sub.position = 0;
		Sys.println('rewind "${sub.readAll().toString()}"');
		tryIt("position past end", () -> sub.position = 10);
		tryIt("readBytes out of bounds", () -> sub.readBytes(Bytes.alloc(2), 1, 5));

		var big = Bytes.alloc(10000);
		for (k in 0...big.length) big.set(k, k * 7);
		var copy = new BytesOutput();
		copy.writeInput(new BytesInput(big), 333);
		var cb = copy.getBytes();
		Sys.println('writeInput ${cb.length} equal ${cb.compare(big) == 0}');
		var fo = new BytesOutput();
		fo.prepare(100);
		fo.writeFullBytes(Bytes.ofString("xyz"), 1, 2);
		fo.write(Bytes.ofString("!"));
		Sys.println('writeFullBytes+write "${fo.getBytes().toString()}"');

		var raw = new BytesOutput();
		raw.writeString("h😀", RawNative);
		var rb = raw.getBytes();
		Sys.println('raw native ${rb.toHex()} back ${new BytesInput(rb).readString(rb.length, RawNative)}');

		var empty = new BytesInput(Bytes.alloc(0));
		Sys.println('empty readAll ${empty.readAll().length}');
		tryIt("empty readByte", () -> empty.readByte());
		tryIt("empty readInt32", () -> empty.readInt32());
		Sys.println('errors ${haxe.io.Error.Blocked} ${haxe.io.Error.Overflow} ${haxe.io.Error.OutsideBounds} ${haxe.io.Error.Custom("x")}');
	}
}
