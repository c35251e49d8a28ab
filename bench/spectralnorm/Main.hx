// Spectral-norm (benchmarks-game algorithm, single-threaded): the largest singular value of the
// infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2+i+1), by the power method on n x n.
// Usage: Main [n]   (default 4000). Prints the norm with 9 decimals.
import haxe.ds.Vector;

class Main {
	static inline function a(i:Int, j:Int):Float {
		return 1.0 / (((i + j) * (i + j + 1) >> 1) + i + 1);
	}

	static function multiplyAv(v:Vector<Float>, av:Vector<Float>) {
		var n = v.length;
		for (i in 0...n) {
			var sum = 0.0;
			for (j in 0...n)
				sum += a(i, j) * v[j];
			av[i] = sum;
		}
	}

	static function multiplyAtv(v:Vector<Float>, atv:Vector<Float>) {
		var n = v.length;
		for (i in 0...n) {
			var sum = 0.0;
			for (j in 0...n)
				sum += a(j, i) * v[j];
			atv[i] = sum;
		}
	}

	static function multiplyAtAv(v:Vector<Float>, out:Vector<Float>, tmp:Vector<Float>) {
		multiplyAv(v, tmp);
		multiplyAtv(tmp, out);
	}

	static function spectralNorm(n:Int):Float {
		var u = new Vector<Float>(n), v = new Vector<Float>(n), tmp = new Vector<Float>(n);
		for (i in 0...n) {
			u[i] = 1.0;
			v[i] = 0.0;
		}
		for (_ in 0...10) {
			multiplyAtAv(u, v, tmp);
			multiplyAtAv(v, u, tmp);
		}
		var vBv = 0.0, vv = 0.0;
		for (i in 0...n) {
			vBv += u[i] * v[i];
			vv += v[i] * v[i];
		}
		return Math.sqrt(vBv / vv);
	}

	// fixed formats x with `digits` decimals, like C's printf("%.*f").
	static function fixed(x:Float, digits:Int):String {
		var scale = 1.0;
		for (_ in 0...digits)
			scale *= 10;
		var neg = x < 0;
		var v = Math.fround(Math.abs(x) * scale);
		var ip = Math.ffloor(v / scale);
		var frac = Std.string(Std.int(v - ip * scale));
		while (frac.length < digits)
			frac = "0" + frac;
		return (neg ? "-" : "") + Std.int(ip) + "." + frac;
	}

	static function args():Array<String> {
		#if js
		return js.Syntax.code("process.argv.slice(2)");
		#else
		return Sys.args();
		#end
	}

	static function println(s:String) {
		#if js
		js.Syntax.code("console.log({0})", s);
		#else
		Sys.println(s);
		#end
	}

	static function main() {
		var args = args();
		var n = args.length > 0 ? Std.parseInt(args[0]) : 4000;
		println(fixed(spectralNorm(n), 9));
	}
}
