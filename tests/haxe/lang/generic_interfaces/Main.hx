// Covers: generic interfaces (Comparable<T>, Container<T>) implemented by generic and concrete
// classes, calls through generic interface types with Int/Float/String/object type arguments,
// interface constraints in generic functions, generic classes extending generic classes.
interface Comparable<T> {
	function compareTo(o:T):Int;
}

interface Container<T> {
	function get(i:Int):T;
	function size():Int;
}

class Money implements Comparable<Money> {
	public var cents:Int;

	public function new(c)
		cents = c;

	public function compareTo(o:Money)
		return cents - o.cents;

	public function toString()
		return "$" + (cents / 100);
}

class ArrayContainer<T> implements Container<T> {
	var items:Array<T>;

	public function new(items)
		this.items = items;

	public function get(i:Int):T
		return items[i];

	public function size()
		return items.length;
}

class Reversed<T> extends ArrayContainer<T> {
	override public function get(i:Int):T
		return super.get(size() - 1 - i);
}

class Main {
	static function maxOf<T:Comparable<T>>(xs:Array<T>):T {
		var m = xs[0];
		for (x in xs)
			if (x.compareTo(m) > 0)
				m = x;
		return m;
	}

	static function dump<T>(c:Container<T>):String
		return [for (i in 0...c.size()) Std.string(c.get(i))].join(",");

	static function main() {
		Sys.println(maxOf([new Money(250), new Money(1999), new Money(5)]));
		Sys.println(dump(new ArrayContainer([1, 2, 3])));
		Sys.println(dump(new ArrayContainer([1.5, 2.5])));
		Sys.println(dump(new Reversed(["a", "b", "c"])));
		var c:Container<Money> = new Reversed([new Money(1), new Money(2)]);
		Sys.println(c.get(0) + " " + c.size());
		var ints:Container<Int> = new ArrayContainer([7, 8]);
		Sys.println(ints.get(1) + ints.get(0));
	}
}
