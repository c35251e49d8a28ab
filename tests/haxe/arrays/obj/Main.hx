// Covers: Array<T> for objects (HashLink hl.types.ArrayObj): arrays of strings, class instances,
// enums, arrays of arrays; remove/indexOf by identity, sort of objects by a key, filter/map,
// null elements.
class Item {
	public var name:String;
	public var w:Int;

	public function new(n, w) {
		name = n;
		this.w = w;
	}

	public function toString()
		return name + ":" + w;
}

enum Suit {
	Hearts;
	Spades;
}

class Main {
	static function main() {
		var items = [new Item("b", 2), new Item("a", 5), new Item("c", 1)];
		items.sort((x, y) -> x.w - y.w);
		Sys.println(items);
		var a = items[1];
		Sys.println(items.indexOf(a) + " " + items.indexOf(new Item("a", 5)));
		items.remove(a);
		Sys.println(items);
		var names = items.map(i -> i.name);
		Sys.println(names.concat(["z"]));
		var grid = [for (y in 0...3) [for (x in 0...3) x + y * 3]];
		Sys.println(grid);
		grid[1][1] = -1;
		Sys.println(grid[1]);
		var suits = [Hearts, Spades, Hearts];
		Sys.println(suits.indexOf(Spades) + " " + suits.lastIndexOf(Hearts));
		var withNull:Array<Item> = [null, items[0]];
		Sys.println(withNull);
		var s = ["x", "y"];
		s.unshift("w");
		Sys.println(s.join("") + " " + s.shift() + " " + s.pop() + " " + s);
	}
}
