// Covers: switch on Int (dense and sparse case values, compiled to jump tables), negative and
// large case values, switch on Float and Bool and on enum indexes, switch with side effects in
// the subject, switch without default yielding no value.
class Main {
	static var evals = 0;

	static function subject(v:Int) {
		evals++;
		return v;
	}

	static function dense(i:Int):String
		return switch i {
			case 0: "a";
			case 1: "b";
			case 2: "c";
			case 3: "d";
			case 4: "e";
			case 5: "f";
			default: "?";
		}

	static function sparse(i:Int):Int
		return switch i {
			case -100: 1;
			case 7: 2;
			case 1000000: 3;
			case 0x7FFFFFFF: 4;
			case -2147483648: 5;
			default: 0;
		}

	static function main() {
		Sys.println([for (i in -2...8) dense(i)].join(""));
		Sys.println([for (v in [-100, 7, 1000000, 2147483647, -2147483648, 8]) sparse(v)].join(""));
		Sys.println((switch subject(3) {
			case 1: "one";
			case 3: "three";
			default: "?";
		}) + " evals=" + evals);
		var f = 2.5;
		Sys.println(switch f {
			case 2.5: "two and a half";
			default: "other";
		});
		var b = true;
		Sys.println(switch b {
			case true: "T";
			case false: "F";
		});
		var hits = 0;
		for (i in 0...10)
			switch i {
				case 2 | 4 | 6:
					hits += 10;
				case 9:
					hits += 1;
				case _:
			}
		Sys.println(hits);
	}
}
