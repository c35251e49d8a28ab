// Covers: the crypto helpers written in Haxe: haxe.crypto.Sha256, Sha224, Base64 (encode/decode,
// with and without padding, URL-safe), BaseCode, haxe.crypto.Hmac (SHA256).
class Main {
	static function main() {
		Sys.println(haxe.crypto.Sha256.encode("abc"));
		Sys.println(haxe.crypto.Sha256.encode(""));
		Sys.println(haxe.crypto.Sha224.encode("abc"));
		Sys.println(haxe.crypto.Sha256.make(haxe.io.Bytes.ofString("é😀")).toHex());
		Sys.println(haxe.crypto.Base64.encode(haxe.io.Bytes.ofString("hello world!?")));
		Sys.println(haxe.crypto.Base64.encode(haxe.io.Bytes.ofString("ab"), false));
		Sys.println(haxe.crypto.Base64.decode("aGVsbG8gd29ybGQhPw==").toString());
		Sys.println(haxe.crypto.Base64.urlEncode(haxe.io.Bytes.ofHex("fbff00")));
		var hmac = new haxe.crypto.Hmac(SHA256);
		Sys.println(hmac.make(haxe.io.Bytes.ofString("key"), haxe.io.Bytes.ofString("The quick brown fox jumps over the lazy dog")).toHex());
		Sys.println(new haxe.crypto.BaseCode(haxe.io.Bytes.ofString("01")).encodeString("A"));
	}
}
