// Covers: Sys.time (seconds since the epoch, after 2020), Sys.cpuTime (non-negative, grows with
// work), haxe.Timer.stamp monotonic, Sys.sleep short pause. Only relations are printed.
class Main {
	static function main() {
		var t = Sys.time();
		Sys.println(t > 1577836800);
		var c0 = Sys.cpuTime();
		var x = 0.0;
		for (i in 0...3000000)
			x += Math.sqrt(i);
		var c1 = Sys.cpuTime();
		Sys.println(c0 >= 0 && c1 >= c0);
		var s0 = haxe.Timer.stamp();
		Sys.sleep(0.02);
		var s1 = haxe.Timer.stamp();
		Sys.println(s1 - s0 >= 0.015);
		Sys.println(Sys.time() >= t);
		Sys.println(x > 0);
	}
}
