// Covers: sys.io.File: saveContent/getContent (UTF-8), saveBytes/getBytes, append, write/read
// streams (FileOutput/FileInput: writeString, readLine, readAll, seek/tell, eof), copy; the
// program runs in a fresh temporary directory.
import sys.io.File;

class Main {
	static function main() {
		File.saveContent("a.txt", "héllo\nworld\n");
		Sys.println(File.getContent("a.txt"));
		var app = File.append("a.txt");
		app.writeString("more\n");
		app.close();
		var inp = File.read("a.txt");
		var lines = [];
		try {
			while (true)
				lines.push(inp.readLine());
		} catch (e:haxe.io.Eof) {}
		inp.close();
		Sys.println(lines);
		var out = File.write("b.bin");
		out.writeByte(1);
		out.writeInt32(0x01020304);
		out.writeString("xyz");
		Sys.println(out.tell());
		out.close();
		var b = File.getBytes("b.bin");
		Sys.println(b.length + " " + b.toHex());
		var r = File.read("b.bin");
		r.seek(5, SeekBegin);
		Sys.println(r.readString(3) + " " + r.tell());
		r.seek(-4, SeekEnd);
		Sys.println(r.readByte() + " " + r.eof());
		r.close();
		File.copy("a.txt", "c.txt");
		Sys.println(File.getContent("c.txt").length);
		File.saveBytes("d.bin", haxe.io.Bytes.ofHex("deadbeef"));
		Sys.println(File.getBytes("d.bin").toHex());
		try {
			File.getContent("missing.txt");
		} catch (e:Dynamic) {
			Sys.println("missing file error");
		}
	}
}
