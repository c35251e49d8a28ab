// Mandelbrot (benchmarks-game algorithm, single-threaded): renders the set into a 1-bit bitmap
// (the bytes of a PBM image) with 50 iterations per pixel.
// Usage: Main [size]   (default 5000). Prints the image header, the number of set pixels and a
// hash of the bitmap instead of the bitmap itself.
import haxe.io.Bytes;

class Main {
	static function render(w:Int, h:Int):Bytes {
		var rowBytes = (w + 7) >> 3;
		var bits = Bytes.alloc(rowBytes * h);
		var limit = 4.0;
		for (y in 0...h) {
			var ci = 2.0 * y / h - 1.0;
			var byte = 0, bit = 0, pos = y * rowBytes;
			for (x in 0...w) {
				var cr = 2.0 * x / w - 1.5;
				var zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
				var i = 0;
				while (i < 50 && tr + ti <= limit) {
					zi = 2.0 * zr * zi + ci;
					zr = tr - ti + cr;
					tr = zr * zr;
					ti = zi * zi;
					i++;
				}
				byte <<= 1;
				if (tr + ti <= limit)
					byte |= 1;
				bit++;
				if (bit == 8) {
					bits.set(pos++, byte);
					byte = 0;
					bit = 0;
				}
			}
			if (bit != 0)
				bits.set(pos, byte << (8 - bit));
		}
		return bits;
	}

	static function args():Array<String> {
		#if js
		return js.Syntax.code("process.argv.slice(2)");
		#else
		return Sys.args();
		#end
	}

	static function println(s:String) {
		#if js
		js.Syntax.code("console.log({0})", s);
		#else
		Sys.println(s);
		#end
	}

	static function main() {
		var args = args();
		var n = args.length > 0 ? Std.parseInt(args[0]) : 5000;
		var bits = render(n, n);
		var set = 0, hash = 5381;
		for (i in 0...bits.length) {
			var b = bits.get(i);
			hash = ((hash << 5) + hash + b) & 0x3fffffff;
			while (b != 0) {
				set += b & 1;
				b >>= 1;
			}
		}
		println('P4 $n $n');
		println('set pixels: $set');
		println('hash: $hash');
	}
}
