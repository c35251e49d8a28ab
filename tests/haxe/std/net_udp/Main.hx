// Covers: sys.net.UdpSocket on localhost in one thread: bind (port 0), sendTo/readFrom with
// sys.net.Address (host, port, getHost, compare, clone), datagram boundaries kept, an empty
// datagram (reading it raises haxe.io.Eof, as in HashLink), setTimeout on a UDP read (raises
// haxe.io.Error.Blocked, as in HashLink), Socket.select on UDP sockets, close. No port number is
// printed.
import sys.net.Address;
import sys.net.Host;
import sys.net.UdpSocket;
import haxe.io.Bytes;

class Main {
	static function main() {
		var a = new UdpSocket();
		var b = new UdpSocket();
		var lo = new Host("127.0.0.1");
		a.bind(lo, 0);
		b.bind(lo, 0);
		var aPort = a.host().port, bPort = b.host().port;
		Sys.println('ports differ: ${aPort != bPort}');


		var to = new Address();
		to.host = lo.ip;
		to.port = bPort;
		Sys.println('address host ${to.getHost().toString()} clone equal: ${to.compare(to.clone()) == 0}');
		var msgs = ["first", "second datagram", "", "ünïcödé 😀"];
		for (m in msgs) {
			var d = Bytes.ofString(m);
			var n = a.sendTo(d, 0, d.length, to);
			Sys.println('sent $n bytes');
		}
		var r = sys.net.Socket.select([a, b], [], [], 1.0);
		Sys.println('readable: ${r.read.length} is b: ${r.read[0] == b}');
		var buf = Bytes.alloc(100);
		var from = new Address();
		for (i in 0...msgs.length) {
			try {
				var n = b.readFrom(buf, 0, buf.length, from);
				Sys.println('got $n "${buf.getString(0, n)}" from a: ${from.port == aPort} ${from.getHost().toString()}');
			} catch (e:haxe.io.Eof) {
				Sys.println('empty datagram: Eof');
			}
		}
		// A datagram longer than the buffer is truncated to it.
		var d = Bytes.ofString("0123456789");
		b.sendTo(d, 0, 10, {var x = new Address(); x.host = lo.ip; x.port = aPort; x;});
		var small = Bytes.alloc(4);
		var n = a.readFrom(small, 0, 4, from);
		Sys.println('truncated $n "${small.toString()}" from b: ${from.port == bPort}');
		// Nothing left to read: the read times out.
		b.setTimeout(0.1);
		try {
			b.readFrom(buf, 0, buf.length, from);
			Sys.println("read?");
		} catch (e:Dynamic) {
			Sys.println('timeout: ${Std.string(e)}');
		}
		var other = new Address();
		other.host = lo.ip;
		other.port = aPort;
		Sys.println('compare differs: ${to.compare(other) != 0}');
		a.close();
		b.close();
	}
}
