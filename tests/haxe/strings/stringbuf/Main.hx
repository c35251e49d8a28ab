// Covers: StringBuf: add of strings, ints, floats, bools, null, objects; addChar; addSub with
// and without length; length; toString called twice; building a large string in a loop.
class P {
	public function new() {}

	public function toString()
		return "<P>";
}

class Main {
	static function main() {
		var b = new StringBuf();
		b.add("x");
		b.add(1);
		b.add(2.5);
		b.add(true);
		b.add(null);
		b.add(new P());
		b.add([1, 2]);
		b.addChar(65);
		b.addChar(0x263A);
		b.addSub("abcdef", 2);
		b.addSub("abcdef", 1, 3);
		Sys.println(b.toString());
		Sys.println(b.length);
		Sys.println(b.toString() == b.toString());
		var big = new StringBuf();
		for (i in 0...10000)
			big.add(i % 10);
		var s = big.toString();
		Sys.println(s.length + " " + s.substr(0, 12) + " " + s.substr(9990));
		var empty = new StringBuf();
		Sys.println("[" + empty.toString() + "]" + empty.length);
	}
}
