// Covers: haxe.io typed arrays on HashLink: UInt8Array, UInt16Array, UInt32Array, Int32Array,
// Float32Array, Float64Array: new (zero-filled), get/set with wrap-around of out-of-range values
// (300 -> 44 in a UInt8Array, -1 -> 65535 in UInt16, 2^32+5 -> 5...), length, view, sub, subarray
// (negative-free), fromArray (with pos/length), fromBytes (byte offset and length), getData,
// sharing of the underlying bytes between views; ArrayBufferView: new, buffer, byteOffset,
// byteLength, sub, subarray, fromBytes; Float32 rounding (0.1 stored as a single), NaN and
// infinities; empty arrays; out-of-range sub raises haxe.io.Error.OutsideBounds. HashLink rules
// (std of Haxe 4.2.5): Int32Array.fromArray(a, pos, length) allocates a.length elements and
// fills the first length of them; subarray(begin) without end takes byteLength - 2 * begin.
// haxe pools 0.0 and -0.0 as one float constant and HashLink's JIT loads every zero constant as
// +0.0, so the literal -0.0 here is +0.0 (1/it is inf) and Math.POSITIVE_INFINITY (1/0, computed
// after this program's -0.0 entered the pool) stays +inf.
import haxe.io.*;

class Main {
	static function hex(b:Bytes):String return b.toHex();

	static function main() {
		var u8 = new UInt8Array(4);
		Sys.println('u8 len ${u8.length} zero ${u8[0]} ${u8[3]}');
		u8[0] = 300;
		u8[1] = -1;
		u8[2] = 255;
		u8[3] = 0x1234;
		Sys.println('u8 ${u8[0]} ${u8[1]} ${u8[2]} ${u8[3]} bytes ${hex(u8.view.buffer)}');

		var u16 = new UInt16Array(3);
		u16[0] = -1;
		u16[1] = 0x12345;
		u16[2] = 513;
		Sys.println('u16 ${u16[0]} ${u16[1]} ${u16[2]} bytes ${hex(u16.view.buffer)} byteLength ${u16.view.byteLength}');

		var u32 = new UInt32Array(2);
		u32[0] = -1;
		u32[1] = 0x7fffffff;
		Sys.println('u32 ${u32[0]} ${u32[1]} bytes ${hex(u32.view.buffer)}');

		var i32 = Int32Array.fromArray([1, -2, 0x7fffffff, -0x80000000, 5], 1, 3);
		Sys.println('i32 len ${i32.length} ${i32[0]} ${i32[1]} ${i32[2]}');
		i32[1] = i32[1] + 1;
		Sys.println('i32 overflow ${i32[1]}');

		var f32 = Float32Array.fromArray([0.1, 1.5, 1e40, -0.0]);
		Sys.println('f32 ${f32[0]} ${f32[1]} ${f32[2]} ${f32.length} ${f32[0] == 0.1}');
		Sys.println('f32 1/-0.0 literal: ${1 / f32[3]}');
		f32[3] = Math.NaN;
		Sys.println('f32 nan ${Math.isNaN(f32[3])}');
		var f64 = Float64Array.fromArray([0.1, Math.POSITIVE_INFINITY, -2.5]);
		Sys.println('f64 ${f64[0]} ${f64[1]} ${f64[2]} ${f64[0] == 0.1}');

		// Views share their bytes.
		var bytes = Bytes.alloc(16);
		for (i in 0...16) bytes.set(i, i);
		var v8 = UInt8Array.fromBytes(bytes, 4, 8);
		var v32 = Int32Array.fromBytes(bytes, 8, 2);
		Sys.println('v8 len ${v8.length} first ${v8[0]} last ${v8[7]}');
		Sys.println('v32 ${StringTools.hex(v32[0], 8)} ${StringTools.hex(v32[1], 8)}');
		v8[4] = 0xAA;
		Sys.println('shared ${StringTools.hex(v32[0], 8)} byte ${bytes.get(8)}');
		var s = v8.sub(2, 3);
		Sys.println('sub len ${s.length} ${s[0]} ${s[1]} ${s[2]} offset ${s.view.byteOffset}');
		s[0] = 99;
		Sys.println('sub shares ${v8[2]} ${bytes.get(6)}');
		// Haxe 4.2.5's subarray without an end computes end = byteLength - begin: subarray(5) of
		// 8 elements asks for -2 of them and raises, subarray(2) gives elements 2..5.
		try {
			var sa = v8.subarray(5);
			Sys.println('subarray(5) len ${sa.length}');
		} catch (e:haxe.io.Error) {
			Sys.println('subarray(5): $e');
		}
		var sa = v8.subarray(2);
		Sys.println('subarray(2) len ${sa.length} ${sa[0]} ${sa[3]}');
		var sb = v8.subarray(1, 3);
		Sys.println('subarray(1,3) len ${sb.length} ${sb[0]} ${sb[1]}');
		var u16v = UInt16Array.fromBytes(bytes, 0, 2);
		Sys.println('u16 view ${u16v[0]} ${u16v[1]}');

		var view = ArrayBufferView.fromBytes(bytes, 2, 6);
		Sys.println('view offset ${view.byteOffset} length ${view.byteLength} same bytes ${view.buffer == bytes}');
		var vs = view.sub(1, 2);
		Sys.println('view sub ${vs.byteOffset} ${vs.byteLength}');
		var vsa = view.subarray(2, 5);
		Sys.println('view subarray ${vsa.byteOffset} ${vsa.byteLength}');
		var nv = new ArrayBufferView(8);
		Sys.println('new view ${nv.byteOffset} ${nv.byteLength} ${nv.buffer.length}');

		var empty = new Float64Array(0);
		Sys.println('empty ${empty.length} ${UInt8Array.fromArray([]).length}');
		try {
			v8.sub(6, 10);
			Sys.println("sub?");
		} catch (e:haxe.io.Error) {
			Sys.println('sub out of range: $e');
		}
		try {
			ArrayBufferView.fromBytes(bytes, 10, 10);
			Sys.println("view?");
		} catch (e:haxe.io.Error) {
			Sys.println('view out of range: $e');
		}
		var data = u8.getData();
		var back = UInt8Array.fromData(data);
		Sys.println('fromData ${back[0]} ${back.length}');
	}
}
