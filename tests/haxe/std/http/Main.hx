// Covers: haxe.Http (sys.Http) over plain TCP against a tiny HTTP/1.1 server: the program binds a
// listening socket, starts itself as a child process (sys.io.Process on Sys.programPath, or on
// the hl binary with the .hl file) that makes the requests while the parent serves them one by
// one. Client side: request() GET with a custom header and URL parameters (setParameter),
// responseHeaders, onStatus/onData/onError ("Http Error #404" and its status), POST with
// setPostData (Content-Length), Http.requestUrl. Server side: the request
// lines and chosen headers as the server received them. No port number is printed.
import sys.net.Host;
import sys.net.Socket;

class Main {
	static function main() {
		var args = Sys.args();
		if (args.length > 0 && args[args.length - 2] == "client") client(Std.parseInt(args[args.length - 1]));
		else server();
	}

	static function server() {
		var s = new Socket();
		s.bind(new Host("127.0.0.1"), 0);
		s.listen(8);
		var port = s.host().port;
		var self = Sys.programPath();
		var exe = Sys.executablePath();
		var p = new sys.io.Process(exe, self == exe ? ["client", '$port'] : [self, "client", '$port']);
		for (i in 0...4) {
			var c = s.accept();
			var line = c.input.readLine();
			Sys.println('server got: $line');
			var len = 0;
			while (true) {
				var h = c.input.readLine();
				if (h == "") break;
				var k = h.substr(0, h.indexOf(":")).toLowerCase();
				var v = StringTools.trim(h.substr(h.indexOf(":") + 1));
				if (k == "content-length") len = Std.parseInt(v);
				if (k == "x-test" || k == "content-length" || k == "content-type") Sys.println('  header $k: $v');
			}
			var body = len > 0 ? c.input.read(len).toString() : "";
			if (len > 0) Sys.println('  body: $body');
			var path = line.split(" ")[1];
			var status = path.indexOf("/missing") == 0 ? "404 Not Found" : "200 OK";
			var reply = 'you asked for $path' + (len > 0 ? ' with ${body.length} chars' : "") + " ✓";
			var bytes = haxe.io.Bytes.ofString(reply);
			c.output.writeString('HTTP/1.1 $status\r\nContent-Type: text/plain; charset=utf-8\r\nX-Reply: yes\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n');
			c.output.write(bytes);
			c.output.flush();
			c.close();
		}
		s.close();
		var out = p.stdout.readAll().toString();
		var code = p.exitCode();
		Sys.print(out);
		Sys.println('client exit $code');
	}

	static function client(port:Int) {
		var base = 'http://127.0.0.1:$port';
		var h = new haxe.Http('$base/hello');
		h.setHeader("X-Test", "abc");
		h.setParameter("q", "a b&c");
		h.setParameter("n", "1");
		h.onStatus = s -> Sys.println('status $s');
		h.onData = d -> Sys.println('data: $d');
		h.onError = e -> Sys.println('error: $e');
		h.request(false);
		Sys.println('reply header: ${h.responseHeaders.get("X-Reply")}');

		var p = new haxe.Http('$base/post');
		p.setPostData("name=value&x=ü");
		p.onStatus = s -> Sys.println('post status $s');
		p.onData = d -> Sys.println('post data: $d');
		p.onError = e -> Sys.println('post error: $e');
		p.request(true);

		var m = new haxe.Http('$base/missing');
		m.onStatus = s -> Sys.println('missing status $s');
		m.onData = d -> Sys.println('missing data: $d');
		m.onError = e -> Sys.println('missing error: $e, body: ${m.responseData}');
		m.request();

		Sys.println('requestUrl: ' + haxe.Http.requestUrl('$base/static'));
	}
}
