// Covers: haxe.ds.Option (Some/None) and haxe.ds.Either (Left/Right) in functions and pattern
// matching, haxe.ds.ReadOnlyArray, haxe.ds.IntMap/StringMap direct use is covered in maps/.
import haxe.ds.Option;
import haxe.ds.Either;

class Main {
	static function find(a:Array<Int>, p:Int->Bool):Option<Int> {
		for (x in a)
			if (p(x))
				return Some(x);
		return None;
	}

	static function parse(s:String):Either<String, Int> {
		var v = Std.parseInt(s);
		return v == null ? Left("bad: " + s) : Right(v);
	}

	static function total(a:haxe.ds.ReadOnlyArray<Int>):Int {
		var s = 0;
		for (x in a)
			s += x;
		return s;
	}

	static function main() {
		Sys.println(find([1, 5, 8], x -> x > 4));
		Sys.println(find([1], x -> x > 4));
		switch find([3, 6], x -> x % 2 == 0) {
			case Some(v):
				Sys.println("found " + v);
			case None:
				Sys.println("none");
		}
		for (s in ["12", "x"])
			switch parse(s) {
				case Left(msg):
					Sys.println(msg);
				case Right(v):
					Sys.println(v + 1);
			}
		Sys.println(total([1, 2, 3]));
	}
}
