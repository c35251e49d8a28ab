// Covers: switch pattern matching on constants, strings, or-patterns, guards, structures
// (anonymous objects), arrays (fixed length), nested enums, captures with `var`, extractors
// (`_.method() => pattern`), matching on Null, default cases, switch as an expression.
enum Shape {
	Circle(r:Float);
	Rect(w:Float, h:Float);
	Group(items:Array<Shape>);
}

class Main {
	static function classify(x:Int):String
		return switch x {
			case 0: "zero";
			case 1 | 2 | 3: "small";
			case n if (n < 0): "negative";
			case n if (n % 2 == 0): "even " + n;
			case _: "odd";
		}

	static function word(s:String):Int
		return switch s {
			case "one": 1;
			case "two": 2;
			case "three" | "drei": 3;
			default: -1;
		}

	static function arr(a:Array<Int>):String
		return switch a {
			case []: "empty";
			case [x]: "one " + x;
			case [1, y]: "starts with 1 then " + y;
			case [x, y]: "pair " + (x + y);
			case [_, _, z]: "triple ending " + z;
			case _: "long " + a.length;
		}

	static function obj(o:{name:String, age:Int}):String
		return switch o {
			case {name: "root"}: "admin";
			case {age: a} if (a < 18): "minor " + o.name;
			case {name: n, age: a}: n + "/" + a;
		}

	static function area(s:Shape):Float
		return switch s {
			case Circle(r): 3 * r * r;
			case Rect(w, h) | Rect(h, w) if (w == h): w * w;
			case Rect(w, h): w * h;
			case Group([]): 0;
			case Group([one]): area(one);
			case Group(items): {
					var t = 0.0;
					for (i in items)
						t += area(i);
					t;
				}
		}

	static function nested(v:Null<Shape>):String
		return switch v {
			case null: "null";
			case Group([Circle(_), Circle(_)]): "two circles";
			case Group([Rect(1, _), _]): "starts with unit rect";
			case Group(_.length => n): "group of " + n;
			case Circle(_ * 2 => d): "diameter " + d;
			case other: Type.enumConstructor(other);
		}

	static function tuple(a:Int, b:Bool):String
		return switch [a, b] {
			case [0, true]: "zero-true";
			case [_, false]: "false";
			case [n, true]: "n-true " + n;
		}

	static function main() {
		for (i in [0, 2, -5, 10, 7])
			Sys.println(classify(i));
		for (w in ["one", "three", "drei", "four"])
			Sys.println(word(w));
		for (a in [[], [4], [1, 5], [2, 5], [1, 2, 3], [1, 2, 3, 4]])
			Sys.println(arr(a));
		Sys.println(obj({name: "root", age: 50}));
		Sys.println(obj({name: "kid", age: 10}));
		Sys.println(obj({name: "ann", age: 30}));
		Sys.println(area(Circle(2)));
		Sys.println(area(Rect(3, 3)));
		Sys.println(area(Rect(2, 5)));
		Sys.println(area(Group([Circle(1), Rect(1, 2), Group([])])));
		Sys.println(nested(null));
		Sys.println(nested(Group([Circle(1), Circle(2)])));
		Sys.println(nested(Group([Rect(1, 9), Circle(2)])));
		Sys.println(nested(Group([Circle(1)])));
		Sys.println(nested(Circle(1.25)));
		Sys.println(nested(Rect(1, 1)));
		Sys.println(tuple(0, true) + " " + tuple(3, false) + " " + tuple(4, true));
		var v:Dynamic = 5;
		var r = switch (v : Int) {
			case 5: "five";
			default: "other";
		}
		Sys.println(r);
	}
}
