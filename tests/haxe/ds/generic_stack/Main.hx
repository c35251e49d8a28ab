// Covers: haxe.ds.GenericStack (@:generic linked stack): add/pop/first/isEmpty/remove, iteration
// from the top, toString.
class Main {
	static function main() {
		var s = new haxe.ds.GenericStack<Int>();
		Sys.println(s.isEmpty() + " " + s.first());
		for (i in 1...5)
			s.add(i * 10);
		Sys.println(s.first() + " " + [for (v in s) v]);
		Sys.println(s.pop() + " " + s.pop() + " " + s.remove(10) + " " + s.remove(99));
		Sys.println(s.toString() + " " + s.isEmpty());
		var ss = new haxe.ds.GenericStack<String>();
		ss.add("a");
		ss.add("b");
		Sys.println(ss.toString());
	}
}
