// Covers: generic and recursive enums (Option-like, binary tree, expression AST evaluation),
// enums holding functions and other enums, printing of nested enum values (HashLink format).
enum Maybe<T> {
	Just(v:T);
	Nothing;
}

enum Tree<T> {
	Leaf;
	Node(l:Tree<T>, v:T, r:Tree<T>);
}

enum Expr {
	Num(v:Float);
	Add(a:Expr, b:Expr);
	Mul(a:Expr, b:Expr);
	Neg(a:Expr);
	Call(f:Float->Float, a:Expr);
}

class Main {
	static function insert<T>(t:Tree<T>, v:T, cmp:T->T->Int):Tree<T> {
		return switch t {
			case Leaf: Node(Leaf, v, Leaf);
			case Node(l, x, r):
				if (cmp(v, x) < 0) Node(insert(l, v, cmp), x, r) else Node(l, x, insert(r, v, cmp));
		}
	}

	static function toList<T>(t:Tree<T>, out:Array<T>) {
		switch t {
			case Leaf:
			case Node(l, v, r):
				toList(l, out);
				out.push(v);
				toList(r, out);
		}
	}

	static function eval(e:Expr):Float {
		return switch e {
			case Num(v): v;
			case Add(a, b): eval(a) + eval(b);
			case Mul(a, b): eval(a) * eval(b);
			case Neg(a): -eval(a);
			case Call(f, a): f(eval(a));
		}
	}

	static function getOr<T>(m:Maybe<T>, d:T):T
		return switch m {
			case Just(v): v;
			case Nothing: d;
		}

	static function main() {
		var t = Leaf;
		for (v in [5, 2, 8, 1, 9, 3])
			t = insert(t, v, (a, b) -> a - b);
		var out = [];
		toList(t, out);
		Sys.println(out);
		var small = insert(insert(Leaf, "b", Reflect.compare), "a", Reflect.compare);
		Sys.println(small);
		Sys.println(getOr(Just(3), 0) + " " + getOr(Nothing, 42) + " " + getOr(Just("s"), "d"));
		var e = Add(Num(2), Mul(Num(3), Neg(Num(4))));
		Sys.println(eval(e));
		Sys.println(e);
		Sys.println(eval(Call(Math.sqrt, Num(81))));
		var m:Maybe<Maybe<Int>> = Just(Just(1));
		Sys.println(m);
		Sys.println(Just(null));
		Sys.println([Just(1.5), Nothing]);
	}
}
