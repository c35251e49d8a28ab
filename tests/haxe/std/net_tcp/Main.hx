// Covers: sys.net.Socket over localhost in one thread (connect completes through the listen
// backlog before accept): bind (port 0), listen, accept, connect, host()/peer(), input/output
// (writeString, readLine, readFullBytes, writeInt32/readInt32, flush), setTimeout (a read that
// times out raises haxe.io.Error.Blocked, as in HashLink), setBlocking false (a read raises
// Blocked), setFastSend, Socket.select (which sockets are readable), shutdown
// (write side: the peer reads Eof), close; sys.net.Host (ip of "127.0.0.1", toString, an
// unresolvable host raises). Only stable facts are printed (no port numbers).
import sys.net.Host;
import sys.net.Socket;

class Main {
	static function main() {
		var h = new Host("127.0.0.1");
		Sys.println('host ${h.host} ${h.toString()} ip=${StringTools.hex(h.ip, 8)}');
		try {
			new Host("no-such-host.invalid");
			Sys.println("resolved?");
		} catch (e:Dynamic) {
			Sys.println('bad host: ${Std.string(e)}');
		}
		var server = new Socket();
		server.bind(new Host("127.0.0.1"), 0);
		server.listen(4);
		var port = server.host().port;
		Sys.println('bound port>0: ${port > 0} host ${server.host().host}');

		var client = new Socket();
		client.connect(new Host("127.0.0.1"), port);
		client.setFastSend(true);
		var conn = server.accept();
		Sys.println('peer matches client: ${conn.peer().port == client.host().port} ${conn.peer().host}');
		Sys.println('client peer is server: ${client.peer().port == port}');

		// Nothing to read yet: select says so; after a write the server side is readable.
		var r = Socket.select([conn, server], [], [], 0.05);
		Sys.println('readable before write: ${r.read.length}');
		client.output.writeString("hello\nworld\n");
		client.output.writeInt32(0x12345678);
		client.output.writeString("héllo 😀\n");
		client.output.flush();
		r = Socket.select([conn, server], [client], [], 1.0);
		Sys.println('readable after write: ${r.read.length} (conn: ${r.read[0] == conn}) writable: ${r.write.length}');
		Sys.println('line1 ' + conn.input.readLine());
		Sys.println('line2 ' + conn.input.readLine());
		Sys.println('int ' + StringTools.hex(conn.input.readInt32()));
		Sys.println('line3 ' + conn.input.readLine());

		// Reply with bytes, read them back exactly.
		var b = haxe.io.Bytes.ofString("0123456789");
		conn.output.writeBytes(b, 2, 5);
		var got = haxe.io.Bytes.alloc(5);
		client.input.readFullBytes(got, 0, 5);
		Sys.println('bytes ' + got.toString());

		// A read with nothing available times out.
		client.setTimeout(0.1);
		try {
			client.input.readByte();
			Sys.println("read?");
		} catch (e:Dynamic) {
			Sys.println('timeout: ${Std.string(e)}');
		}
		// Non-blocking read with nothing available.
		conn.setBlocking(false);
		try {
			conn.input.readByte();
			Sys.println("read?");
		} catch (e:Dynamic) {
			Sys.println('non-blocking: ${Std.string(e)}');
		}
		conn.setBlocking(true);

		// Shutting down the write side: the peer reads what was sent, then Eof.
		client.output.writeString("last");
		client.shutdown(false, true);
		var rest = conn.input.readAll().toString();
		Sys.println('after shutdown: "$rest"');
		try {
			conn.input.readByte();
			Sys.println("read?");
		} catch (e:haxe.io.Eof) {
			Sys.println("eof again");
		}
		conn.output.writeString("still open\n");
		Sys.println('reverse direction: ' + client.input.readLine());
		conn.close();
		try {
			Sys.println('after peer close: ' + client.input.readLine());
		} catch (e:haxe.io.Eof) {
			Sys.println("eof after peer close");
		}
		client.close();
		server.close();

		// Connecting to a closed port fails.
		var s = new Socket();
		try {
			s.connect(new Host("127.0.0.1"), port);
			Sys.println("connected?");
		} catch (e:Dynamic) {
			Sys.println('refused: ' + StringTools.replace(Std.string(e), ":" + port, ":PORT"));
		}
		s.close();
	}
}
