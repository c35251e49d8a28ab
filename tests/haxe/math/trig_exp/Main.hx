// Covers: Math.sin/cos/tan/asin/acos/atan/atan2/exp/log on typical values, printed with
// HashLink's %.15g rule (results equal the C library's to 15 significant digits).
class Main {
	static function main() {
		var xs = [0.0, 0.5, 1.0, -1.0, Math.PI / 6, Math.PI / 4, Math.PI];
		for (x in xs)
			Sys.println([Math.sin(x), Math.cos(x), Math.tan(x)].join(" "));
		Sys.println(Math.asin(0.5) + " " + Math.acos(0.5) + " " + Math.atan(1) + " " + Math.asin(2));
		Sys.println(Math.atan2(1, 1) + " " + Math.atan2(-1, -1) + " " + Math.atan2(0, -1) + " " + Math.atan2(1, 0));
		Sys.println(Math.exp(0) + " " + Math.exp(1) + " " + Math.exp(-2) + " " + Math.exp(1000));
		Sys.println(Math.log(1) + " " + Math.log(Math.exp(2)) + " " + Math.log(10) + " " + Math.log(0) + " " + Math.log(-1));
	}
}
