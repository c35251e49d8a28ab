// Covers: structural types with method fields (HashLink virtuals with method slots): a class
// instance passed where a typedef with methods is expected, calling through the view, a view of
// an anonymous object holding closures, views of different shapes of the same object, field
// writes through a view visible on the object, a method view of a subclass override.
typedef Speaker = {
	function speak():String;
	var name:String;
}

typedef Named = {
	var name:String;
}

class Dog {
	public var name:String;
	public var age = 3;

	public function new(n)
		name = n;

	public function speak()
		return name + " says woof";
}

class Puppy extends Dog {
	override public function speak()
		return name + " says yip";
}

class Main {
	static function talk(s:Speaker)
		return s.speak() + " (" + s.name + ")";

	static function rename(n:Named, v:String)
		n.name = v;

	static function main() {
		var d = new Dog("rex");
		Sys.println(talk(d));
		Sys.println(talk(new Puppy("bit")));
		var anon:Speaker = {name: "robot", speak: () -> "beep"};
		Sys.println(talk(anon));
		rename(d, "max");
		Sys.println(d.name + " " + talk(d));
		var n:Named = d;
		var s:Speaker = d;
		n.name = "both";
		Sys.println(s.name + " " + d.name);
		var views:Array<Speaker> = [d, anon, new Puppy("p")];
		Sys.println([for (v in views) v.speak()].join("; "));
		var sp:{function speak():String;} = s;
		Sys.println(sp.speak());
	}
}
