// Covers: haxe.Resource with resources embedded at build time (--resource
// through build.args): getString (UTF-8 text beyond the BMP), getBytes of
// binary data (every byte kept), listNames, and a missing name (null).
class Main {
	static function main() {
		Sys.println(haxe.Resource.getString("greeting"));
		var b = haxe.Resource.getBytes("data/blob.bin");
		Sys.println('blob: ${b.length} bytes, hex ${b.toHex()}');
		var names = haxe.Resource.listNames();
		names.sort(Reflect.compare);
		Sys.println('names: ${names.join(", ")}');
		Sys.println('missing string: ${haxe.Resource.getString("nope")}');
		Sys.println('missing bytes: ${haxe.Resource.getBytes("nope")}');
		var s = haxe.Resource.getString("greeting");
		Sys.println('length ${s.length}, lines ${s.split("\n").length}');
	}
}
