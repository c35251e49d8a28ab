// Covers: a program that links sys.ssl (here sys.ssl.Socket, never connected) starts and runs:
// sys.ssl.Lib's static initialiser calls the ssl_init native at startup. Fiberus has no TLS yet
// (hxrt/hx_n_ssl.c defines only ssl_init); the HashLink reference ran with its ssl.hdll.
class Main {
	static function main() {
		Sys.println("start");
		if (Sys.args().length > 100) {
			var s = new sys.ssl.Socket();
			s.connect(new sys.net.Host("localhost"), 443);
		}
		var t = Type.resolveClass("sys.ssl.Socket");
		Sys.println("sys.ssl.Socket linked: " + (t != null));
	}
}
