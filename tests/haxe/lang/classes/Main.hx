// Covers: classes, constructors, inheritance, super calls, overriding, static fields and methods,
// instance field defaults, toString used by trace/Std.string, class without toString printed by name.
// HashLink rule: uninitialised Int/Float/Bool fields of a class read as 0/0/false (static target;
// haxe --interp prints null for them).
class Animal {
	public var name:String;
	public var legs:Int;
	static public var count = 0;

	public function new(name:String, legs:Int) {
		this.name = name;
		this.legs = legs;
		count++;
	}

	public function speak():String {
		return "...";
	}

	public function describe():String {
		return name + " has " + legs + " legs and says " + speak();
	}

	public function toString():String {
		return "Animal(" + name + ")";
	}
}

class Dog extends Animal {
	public var tricks:Array<String> = [];

	public function new(name:String) {
		super(name, 4);
	}

	override public function speak():String {
		return "woof";
	}

	public function learn(t:String):Dog {
		tricks.push(t);
		return this;
	}
}

class Puppy extends Dog {
	override public function speak():String {
		return super.speak() + " (squeaky)";
	}

	override public function toString():String {
		return "Puppy:" + super.toString();
	}
}

class Plain {
	public var a:Int;
	public var b:Float;
	public var c:Bool;
	public var d:String;

	public function new() {}
}

class Main {
	static function main() {
		var a = new Animal("snake", 0);
		var d = new Dog("rex");
		var p = new Puppy("bit");
		var all:Array<Animal> = [a, d, p];
		for (x in all)
			Sys.println(x.describe());
		trace(a);
		trace(p);
		Sys.println(Std.string(d));
		Sys.println("count=" + Animal.count);
		d.learn("sit").learn("roll");
		Sys.println(d.tricks.join("+") + " " + d.tricks.length);
		var pl = new Plain();
		Sys.println(pl.a + " " + pl.b + " " + pl.c + " " + pl.d);
		Sys.println(Std.isOfType(p, Dog) + " " + Std.isOfType(d, Puppy) + " " + Std.isOfType(p, Animal));
		var asDog:Dog = Std.downcast(all[2], Dog);
		Sys.println(asDog != null);
		Sys.println(Std.downcast(all[0], Dog) == null);
		Sys.println(Type.getClassName(Type.getClass(pl)));
		Sys.println(Std.string(pl).indexOf("Plain") >= 0);
	}
}
