// Covers: digests computed by the 'fmt' natives in HashLink: haxe.crypto.Md5, Sha1, Crc32 and
// Adler32 on strings (UTF-8 of the UTF-16 text) and on bytes.
class Main {
	static function main() {
		Sys.println(haxe.crypto.Md5.encode("abc"));
		Sys.println(haxe.crypto.Md5.encode(""));
		Sys.println(haxe.crypto.Md5.encode("é😀"));
		Sys.println(haxe.crypto.Sha1.encode("abc"));
		Sys.println(haxe.crypto.Md5.make(haxe.io.Bytes.ofString("bytes")).toHex());
		Sys.println(haxe.crypto.Sha1.make(haxe.io.Bytes.ofHex("00ff")).toHex());
		Sys.println(StringTools.hex(haxe.crypto.Crc32.make(haxe.io.Bytes.ofString("The quick brown fox jumps over the lazy dog")), 8));
		Sys.println(StringTools.hex(haxe.crypto.Adler32.make(haxe.io.Bytes.ofString("Wikipedia")), 8));
	}
}
