// Covers: haxe.xml.Parser in strict and lax mode (unclosed tags, mismatched end tags, bad
// attributes, unknown entities, "<" in text, an empty document) with HashLink's error messages and
// positions; entities (&amp; &lt; &#65; &#x1F600; astral text), DOCTYPE and processing
// instructions kept by the printer, haxe.xml.Printer pretty and compact; and zlib through
// hl.Format's natives beyond Compress.run: streaming haxe.zip.Compress.execute with
// setFlushMode (SYNC, FULL, FINISH) over chunks, Uncompress.execute over chunks with its
// read/write counts, empty input, invalid compressed data (error as HashLink raises it), the
// pure-Haxe haxe.zip.InflateImpl on the natives' output, and haxe.crypto.Crc32.make.
import haxe.io.Bytes;
import haxe.zip.FlushMode;

class Main {
	static function parse(label:String, s:String, strict:Bool) {
		try {
			var x = haxe.xml.Parser.parse(s, strict);
			Sys.println('$label: ${haxe.xml.Printer.print(x)}');
		} catch (e:haxe.xml.Parser.XmlParserException) {
			Sys.println('$label: error "${e.message}" line ${e.lineNumber} pos ${e.positionAtLine} at ${e.position}');
		} catch (e:Dynamic) {
			Sys.println('$label: error ${Std.string(e)}');
		}
	}

	static function main() {
		for (strict in [true, false]) {
			Sys.println('-- strict $strict');
			parse("unclosed", "<a><b></a>", strict);
			parse("mismatched", "<a></b>", strict);
			parse("bad attribute", "<a x=1/>", strict);
			parse("duplicate attribute", "<a x='1' x='2'/>", strict);
			parse("unknown entity", "<a>&nope;</a>", strict);
			parse("lt in text", "<a>1 < 2</a>", strict);
			parse("empty", "", strict);
			parse("text only", "just text", strict);
			parse("two roots", "<a/><b/>", strict);
			parse("multiline", "<a>\n<b>\n</c>\n</a>", strict);
		}
		parse("entities", "<a t=\"&quot;x&apos;\">&amp;&lt;&gt;&#65;&#x1F600;😀</a>", true);
		var doc = Xml.parse("<?xml version=\"1.0\"?><!DOCTYPE html><root a=\"1\"><!-- c --><![CDATA[<raw>]]><x/></root>");
		Sys.println(haxe.xml.Printer.print(doc));
		Sys.println(haxe.xml.Printer.print(doc, true));
		var f = doc.firstElement();
		Sys.println('nodeType ${doc.nodeType} ${f.nodeType} children ${[for (c in f) Std.string(c.nodeType)].join(",")}');

		// Streaming compression.
		var text = new StringBuf();
		for (i in 0...2000) text.add('line $i of some repetitive text\n');
		var src = Bytes.ofString(text.toString());
		var c = new haxe.zip.Compress(6);
		var out = new haxe.io.BytesOutput();
		var buf = Bytes.alloc(4096);
		var pos = 0;
		var chunk = 10000;
		while (pos < src.length) {
			var n = Std.int(Math.min(chunk, src.length - pos));
			var part = src.sub(pos, n);
			var last = pos + n >= src.length;
			c.setFlushMode(last ? FlushMode.FINISH : (pos == 0 ? FlushMode.SYNC : FlushMode.FULL));
			var p = 0;
			while (true) {
				var r = c.execute(part, p, buf, 0);
				out.writeBytes(buf, 0, r.write);
				p += r.read;
				if (r.done || (p >= part.length && r.write < buf.length)) break;
			}
			pos += n;
		}
		c.close();
		var packed = out.getBytes();
		Sys.println('streamed compressed smaller ${packed.length < src.length / 5}');
		var back = haxe.zip.Uncompress.run(packed);
		Sys.println('round trip ${back.length} ${back.compare(src) == 0}');

		var u = new haxe.zip.Uncompress();
		var uo = new haxe.io.BytesOutput();
		var ip = 0;
		var steps = 0;
		while (true) {
			var r = u.execute(packed, ip, buf, 0);
			uo.writeBytes(buf, 0, r.write);
			ip += r.read;
			steps++;
			if (r.done) break;
			if (r.read == 0 && r.write == 0) break;
		}
		u.close();
		Sys.println('chunked uncompress ${uo.length} equal ${uo.getBytes().compare(src) == 0} consumed all ${ip == packed.length} several steps ${steps > 1}');

		var empty = haxe.zip.Compress.run(Bytes.alloc(0), 9);
		Sys.println('empty compressed ${empty.toHex()} back ${haxe.zip.Uncompress.run(empty).length}');
		try {
			haxe.zip.Uncompress.run(Bytes.ofString("not zlib data at all"));
			Sys.println("uncompressed?");
		} catch (e:Dynamic) {
			Sys.println('invalid data: ${Std.string(e)}');
		}
		// The pure-Haxe inflater on what the zlib natives produced.
		var z = haxe.zip.Compress.run(Bytes.ofString("inflate é 😀 " + text.toString().substr(0, 300)), 9);
		var inflated = haxe.zip.InflateImpl.run(new haxe.io.BytesInput(z));
		Sys.println('InflateImpl "${inflated.toString().substr(0, 30)}" ${inflated.length}');
		Sys.println('crc32 ${StringTools.hex(haxe.crypto.Crc32.make(Bytes.ofString("The quick brown fox")), 8)} empty ${haxe.crypto.Crc32.make(Bytes.alloc(0))}');
	}
}
