// Covers: HashLink-specific typed array Array<hl.UI16> (ArrayBytes_hl_UI16): values wrap to 16 bits
// on store, push/indexing/length/iteration. (Array<hl.UI8> and sorting UI16 arrays read wrong
// memory in HashLink 1.12 with Haxe 4.2.5, so they are not tested.)
class Main {
	static function main() {
		var a:Array<hl.UI16> = [1, 65535, 70000];
		a.push(-1);
		Sys.println([for (v in a) (v : Int)]);
		Sys.println(a.length + " " + (a[2] : Int));
		a[1] = 7;
		var sum = 0;
		for (v in a)
			sum += v;
		Sys.println(sum);
	}
}
