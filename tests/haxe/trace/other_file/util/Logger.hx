package util;

class Logger {
	public static function log(s:String) {
		trace("logger " + s);
	}
}
