// Covers: the per-site caches of Dynamic field places and Std.isOfType answers (static __thread
// in the generated code) used by many fibers at once on several workers: each fiber runs the same
// sites over its own objects of several shapes (two classes, two anonymous shapes), in a different
// order, so that the sites see different receiver types on every worker. Output: HashLink 1.12
// (threads there); it does not depend on scheduling.
import sys.thread.Thread;
import sys.thread.Lock;

class P {
	public var x:Int;
	public var name:String;

	public function new(x) {
		this.x = x;
		name = "p";
	}
}

class Q {
	public var pad:Float;
	public var name:String;
	public var x:Int;

	public function new(x) {
		pad = 0.25;
		name = "qq";
		this.x = x;
	}
}

class Main {
	static function work(seed:Int):Int {
		var objs:Array<Dynamic> = [];
		for (i in 0...40) {
			switch ((i + seed) % 4) {
				case 0:
					objs.push(new P(i));
				case 1:
					objs.push(new Q(i));
				case 2:
					objs.push({x: i, name: "anon"});
				default:
					objs.push({name: "z", x: i, y: 1});
			}
		}
		var total = 0;
		for (round in 0...2000) {
			for (o in objs) {
				var x:Int = o.x;
				o.x = (o.x + 3 + round) & 0xffff;
				var n:String = Reflect.field(o, "name");
				total = (total + x + n.length + (Std.isOfType(o, P) ? 1 : 0)) & 0x3fffffff;
			}
		}
		return total;
	}

	static function main() {
		var n = 8;
		var results = [for (i in 0...n) 0];
		var done = new Lock();
		for (i in 0...n)
			Thread.create(() -> {
				results[i] = work(i);
				done.release();
			});
		for (i in 0...n)
			done.wait();
		Sys.println(results.join(" "));
	}
}
