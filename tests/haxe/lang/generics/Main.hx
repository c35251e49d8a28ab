// Covers: generic classes and functions, type parameter constraints, generic containers of
// primitives and objects (Int/Float/Bool/String type parameters are boxed in HashLink),
// @:generic specialisation, generic methods on generic classes, variance through interfaces.
class Box<T> {
	public var value:T;

	public function new(v:T)
		value = v;

	public function map<U>(f:T->U):Box<U>
		return new Box(f(value));

	public function toString()
		return "Box(" + value + ")";
}

class Pair<A, B> {
	public var a:A;
	public var b:B;

	public function new(a, b) {
		this.a = a;
		this.b = b;
	}

	public function swap():Pair<B, A>
		return new Pair(b, a);
}

interface HasWeight {
	function weight():Int;
}

class Stone implements HasWeight {
	var w:Int;

	public function new(w)
		this.w = w;

	public function weight()
		return w;
}

@:generic class Stack<T> {
	var items:Array<T> = [];

	public function new() {}

	public function push(v:T)
		items.push(v);

	public function pop():T
		return items.pop();

	public function size()
		return items.length;
}

class Main {
	static function heaviest<T:HasWeight>(xs:Array<T>):T {
		var best = xs[0];
		for (x in xs)
			if (x.weight() > best.weight())
				best = x;
		return best;
	}

	static function first<T>(xs:Array<T>, d:T):T
		return xs.length > 0 ? xs[0] : d;

	static function fold<T, R>(xs:Array<T>, init:R, f:R->T->R):R {
		var r = init;
		for (x in xs)
			r = f(r, x);
		return r;
	}

	static function main() {
		var b = new Box(21);
		var b2 = b.map(x -> x * 2);
		var b3 = b2.map(x -> "v" + x);
		Sys.println(b + " " + b2 + " " + b3);
		Sys.println(b2.value + 1);
		var bf = new Box(1.5);
		Sys.println(bf.value * 2);
		var bb = new Box(true);
		Sys.println(bb.value && true);
		var p = new Pair("x", 3);
		var q = p.swap();
		Sys.println(q.a + 1 + q.b);
		Sys.println(heaviest([new Stone(3), new Stone(9), new Stone(4)]).weight());
		Sys.println(first([], "none") + " " + first([7], 0));
		Sys.println(fold([1, 2, 3, 4], 0, (a, b) -> a + b));
		Sys.println(fold(["a", "b"], "", (a, b) -> a + b));
		Sys.println(fold([1.5, 2.5], 1.0, (a, b) -> a * b));
		var si = new Stack<Int>();
		si.push(1);
		si.push(2);
		var ss = new Stack<String>();
		ss.push("s");
		Sys.println(si.pop() + si.pop() + " " + ss.pop() + " " + si.size());
		var boxes:Array<Box<Int>> = [for (i in 0...3) new Box(i)];
		Sys.println(boxes);
		var n:Null<Int> = null;
		var bn = new Box(n);
		Sys.println(bn.value == null);
	}
}
