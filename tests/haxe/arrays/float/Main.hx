// Covers: Array<Float> (HashLink hl.types.ArrayBytes_Float): push, indexing, sort, map to Int,
// join and printing of floats (%.15g per element), holes filled with 0 when written past the end.
class Main {
// HashLink rules: Float elements print with %.15g; holes read 0; Std.int(1e10) = -2147483648.
	static function main() {
		var a = [1.5, -0.25, 3.0, 1e10, 0.1 + 0.2];
		Sys.println(a);
		a.push(2);
		a.sort(Reflect.compare);
		Sys.println(a);
		var sum = 0.0;
		for (v in a)
			sum += v;
		Sys.println(sum);
		Sys.println(a.map(x -> Std.int(x)));
		Sys.println(a.indexOf(3) + " " + a.indexOf(3.5));
		var b:Array<Float> = [];
		b[2] = 7.5;
		Sys.println(b + " " + b.length);
		Sys.println(a.slice(1, 3).concat([9.75]));
		Sys.println([Math.NaN, Math.POSITIVE_INFINITY].toString());
		Sys.println(a.pop() + " " + a.shift());
		a.insert(0, 0.5);
		Sys.println(a.join("|"));
	}
}
