// Covers: garbage collection with closures and enums: closures capturing fresh objects created in
// loops, enum values with object parameters, Dynamic boxes of numbers, kept and dropped.
enum Msg {
	Data(a:Array<Int>);
	Text(s:String);
}

class Main {
	static function main() {
		var fs:Array<Void->Int> = [];
		for (i in 0...5000) {
			var box = [i, i * 2];
			var f = () -> box[0] + box[1];
			if (i % 100 == 0)
				fs.push(f);
		}
		var s = 0;
		for (f in fs)
			s += f();
		Sys.println(fs.length + " " + s);
		var msgs = [];
		for (i in 0...20000) {
			var m = i % 2 == 0 ? Data([i]) : Text("t" + i);
			if (i % 1000 == 1)
				msgs.push(m);
		}
		Sys.println(msgs.length + " " + msgs[3]);
		var dyns:Array<Dynamic> = [];
		for (i in 0...30000) {
			var d:Dynamic = i * 0.5;
			if (i % 3000 == 0)
				dyns.push(d);
		}
		Sys.println(dyns);
	}
}
