// Covers: Math.abs/min/max/sqrt/pow, constants PI/NaN/infinities, isNaN/isFinite, min/max with NaN,
// Math.random range (not values), Float comparisons with NaN.
// HashLink rule: Float printing is %.15g (Math.PI -> 3.14159265358979).
class Main {
	static function main() {
		Sys.println(Math.PI);
		Sys.println(Math.abs(-3.5) + " " + Math.abs(2));
		Sys.println(Math.min(1, 2) + " " + Math.max(-1.5, -2) + " " + Math.min(3, Math.NaN) + " " + Math.max(Math.NaN, 1));
		Sys.println(Math.sqrt(2) + " " + Math.sqrt(-1) + " " + Math.pow(2, 10) + " " + Math.pow(2, 0.5) + " " + Math.pow(-8, 1 / 3));
		Sys.println(Math.isNaN(Math.NaN) + " " + Math.isNaN(1) + " " + Math.isFinite(1e308) + " " + Math.isFinite(Math.POSITIVE_INFINITY) + " " + Math.isFinite(Math.NaN));
		var nan = Math.NaN;
		Sys.println((nan == nan) + " " + (nan != nan) + " " + (nan < 1) + " " + (nan > 1));
		Sys.println(Math.POSITIVE_INFINITY > 1e308);
		Sys.println(Math.NEGATIVE_INFINITY + Math.POSITIVE_INFINITY);
		var ok = true;
		for (i in 0...1000) {
			var r = Math.random();
			if (r < 0 || r >= 1)
				ok = false;
		}
		Sys.println(ok);
		Sys.println(Math.pow(10, 15) + " " + Math.pow(10, 16) + " " + Math.pow(0, 0));
		Sys.println(Math.abs(-2147483648));
	}
}
