// Covers: an uncaught null access: "Uncaught exception: Null access .v" then the frames, exit 1.
// HashLink 1.12 rule: a null check followed by a field read names the field ("Null access .v").
class Node {
	public var next:Node;
	public var v:Int;

	public function new(v)
		this.v = v;
}

class Main {
	static function walk(n:Node):Int {
		return n.v + walk(n.next);
	}

	static function main() {
		var a = new Node(1);
		a.next = new Node(2);
		Sys.println("walking");
		Sys.println(walk(a));
	}
}
