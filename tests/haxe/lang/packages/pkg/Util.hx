package pkg;

class Util {
	public static function twice(x:Int)
		return x * 2;

	public static function hello() {
		trace("from util");
	}
}

class Helper {
	public var id = "helper";

	public function new() {}
}
