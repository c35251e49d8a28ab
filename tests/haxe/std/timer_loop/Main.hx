// Covers: haxe.Timer.delay and haxe.MainLoop / event loop run after main returns: callbacks run
// in order of their delays, Timer.stop cancels; the program ends when no event is left.
class Main {
	static function main() {
		var order = [];
		haxe.Timer.delay(() -> {
			order.push("b");
			Sys.println(order.join(","));
		}, 40);
		haxe.Timer.delay(() -> order.push("a"), 10);
		var cancelled = haxe.Timer.delay(() -> order.push("never"), 20);
		cancelled.stop();
		Sys.println("main done");
	}
}
