// Covers: garbage collection under allocation pressure: many short-lived linked lists, one
// long-lived list kept alive across collections and checked at the end (checksums only).
// Meant to be run with FIBERUS_GC_STRESS too.
class Cell {
	public var v:Int;
	public var next:Cell;

	public function new(v, next) {
		this.v = v;
		this.next = next;
	}
}

class Main {
	static function build(n:Int):Cell {
		var c:Cell = null;
		for (i in 0...n)
			c = new Cell(i, c);
		return c;
	}

	static function sum(c:Cell):Int {
		var s = 0;
		while (c != null) {
			s += c.v;
			c = c.next;
		}
		return s;
	}

	static function main() {
		var keep = build(10000);
		var total = 0;
		for (round in 0...200)
			total += sum(build(1000)) % 1000;
		Sys.println(total);
		Sys.println(sum(keep));
		var lists = [for (i in 0...100) build(i)];
		var s = 0;
		for (l in lists)
			s += sum(l);
		Sys.println(s);
	}
}
