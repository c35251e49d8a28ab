// Covers: garbage collection with deep object graphs: binary trees built and dropped repeatedly
// (binary-trees benchmark shape, small depth), one long-lived tree checked at the end.
class T {
	public var l:T;
	public var r:T;

	public function new(l, r) {
		this.l = l;
		this.r = r;
	}

	public function check():Int
		return l == null ? 1 : 1 + l.check() + r.check();
}

class Main {
	static function make(d:Int):T
		return d == 0 ? new T(null, null) : new T(make(d - 1), make(d - 1));

	static function main() {
		var long = make(12);
		var acc = 0;
		for (d in [4, 6, 8, 10])
			for (i in 0...(1 << (12 - d)))
				acc += make(d).check();
		Sys.println(acc);
		Sys.println(long.check());
	}
}
