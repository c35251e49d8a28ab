// Covers: string concatenation with every kind of operand (Int, Float, Bool, null, objects,
// arrays, enums, Dynamic), += on strings, concatenation inside loops, chained + mixing numbers
// (left-to-right evaluation: 1 + 2 + "a" = "3a").
enum Sym {
	S(x:Int);
}

class Main {
	static function main() {
		var s = "a";
		s += 1;
		s += 2.5;
		s += true;
		s += null;
		s += [1, 2];
		s += S(3);
		Sys.println(s);
		Sys.println(1 + 2 + "a" + 1 + 2);
		Sys.println("x" + (1 + 2));
		var acc = "";
		for (i in 0...5)
			acc += i + ",";
		Sys.println(acc);
		var d:Dynamic = 1.5;
		Sys.println("d:" + d);
		var parts = [];
		for (i in 0...3)
			parts.push("p" + i);
		Sys.println(parts.join("") + parts.length);
		var f = 0.1;
		Sys.println("f" + f * 3);
		Sys.println("" + 1e100);
		var c = 'c';
		Sys.println(c + c + c);
	}
}
