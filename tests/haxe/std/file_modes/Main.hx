// Covers: sys.io.FileInput/FileOutput positioning and modes: seek with SeekBegin/SeekCur/SeekEnd
// (and seeking past the end), tell after reads and writes, eof() (false until a read hits the end),
// readByte at the end raising haxe.io.Eof, readBytes returning a short count, File.update
// (overwrite in place without truncating, seek then write), File.append (tell starts at the end,
// writes go to the end, even after a seek), File.write truncating, binary vs text mode, writing
// past the end leaving a zero-filled hole, an empty file, and the errors of missing files
// (File.read, File.getContent, File.update on a missing directory) as HashLink reports them. Runs
// in a fresh temporary directory. HashLink rule: File.getContent stops at the first NUL byte.
import sys.io.File;
import sys.io.FileSeek;

class Main {
	static function dump(path:String):String return haxe.io.Bytes.ofString(File.getContent(path)).toHex();

	static function main() {
		File.saveContent("a.txt", "0123456789");
		var i = File.read("a.txt");
		Sys.println('start tell ${i.tell()} eof ${i.eof()}');
		i.seek(3, SeekBegin);
		Sys.println('seek 3: ${String.fromCharCode(i.readByte())} tell ${i.tell()}');
		i.seek(2, SeekCur);
		Sys.println('seek +2: ${String.fromCharCode(i.readByte())} tell ${i.tell()}');
		i.seek(-3, SeekCur);
		Sys.println('seek -3: ${String.fromCharCode(i.readByte())}');
		i.seek(-1, SeekEnd);
		Sys.println('seek end-1: ${String.fromCharCode(i.readByte())} tell ${i.tell()} eof ${i.eof()}');
		try {
			i.readByte();
			Sys.println("read?");
		} catch (e:haxe.io.Eof) {
			Sys.println('readByte at end: Eof, eof() ${i.eof()}');
		}
		i.seek(7, SeekBegin);
		var buf = haxe.io.Bytes.alloc(10);
		var n = i.readBytes(buf, 0, 10);
		Sys.println('short read $n "${buf.getString(0, n)}" tell ${i.tell()}');
		i.seek(20, SeekBegin);
		Sys.println('seek past end tell ${i.tell()}');
		try {
			i.readByte();
			Sys.println("read?");
		} catch (e:haxe.io.Eof) {
			Sys.println('read past end: Eof');
		}
		i.close();

		// update: in place, no truncation.
		var u = File.update("a.txt");
		Sys.println('update tell ${u.tell()}');
		u.writeString("AB");
		u.seek(5, SeekBegin);
		u.writeString("xyz");
		Sys.println('update tell after ${u.tell()}');
		u.seek(0, SeekEnd);
		u.writeString("!");
		u.close();
		Sys.println('after update: ${File.getContent("a.txt")}');

		// append: writes go to the end.
		var a = File.append("a.txt");
		Sys.println('append tell ${a.tell()}');
		a.writeString("+1");
		a.seek(0, SeekBegin);
		a.writeString("+2");
		a.close();
		Sys.println('after append: ${File.getContent("a.txt")}');

		// write truncates; a hole past the end reads as zeros.
		var w = File.write("b.bin", true);
		w.writeByte(1);
		w.seek(4, SeekBegin);
		w.writeByte(2);
		Sys.println('write tell ${w.tell()}');
		w.close();
		Sys.println('hole: ${File.getBytes("b.bin").toHex()} as text ${dump("b.bin")}');
		var w2 = File.write("b.bin", false);
		w2.close();
		Sys.println('truncated size ${sys.FileSystem.stat("b.bin").size} content "${File.getContent("b.bin")}"');
		var e = File.read("b.bin");
		Sys.println('empty eof before read ${e.eof()}');
		try {
			e.readAll();
			Sys.println('empty readAll ok eof ${e.eof()}');
		} catch (x:Dynamic) {
			Sys.println('empty readAll: $x');
		}
		e.close();

		// Text mode does not translate on Linux.
		var t = File.write("c.txt", false);
		t.writeString("l1\r\nl2\n");
		t.close();
		var tb = File.getBytes("c.txt");
		Sys.println('text mode bytes ${tb.toHex()}');

		// Errors.
		for (f in ([() -> File.read("missing.txt"), () -> File.getContent("missing.txt"), () -> File.update("no/dir/x.txt"), () -> File.getBytes("")] : Array<() -> Dynamic>)) {
			try {
				f();
				Sys.println("opened?");
			} catch (x:Dynamic) {
				Sys.println('error: ${Std.string(x)}');
			}
		}
	}
}
