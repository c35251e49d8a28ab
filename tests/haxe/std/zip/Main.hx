// Covers: haxe.zip.Compress / Uncompress (zlib through the 'fmt' natives): round trips at
// several levels, compressed size smaller for repetitive data, Uncompress of a known zlib
// stream, haxe.zip.Writer / Reader of an in-memory zip archive.
class Main {
	static function main() {
		var text = [for (i in 0...200) "line " + (i % 10)].join("\n");
		var data = haxe.io.Bytes.ofString(text);
		for (level in [0, 1, 9]) {
			var c = haxe.zip.Compress.run(data, level);
			var u = haxe.zip.Uncompress.run(c);
			Sys.println(level + " " + (u.toString() == text) + " " + (level == 0 ? c.length > data.length : c.length < data.length / 5));
		}
		var known = haxe.io.Bytes.ofHex("789ccb48cdc9c95728cf2fca4901001a0b045d");
		Sys.println(haxe.zip.Uncompress.run(known).toString());
		var entries = new haxe.ds.List<haxe.zip.Entry>();
		var content = haxe.io.Bytes.ofString("zip content é");
		entries.add({
			fileName: "a.txt",
			fileSize: content.length,
			fileTime: new Date(2020, 0, 1, 0, 0, 0),
			compressed: false,
			dataSize: content.length,
			data: content,
			crc32: haxe.crypto.Crc32.make(content)
		});
		var out = new haxe.io.BytesOutput();
		new haxe.zip.Writer(out).write(entries);
		var zipped = out.getBytes();
		var read = haxe.zip.Reader.readZip(new haxe.io.BytesInput(zipped));
		for (e in read)
			Sys.println(e.fileName + " " + e.fileSize + " " + haxe.zip.Reader.unzip(e).toString());
	}
}
