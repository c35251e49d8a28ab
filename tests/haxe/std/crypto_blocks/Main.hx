// Covers: Md5 and Sha1 (the 'fmt' natives) on inputs around the 64-byte block and its padding
// boundaries (55/56 bytes: the length no longer fits the last block) and on multi-block input.
class Main {
	static function main() {
		for (n in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100000]) {
			var b = haxe.io.Bytes.alloc(n);
			for (i in 0...n)
				b.set(i, (i * 31 + 7) & 255);
			Sys.println(n + " " + haxe.crypto.Md5.make(b).toHex() + " " + haxe.crypto.Sha1.make(b).toHex());
		}
	}
}
