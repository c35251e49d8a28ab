// Covers: StringBuf.add of every kind of value (String, null, Int at every length and sign with
// 0, -0, Int min and max, Float, Bool, Dynamic holding an Int or a String, UInt, objects with and
// without toString, arrays, enums, anonymous structures, class objects, functions), mixed with
// addSub (negative, past the end, null and zero lengths), addChar (astral, invalid, surrogates),
// length as it grows past several reallocations, toString twice, and Map.toString (which uses
// StringBuf's private __add). Fiberus's StringBuf (sdk/haxe/StringBuf.hl.hx) writes Ints and
// Strings itself; the output must equal HashLink's for everything.
enum Color {
	Red;
	Rgb(r:Int, g:Int, b:Int);
}

class Named {
	public var n:Int;

	public function new(n)
		this.n = n;

	public function toString()
		return 'Named($n)';
}

class Plain {
	public var x = 1;

	public function new() {}
}

class Main {
	static function main() {
		var b = new StringBuf();
		var ints = [0, 1, -1, 9, 10, -10, 99, 100, 12345, -98765, 1000000000, -1000000000, 2147483647, -2147483647, -2147483648];
		for (i in ints) {
			b.add(i);
			b.add(",");
		}
		Sys.println(b.toString());
		Sys.println(b.length);

		var b = new StringBuf();
		var d:Dynamic = 42;
		var ds:Dynamic = "dyn";
		var u:UInt = 0xFFFFFFFF;
		var nul:String = null;
		b.add(nul);
		b.add("|");
		b.add(1.5);
		b.add("|");
		b.add(-0.0);
		b.add("|");
		b.add(1e21);
		b.add("|");
		b.add(true);
		b.add(false);
		b.add("|");
		b.add(d);
		b.add(ds);
		b.add("|");
		b.add(u);
		b.add("|");
		b.add(new Named(7));
		b.add("|");
		b.add(new Plain());
		b.add("|");
		b.add([1, 2, 3]);
		b.add(["a", null]);
		b.add("|");
		b.add(Red);
		b.add(Rgb(1, 2, 3));
		b.add("|");
		b.add({a: 1});
		b.add("|");
		b.add(Main);
		b.add("|");
		b.add("é😀");
		Sys.println(b.toString());

		var b = new StringBuf();
		b.addSub("hello", 1);
		b.addSub("hello", 1, 2);
		b.addSub("hello", -3, 2);
		b.addSub("hello", 4, 10);
		b.addSub("hello", 5, 1);
		b.addSub("hello", 2, 0);
		b.addSub("hello", 2, -1);
		b.addSub("hello", 0, null);
		b.addChar(0x1F600);
		b.addChar(65);
		b.addChar(0xE9);
		Sys.println(b.toString() + " " + b.length);
		for (c in [0xD800, 0x110000, -1]) {
			try {
				b.addChar(c);
				Sys.println("no error for " + c);
			} catch (e:Dynamic) {
				Sys.println(e);
			}
		}
		Sys.println(b.toString() == b.toString());

		var big = new StringBuf();
		var lengths = [];
		for (i in 0...20000) {
			big.add(i - 10000);
			if (i % 5000 == 0)
				lengths.push(big.length);
		}
		var s = big.toString();
		Sys.println(lengths + " " + s.length + " " + s.substr(0, 30) + " ... " + s.substr(s.length - 20));

		var m = ["b" => 2, "a" => 1];
		Sys.println(m.toString().length);
		var im = [3 => "x"];
		Sys.println(im.toString());
	}
}
