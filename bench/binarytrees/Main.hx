// Binary-trees (benchmarks-game algorithm, single-threaded): allocates and walks many short-lived
// trees beside one long-lived tree; a test of the garbage collector.
// Usage: Main [maxDepth]   (default 17).
class Node {
	public var left:Node;
	public var right:Node;

	public function new(left, right) {
		this.left = left;
		this.right = right;
	}

	public static function bottomUp(depth:Int):Node {
		return depth > 0 ? new Node(bottomUp(depth - 1), bottomUp(depth - 1)) : new Node(null, null);
	}

	public function check():Int {
		return left == null ? 1 : 1 + left.check() + right.check();
	}
}

class Main {
	static function main() {
		var args = Sys.args();
		var n = args.length > 0 ? Std.parseInt(args[0]) : 17;
		var minDepth = 4;
		var maxDepth = n < minDepth + 2 ? minDepth + 2 : n;

		var stretch = maxDepth + 1;
		Sys.println('stretch tree of depth $stretch\t check: ${Node.bottomUp(stretch).check()}');

		var longLived = Node.bottomUp(maxDepth);
		var depth = minDepth;
		while (depth <= maxDepth) {
			var iterations = 1 << (maxDepth - depth + minDepth);
			var check = 0;
			for (_ in 0...iterations)
				check += Node.bottomUp(depth).check();
			Sys.println('$iterations\t trees of depth $depth\t check: $check');
			depth += 2;
		}
		Sys.println('long lived tree of depth $maxDepth\t check: ${longLived.check()}');
	}
}
