// Covers: enum abstracts over Int and String (values, switch exhaustiveness, conversions to the
// underlying type), fields and methods on enum abstracts.
enum abstract Level(Int) to Int {
	var Low = 1;
	var Mid = 5;
	var High = 10;

	public function next():Level
		return switch (cast this : Level) {
			case Low: Mid;
			case Mid: High;
			case High: High;
		}
}

enum abstract Method(String) from String to String {
	var Get = "GET";
	var Post = "POST";
	var Delete;
}

class Main {
	static function name(l:Level):String
		return switch l {
			case Low: "low";
			case Mid: "mid";
			case High: "high";
		}

	static function main() {
		var l = Low;
		Sys.println(name(l) + " " + (l : Int));
		l = l.next();
		Sys.println(name(l) + " " + (l : Int));
		Sys.println((High : Int) + (Mid : Int));
		var m:Method = Post;
		Sys.println(m);
		var raw:String = Delete;
		Sys.println(raw);
		var parsed:Method = "GET";
		Sys.println(parsed == Get);
		Sys.println(switch parsed {
			case Get: "is get";
			case _: "not get";
		});
		var levels = [High, Low, Mid];
		levels.sort((a, b) -> (a : Int) - (b : Int));
		Sys.println(levels);
	}
}
