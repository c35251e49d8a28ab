// Covers: a class instance seen through an anonymous structure type whose fields are the class's
// methods (HashLink virtual with fun-typed fields, built by OToVirtual): calling the methods
// through the structure, reading them as closures, an untyped lambda parameter inferred as such a
// structure (`function(x) return x.name()`), and a structure mixing a var field and a method.
class Person {
	public var age:Int;
	var first:String;

	public function new(first:String, age:Int) {
		this.first = first;
		this.age = age;
	}

	public function name():String
		return first;

	public function greet(other:String):String
		return first + " greets " + other;

	public function older(years:Int):Int
		return age + years;
}

typedef Named = {
	function name():String;
	function greet(other:String):String;
}

typedef Aged = {
	var age:Int;
	function older(years:Int):Int;
}

class Main {
	static function describe(n:Named):String
		return n.name() + " / " + n.greet("Bob");

	static function main() {
		var p = new Person("Ann", 30);
		Sys.println(describe(p));
		var a:Aged = p;
		Sys.println(a.age + " " + a.older(5));
		p.age = 31;
		Sys.println(a.age + " " + a.older(1));
		var n:Named = p;
		var f = n.greet;
		Sys.println(f("Cid"));
		var g = function(x) return "[" + x.name() + "]";
		Sys.println(g(p));
		var people = [new Person("Dee", 1), new Person("Eve", 2)];
		Sys.println(people.map(function(x) return x.name() + x.older(10)).join(","));
		var named:Array<Named> = [p, people[0]];
		Sys.println([for (x in named) x.name()].join(" "));
	}
}
