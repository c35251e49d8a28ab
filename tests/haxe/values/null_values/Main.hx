// Covers: null handling: null strings in concatenation, null objects compared, null in arrays
// and maps, Null<T> checks, optional structure fields, null Dynamic field reads, default
// values of locals declared Null<T>.
// HashLink rule: writing past the end of an Array<Int> fills the gap with 0 (haxe --interp: null).
class Main {
	static function main() {
		var s:String = null;
		Sys.println("a" + s + "b");
		Sys.println(s == null);
		var o:Main = null;
		Sys.println(o == null);
		var arr:Array<String> = [null, "x"];
		Sys.println(arr[0] == null);
		Sys.println(arr);
		var m = new Map<String, Null<Int>>();
		m.set("k", null);
		Sys.println(m.exists("k") + " " + m.get("k") + " " + m.get("nope"));
		var n:Null<Int> = null;
		Sys.println(n);
		Sys.println(n == 0);
		var d:Dynamic = null;
		Sys.println(d == null);
		var st:{?f:String} = {};
		Sys.println(st.f);
		var ints:Array<Int> = [];
		ints[3] = 1;
		Sys.println(ints);
		var objs:Array<String> = [];
		objs[2] = "z";
		Sys.println(objs);
	}
}
