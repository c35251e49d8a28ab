// EReg for Fiberus: the API and HashLink's observable behaviour (PCRE through the std regexp_*
// natives, positions in UTF-16 units, the same errors), with replace and split each done by one
// native call (regexp_replace, regexp_split, hxrt/hx_n_regexp.c) instead of a Haxe loop that calls
// natives per match and grows a StringBuf or an array, and matched(n) by one native call that
// builds the String (regexp_matched_string). map keeps its Haxe loop: it calls back into Haxe.
private typedef ERegValue = hl.Abstract<"ereg">;

@:access(String)
@:coreApi final class EReg {
	var r:ERegValue;
	var global:Bool;
	var last:String; // the subject of the last match/matchSub, for matched*()

	public function new(r:String, opt:String):Void {
		var a = opt.split("g");
		global = a.length > 1;
		if (global)
			opt = a.join("");
		this.r = regexp_new_options(r.bytes, opt.bytes); // an unknown option gives null, as on HashLink
	}

	public function match(s:String):Bool {
		var ok = regexp_match(r, s.bytes, 0, s.length);
		last = ok ? s : null;
		return ok;
	}

	public function matched(n:Int):String {
		return regexp_matched_string(r, n, last);
	}

	public function matchedLeft():String {
		var pos = regexp_matched_pos(r, 0, null);
		return last.substr(0, pos);
	}

	public function matchedRight():String {
		var len = 0;
		var pos = regexp_matched_pos(r, 0, len);
		return last.substr(pos + len);
	}

	public function matchedPos():{pos:Int, len:Int} {
		var len = 0;
		var pos = regexp_matched_pos(r, 0, len);
		return pos < 0 ? null : {pos: pos, len: len};
	}

	public function matchSub(s:String, pos:Int, len:Int = -1):Bool {
		var ok = regexp_match(r, s.bytes, pos, len < 0 ? s.length - pos : len);
		last = ok ? s : null;
		return ok;
	}

	public function split(s:String):Array<String> {
		return cast hl.types.ArrayObj.alloc(regexp_split(r, s, s.length, global));
	}

	public function replace(s:String, by:String):String {
		var len = 0;
		var bytes = regexp_replace(r, s.bytes, s.length, by.bytes, by.length, global, len);
		return String.__alloc__(bytes, len);
	}

	public function map(s:String, f:EReg->String):String {
		// Haxe's cross-target algorithm: an empty match copies one character and moves past it.
		var at = 0;
		var buf = new StringBuf();
		do {
			if (at >= s.length)
				break;
			if (!matchSub(s, at)) {
				buf.addSub(s, at, s.length - at);
				break;
			}
			var len = 0;
			var pos = regexp_matched_pos(r, 0, len);
			buf.addSub(s, at, pos - at);
			buf.add(f(this));
			if (len == 0) {
				buf.add(s.substr(pos, 1)); // "" at the end of s
				at = pos + 1;
			} else
				at = pos + len;
		} while (global);
		if (!global && at > 0 && at < s.length)
			buf.addSub(s, at, s.length - at);
		return buf.toString();
	}

	public static function escape(s:String):String {
		return specials.map(s, m -> "\\" + m.matched(0));
	}

	static var specials = ~/[\[\]{}()*+?.\\\^$|]/g;

	@:hlNative("std", "regexp_new_options") static function regexp_new_options(bytes:hl.Bytes, options:hl.Bytes):ERegValue {
		return null;
	}

	@:hlNative("std", "regexp_match") static function regexp_match(r:ERegValue, str:hl.Bytes, pos:Int, size:Int):Bool {
		return false;
	}

	@:hlNative("std", "regexp_matched_pos") static function regexp_matched_pos(r:ERegValue, n:Int, size:hl.Ref<Int>):Int {
		return 0;
	}

	@:hlNative("std", "regexp_matched_string") static function regexp_matched_string(r:ERegValue, n:Int, last:String):String {
		return null;
	}

	@:hlNative("std", "regexp_split") static function regexp_split(r:ERegValue, s:String, len:Int, global:Bool):hl.NativeArray<String> {
		return null;
	}

	@:hlNative("std", "regexp_replace") static function regexp_replace(r:ERegValue, str:hl.Bytes, len:Int, by:hl.Bytes, byLen:Int,
			global:Bool, outLen:hl.Ref<Int>):hl.Bytes {
		return null;
	}
}
