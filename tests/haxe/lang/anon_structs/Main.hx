// Covers: anonymous structures and typedefs, optional fields, structural subtyping (a class
// instance passed where a structure is expected), nested structures, structures of functions,
// field mutation through a structure, arrays of structures.
// HashLink rule: anonymous objects print as {a : 1, b : s}; this test prints one-field objects
// only or reads fields explicitly, so field order does not matter (haxe --interp prints {only: 1.5}).
typedef Point = {x:Int, y:Int};

typedef Person = {
	name:String,
	?age:Int,
	address:{city:String, zip:String}
}

class Pt {
	public var x:Int;
	public var y:Int;
	public var extra = "e";

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}
}

class Main {
	static function len(p:Point):Float
		return Math.sqrt(p.x * p.x + p.y * p.y);

	static function move(p:Point, dx:Int)
		p.x += dx;

	static function main() {
		var p = {x: 3, y: 4};
		Sys.println(len(p));
		move(p, 2);
		Sys.println(p.x + " " + p.y);
		var c = new Pt(6, 8);
		Sys.println(len(c));
		move(c, 1);
		Sys.println(c.x);
		var bob:Person = {name: "bob", address: {city: "Paris", zip: "75001"}};
		Sys.println(bob.name + " " + bob.age + " " + bob.address.city);
		bob.age = 33;
		Sys.println(bob.age + 1);
		var ops = {add: (a:Int, b:Int) -> a + b, neg: (a:Int) -> -a};
		Sys.println(ops.add(2, 3) + " " + ops.neg(4));
		var pts:Array<Point> = [{x: 1, y: 1}, {x: 2, y: 0}, c];
		var sum = 0;
		for (q in pts)
			sum += q.x * 10 + q.y;
		Sys.println(sum);
		var one = {only: 1.5};
		trace(one);
		var s = {s: "str"};
		Sys.println(s);
		var n = {inner: {v: true}};
		Sys.println(n.inner.v);
		var f:{var x(default, null):Int;} = {x: 9};
		Sys.println(f.x);
	}
}
