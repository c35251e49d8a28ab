// Covers: if/else chains, while and do-while, break and continue in nested loops, switch on
// Int and String with fallthrough-free semantics, ternaries, blocks as expressions, early
// returns, short-circuit && and || with side effects.
class Main {
	static var log = [];

	static function t(s:String, v:Bool) {
		log.push(s);
		return v;
	}

	static function grade(s:Int):String {
		if (s >= 90)
			return "A";
		else if (s >= 80)
			return "B";
		else if (s >= 70)
			return "C";
		return "F";
	}

	static function main() {
		Sys.println([95, 85, 75, 10].map(grade).join(""));
		var i = 0;
		var s = 0;
		while (i < 10) {
			i++;
			if (i == 3)
				continue;
			if (i == 8)
				break;
			s += i;
		}
		Sys.println(s);
		var j = 100;
		do {
			j++;
		} while (j < 50);
		Sys.println(j);
		var found = -1;
		for (a in 0...10) {
			for (b in 0...10) {
				if (a * b == 42) {
					found = a * 100 + b;
					break;
				}
			}
			if (found >= 0)
				break;
		}
		Sys.println(found);
		var x = {
			var t = 5;
			t * t;
		};
		Sys.println(x);
		if (t("a", false) && t("b", true))
			Sys.println("no");
		if (t("c", true) || t("d", true))
			Sys.println("yes");
		Sys.println(log.join(""));
		var k = 0;
		var v = switch k {
			case 0: "zero";
			default: "other";
		}
		Sys.println(v);
		var count = 0;
		while (true) {
			if (++count >= 5)
				break;
		}
		Sys.println(count);
		var str = "b";
		switch str {
			case "a":
				Sys.println("is a");
			case "b":
				Sys.println("is b");
			default:
				Sys.println("other");
		}
		var n = 27, steps = 0;
		while (n != 1) {
			n = n % 2 == 0 ? Std.int(n / 2) : 3 * n + 1;
			steps++;
		}
		Sys.println(steps);
	}
}
