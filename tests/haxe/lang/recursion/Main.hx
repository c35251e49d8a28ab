// Covers: deep recursion (depth 20000; list walk 10000), mutual recursion, Ackermann,
// recursive data structure walk, tail-position calls.
// HashLink runs main on the 8 MiB thread stack; this needs the main fiber to have a stack of
// comparable size (a 64 KiB fiber stack overflows here).
class Node {
	public var next:Node;
	public var v:Int;

	public function new(v, next) {
		this.v = v;
		this.next = next;
	}
}

class Main {
	static function depth(n:Int):Int
		return n == 0 ? 0 : 1 + depth(n - 1);

	static function ack(m:Int, n:Int):Int
		return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1));

	static function isEven(n:Int):Bool
		return n == 0 || isOdd(n - 1);

	static function isOdd(n:Int):Bool
		return n != 0 && isEven(n - 1);

	static function sumList(n:Node):Int
		return n == null ? 0 : n.v + sumList(n.next);

	static function hanoi(n:Int, a:String, b:String, c:String, moves:Array<String>) {
		if (n == 0)
			return;
		hanoi(n - 1, a, c, b, moves);
		moves.push(a + c);
		hanoi(n - 1, b, a, c, moves);
	}

	static function main() {
		Sys.println(depth(20000));
		Sys.println(ack(2, 3) + " " + ack(3, 3));
		Sys.println(isEven(1000) + " " + isOdd(777));
		var l:Node = null;
		for (i in 0...10000)
			l = new Node(i, l);
		Sys.println(sumList(l));
		var moves = [];
		hanoi(4, "A", "B", "C", moves);
		Sys.println(moves.length + " " + moves.slice(0, 5).join(","));
	}
}
