// Covers: haxe.ds.List: add/push/pop/first/last/remove/isEmpty/length/clear/join/map/filter,
// iteration order, toString format ({a, b}).
class Main {
	static function main() {
		var l = new haxe.ds.List<Int>();
		l.add(2);
		l.add(3);
		l.push(1);
		Sys.println(l + " " + l.length + " " + l.first() + " " + l.last());
		Sys.println(l.remove(2) + " " + l.remove(9) + " " + l);
		Sys.println(l.pop() + " " + l + " " + l.isEmpty());
		l.add(5);
		Sys.println(l.map(x -> x * 10) + " " + l.filter(x -> x > 3) + " " + l.join("-"));
		var s = 0;
		for (v in l)
			s += v;
		Sys.println(s);
		l.clear();
		Sys.println(l.isEmpty() + " " + l.length + " " + l.pop() + " " + l);
		var sl = new haxe.ds.List<String>();
		sl.add("a");
		sl.add("b");
		Sys.println(sl);
	}
}
