// Covers: the HashLink-specific std a server program may use: hl.Bytes (getUI8/setUI8, getUI16/
// setUI16, getI32/setI32 with overflow, getF32/setF32, getF64/setF64, blit with overlap, fill,
// compare, compare16, find (found, missing, empty needle), sortI32/sortF64 with a comparator, sub,
// offset/subtract, parseInt/parseFloat (partial and invalid input), ucs2Length, utf8ToUtf16/
// utf16ToUtf8 round trip of astral text, fromBytes/toBytes); hl.NativeArray (new, length, get/set
// of objects and null, blit, sub, iterator, getType of an Int array); hl.Api (getField/setField/
// hasField/deleteField by hash on an anonymous object, callMethod with a NativeArray of arguments
// (a bound method raises "Can't call closure with value", as in HashLink), noClosure,
// getClosureValue, makeVarArgs, safeCast failure message, is64, comparePointer, isPrimLoaded);
// hl.Gc (stats fields are numbers, major, enable toggles, blocking); hl.Format digest (MD5 =
// algorithm 0, SHA1 = 1, CRC32 = 2, Adler32 = 3); haxe.Resource without resources.
class Obj {
	public var v:Int;

	public function new(v) this.v = v;

	public function add(a:Int, b:Int):Int return v + a + b;
}

class Main {
	static function sum2(a:Int, b:Int):Int return a * 10 + b;

	static function hexOf(b:hl.Bytes, n:Int):String return b.toBytes(n).toHex();

	static function main() {
		var b = new hl.Bytes(16);
		b.fill(0, 16, 0);
		b.setUI8(0, 0x1FF);
		b.setUI16(2, 0x12345);
		b.setI32(4, 0xFFFFFFFF);
		b.setF32(8, 1.1);
		Sys.println('ui8 ${b.getUI8(0)} ui16 ${b.getUI16(2)} i32 ${b.getI32(4)} f32 ${b.getF32(8) == 1.1} ${Math.round(b.getF32(8) * 1000)}');
		Sys.println('hex ${hexOf(b, 12)}');
		b.setF64(8, -2.5);
		Sys.println('f64 ${b.getF64(8)}');
		b.setI32(4, 0x7FFFFFFF);
		b.setI32(4, b.getI32(4) + 1);
		Sys.println('i32 overflow ${b.getI32(4)}');

		var c = new hl.Bytes(10);
		for (i in 0...10) c[i] = i;
		c.blit(2, c, 0, 6);
		Sys.println('blit overlap ${hexOf(c, 10)}');
		c.blit(0, c, 3, 5);
		Sys.println('blit back ${hexOf(c, 10)}');
		c.fill(8, 2, 0xAB);
		Sys.println('fill ${hexOf(c, 10)}');
		var d = new hl.Bytes(10);
		d.blit(0, c, 0, 10);
		Sys.println('compare equal ${c.compare(0, d, 0, 10)} less ${Std.int(Math.max(-1, Math.min(1, c.compare(0, d, 1, 5))))}');
		var hay = @:privateAccess "hello world".toUtf8();
		var needle = @:privateAccess "wor".toUtf8();
		Sys.println('find ${hay.find(0, 11, needle, 0, 3)} missing ${hay.find(0, 11, @:privateAccess "xyz".toUtf8(), 0, 3)} empty ${hay.find(0, 11, needle, 0, 0)}');
		var s1 = "abc", s2 = "abd";
		var b1:hl.Bytes = @:privateAccess s1.bytes, b2:hl.Bytes = @:privateAccess s2.bytes;
		Sys.println('compare16 ${b1.compare16(b2, 3) < 0} ${b1.compare16(b1, 3)}');

		var ints = new hl.Bytes(5 * 4);
		var vals = [5, -3, 2147483647, 0, -2147483648];
		for (i in 0...5) ints.setI32(i * 4, vals[i]);
		ints.sortI32(0, 5, (a, b) -> a < b ? -1 : a > b ? 1 : 0);
		Sys.println('sortI32 ${[for (i in 0...5) ints.getI32(i * 4)]}');
		var fl = new hl.Bytes(4 * 8);
		var fv = [2.5, -1.0, 1e10, -0.5];
		for (i in 0...4) fl.setF64(i * 8, fv[i]);
		fl.sortF64(0, 4, (a, b) -> a < b ? 1 : a > b ? -1 : 0);
		Sys.println('sortF64 ${[for (i in 0...4) fl.getF64(i * 8)]}');
		var sub = c.sub(2, 4);
		Sys.println('sub ${hexOf(sub, 4)} offset ${c.offset(3).getUI8(0)} subtract ${c.offset(7).subtract(c)}');

		function pi(s:String) {
			var u:hl.Bytes = @:privateAccess s.bytes;
			return u.parseInt(0, s.length);
		}
		function pf(s:String) {
			var u:hl.Bytes = @:privateAccess s.bytes;
			return u.parseFloat(0, s.length);
		}
		Sys.println('parseInt ${pi("42")} ${pi("-17abc")} ${pi("0x1F")} ${pi("")} ${pi("abc")} ${pi("99999999999")}');
		Sys.println('parseFloat ${pf("1.5")} ${pf("-2e3x")} ${pf("")} ${Math.isNaN(pf("abc"))} ${pf(".5")}');

		var astral = "a😀é";
		var ab:hl.Bytes = @:privateAccess astral.bytes;
		Sys.println('ucs2Length ${ab.ucs2Length(0)}');
		var len = 0;
		var utf8 = ab.utf16ToUtf8(0, len);
		Sys.println('utf8 len $len ${hexOf(utf8, len)}');
		var ulen = 0;
		var back = utf8.utf8ToUtf16(0, ulen);
		Sys.println('utf16 back len $ulen ${@:privateAccess String.fromUCS2(back) == astral}');
		var hb = hl.Bytes.fromBytes(haxe.io.Bytes.ofString("xyz"));
		Sys.println('fromBytes ${hb.getUI8(2)}');

		// NativeArray.
		var na = new hl.NativeArray<Obj>(4);
		Sys.println('native array length ${na.length} null ${na[0] == null}');
		for (i in 0...3) na[i] = new Obj(i * 10);
		var nb = new hl.NativeArray<Obj>(4);
		nb.blit(1, na, 0, 3);
		Sys.println('blit ${[for (o in nb) o == null ? -1 : o.v]}');
		var ns = nb.sub(1, 2);
		Sys.println('sub ${ns.length} ${ns[0].v} ${ns[1].v}');
		var ni = new hl.NativeArray<Int>(2);
		Sys.println('type ${ni.getType()} ${na.getType()}');

		// hl.Api.
		var o:Dynamic = {a: 1, b: "x"};
		var ha = @:privateAccess ("a" : String).bytes.hash(), hc = @:privateAccess ("c" : String).bytes.hash();
		Sys.println('hasField a ${hl.Api.hasField(o, ha)} c ${hl.Api.hasField(o, hc)} get ${hl.Api.getField(o, ha)}');
		hl.Api.setField(o, hc, 3.5);
		Sys.println('set c ${o.c} delete a ${hl.Api.deleteField(o, ha)} again ${hl.Api.deleteField(o, ha)} ${Reflect.fields(o).length}');
		var obj = new Obj(100);
		var args = new hl.NativeArray<Dynamic>(2);
		args[0] = 1;
		args[1] = 2;
		Sys.println('callMethod static ${hl.Api.callMethod(sum2, args)}');
		try {
			Sys.println('callMethod bound ${hl.Api.callMethod(obj.add, args)}');
		} catch (e:Dynamic) {
			Sys.println('callMethod bound: $e');
		}
		Sys.println('noClosure ${hl.Api.callMethod(hl.Api.noClosure(obj.add), {var a = new hl.NativeArray<Dynamic>(3); a[0] = obj; a[1] = 1; a[2] = 2; a;})}');
		var closureValue:Obj = hl.Api.getClosureValue(obj.add);
		Sys.println('getClosureValue ${closureValue == obj}');
		var va = hl.Api.makeVarArgs(function(a:hl.NativeArray<Dynamic>):Dynamic return 'got ${a.length}');
		Sys.println('makeVarArgs ${Reflect.callMethod(null, va, [1, 2, 3])}');
		try {
			var x:Dynamic = hl.Api.safeCast("str", hl.Type.get(new Obj(0)));
			Sys.println('safeCast ${x}');
		} catch (e:Dynamic) {
			Sys.println('safeCast error: $e');
		}
		Sys.println('is64 ${hl.Api.is64()} comparePointer ${hl.Api.comparePointer(obj, obj)} prim ${hl.Api.isPrimLoaded(Sys.println)}');

		// hl.Gc.
		var st = hl.Gc.stats();
		Sys.println('gc stats ${st.totalAllocated >= 0} ${st.allocationCount >= 0} ${st.currentMemory > 0}');
		hl.Gc.major();
		hl.Gc.enable(false);
		var keep = [for (i in 0...1000) new Obj(i)];
		hl.Gc.enable(true);
		hl.Gc.blocking(true);
		hl.Gc.blocking(false);
		hl.Gc.major();
		Sys.println('after gc ${keep[999].v}');

		// hl.Format.digest.
		var src = @:privateAccess "abc".toUtf8();
		for (alg in [0, 1, 2, 3]) {
			var out = new hl.Bytes(20);
			out.fill(0, 20, 0); // CRC32 and Adler32 continue from the value in out
			hl.Format.digest(out, src, 3, alg);
			Sys.println('digest $alg ${hexOf(out, alg == 0 ? 16 : alg == 1 ? 20 : 4)}');
		}

		// haxe.Resource with no resource embedded.
		Sys.println('resources ${haxe.Resource.listNames()} ${haxe.Resource.getString("none")} ${haxe.Resource.getBytes("none")}');
	}
}
