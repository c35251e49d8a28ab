// Covers: null accesses thrown from functions that make no calls (field reads, float math and
// Math.sqrt only), which Fiberus compiles without a shadow frame: the frame must still appear in
// the uncaught report, at the line of the access, and a caught throw from such a loop leaves the
// frame chain of its callers intact (the next report shows the right callers).
// HashLink 1.12 rule: "Null access .<field>" when the null check guards a field read.
class P {
	public var x:Float;
	public var next:P;

	public function new(x)
		this.x = x;
}

class Main {
	static function norm(ps:Array<P>):Float {
		var s = 0.0;
		for (p in ps)
			s += p.x * p.x;
		return Math.sqrt(s);
	}

	static function last(p:P):Float {
		var n = 0.0;
		while (p != null) {
			n += 1.0;
			p = p.next;
		}
		return n;
	}

	static function chain(p:P):Float {
		return p.next.x;
	}

	static function outer(ps:Array<P>):Float {
		ps.push(null);
		return norm(ps);
	}

	static function main() {
		var ps = [new P(3), new P(4)];
		Sys.println(norm(ps));
		Sys.println(last(ps[0]));
		for (k in 0...3) {
			ps.push(k == 1 ? null : new P(k));
			try {
				Sys.println(norm(ps));
			} catch (e:haxe.Exception) {
				Sys.println("caught " + e.message);
				ps.pop();
			}
		}
		try {
			Sys.println(chain(ps[0]));
		} catch (e:haxe.Exception) {
			Sys.println("caught " + e.message);
		}
		Sys.println(outer(ps));
	}
}
