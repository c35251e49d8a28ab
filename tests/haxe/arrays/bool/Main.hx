// Covers: Array<Bool> (boxed elements in HashLink's ArrayObj), default of holes (null when
// written past the end), toggling, counting.
class Main {
	static function main() {
		var flags = [true, false, false];
		flags.push(true);
		flags[1] = !flags[1];
		var n = 0;
		for (f in flags)
			if (f)
				n++;
		Sys.println(flags + " " + n);
		var sparse:Array<Bool> = [];
		sparse[2] = true;
		Sys.println(sparse);
		Sys.println(flags.indexOf(false) + " " + flags.contains(false));
		Sys.println(flags.filter(f -> f).length);
	}
}
