class Main {
	static function main() {
		var who = Sys.args().length > 0 ? Sys.args()[0] : "world";
		Sys.println('Hello, $who, from Fiberus!');
		trace("traces name the Haxe file and line");
	}
}
