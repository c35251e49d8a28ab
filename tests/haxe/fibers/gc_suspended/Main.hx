// Covers: the collector scans every fiber's stack: objects reachable only
// from the locals of suspended fibers (waiting on a Counter, a Lock, a Deque)
// survive collections forced while they wait, also under FIBERUS_GC_STRESS
// with several workers.
import fiberus.Fiber;
import fiberus.Counter;
import fiberus.AtomicInt;
import fiberus.GC;

class Node {
	public var value:Int;
	public var next:Node;
	public var label:String;

	public function new(v, n, l) {
		value = v;
		next = n;
		label = l;
	}
}

class Main {
	static function build(seed:Int, n:Int):Node {
		var head:Node = null;
		for (i in 0...n) head = new Node(seed * 1000 + i, head, "n" + (seed * 1000 + i));
		return head;
	}

	static function check(head:Node, seed:Int, n:Int):Bool {
		var i = n - 1;
		var p = head;
		while (p != null) {
			if (p.value != seed * 1000 + i || p.label != "n" + (seed * 1000 + i)) return false;
			p = p.next;
			i--;
		}
		return i == -1;
	}

	static function churn() {
		var keep = [];
		for (i in 0...2000) {
			var s = [for (k in 0...4) "garbage" + i + "/" + k];
			if (i % 100 == 0) keep.push(s);
		}
		return keep.length;
	}

	static function main() {
		var nf = 24;
		var ready = Counter.create(nf);
		var gate = Counter.create(0);
		var finished = Counter.create(nf);
		var good:AtomicInt = 0;
		var locks = [for (i in 0...nf) new sys.thread.Lock()];
		var queue = new sys.thread.Deque<Int>();
		for (f in 0...nf) {
			Fiber.spawn(_ -> {
				var list = build(f, 100);
				var fn = (x:Int) -> x + f; // a closure held only here
				var arr = [for (k in 0...50) {id: k, name: "obj" + k}];
				ready.decrement();
				switch (f % 3) {
					case 0: gate.wait(1); // suspended on a counter
					case 1: locks[f].wait(); // suspended on a lock
					default: queue.pop(true); // suspended on a deque
				}
				var ok = check(list, f, 100) && fn(1) == 1 + f;
				for (k in 0...50) if (arr[k].id != k || arr[k].name != "obj" + k) ok = false;
				if (ok) good.increment();
				finished.decrement();
			});
		}
		ready.wait();
		for (round in 0...3) {
			churn();
			GC.collect();
		}
		gate.add(1);
		for (f in 0...nf) {
			if (f % 3 == 1) locks[f].release();
			if (f % 3 == 2) queue.add(f);
		}
		finished.wait();
		Sys.println("fibers with intact data: " + good.load() + "/" + nf);
		var st = GC.stats();
		Sys.println("collections happened: " + (st.collectionCount >= 3));
		Sys.println("fiber stacks were scanned: " + (st.fibersScanned >= 1));
	}
}
