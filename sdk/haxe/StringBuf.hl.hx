// StringBuf for Fiberus: HashLink's API and output (UTF-16 in a growing hl.Bytes, grown by half
// again each time), with add() cheaper for the two values programs add most: a String is told
// by its runtime type (a load and a compare, where Std.downcast walks the class hierarchy), and
// an Int is written as digits straight into the buffer (no String made and copied). Everything
// else goes through hl.Bytes.fromValue, as on HashLink. The private names (b, size, pos, __add,
// __expand) are HashLink's: its std code uses them (haxe.ds.StringMap calls __add).
@:coreApi class StringBuf {
	var b:hl.Bytes;
	var size:Int; // bytes allocated
	var pos:Int; // bytes used

	public var length(get, never):Int;

	public function new():Void {
		pos = 0;
		size = 8; // room for one addChar beyond the BMP
		b = new hl.Bytes(size);
	}

	inline function get_length():Int {
		return pos >> 1;
	}

	function __expand(need:Int):Void {
		var n = (size * 3) >> 1;
		if (n < need)
			n = need;
		var nb = new hl.Bytes(n);
		nb.blit(0, b, 0, pos);
		b = nb;
		size = n;
	}

	inline function __add(bytes:hl.Bytes, from:Int, count:Int):Void {
		if (pos + count > size)
			__expand(pos + count);
		b.blit(pos, bytes, from, count);
		pos += count;
	}

	public function add<T>(x:T):Void {
		var d:Dynamic = x;
		var t = hl.Type.getDynamic(d);
		if (t == hl.Type.get("")) {
			var s:String = d;
			__add(@:privateAccess s.bytes, 0, s.length << 1);
		} else if (t.kind == HI32) {
			addInt(d);
		} else {
			var n = 0;
			var bytes = hl.Bytes.fromValue(x, new hl.Ref(n));
			__add(bytes, 0, n << 1);
		}
	}

	// Std.string(v)'s digits, written backwards from the end of their room.
	function addInt(v:Int):Void {
		if (pos + 22 > size)
			__expand(pos + 22);
		var digits = 1, rest = v;
		while (rest >= 10 || rest <= -10) {
			rest = Std.int(rest / 10);
			digits++;
		}
		var at = pos + ((v < 0 ? digits + 1 : digits) << 1);
		var end = at;
		do {
			var q = Std.int(v / 10); // truncates: the remainder has v's sign
			var r = v - q * 10;
			at -= 2;
			b.setUI16(at, 48 + (r < 0 ? -r : r));
			v = q;
		} while (v != 0);
		if (at > pos)
			b.setUI16(pos, 45); // '-'
		pos = end;
	}

	public function addSub(s:String, pos:Int, ?len:Int):Void {
		if (pos < 0)
			pos = 0;
		if (pos >= s.length)
			return;
		var n = len == null ? s.length - pos : (len:Int);
		if (pos + n > s.length)
			n = s.length - pos;
		if (n <= 0)
			return;
		__add(@:privateAccess s.bytes, pos << 1, n << 1);
	}

	public function addChar(c:Int):Void {
		if (c >= 0 && c < 0x10000) {
			if (c >= 0xD800 && c <= 0xDFFF)
				throw "Invalid unicode char " + c;
			if (pos + 2 > size)
				__expand(0);
			b.setUI16(pos, c);
			pos += 2;
		} else if (c < 0x110000) {
			if (pos + 4 > size)
				__expand(0);
			var u = c - 0x10000;
			b.setUI16(pos, (u >> 10) + 0xD800);
			b.setUI16(pos + 2, (u & 1023) + 0xDC00);
			pos += 4;
		} else
			throw "Invalid unicode char " + c;
	}

	public function toString():String {
		if (pos + 2 > size)
			__expand(0);
		b.setUI16(pos, 0);
		return @:privateAccess String.__alloc__(b, pos >> 1);
	}
}
