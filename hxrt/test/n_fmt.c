/* n_fmt.c: digests against known vectors, zlib round trips. */
#include "n_test.h"

static char *hex(const vbyte *b, int n) {
	static char out[64];
	for (int i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", b[i]);
	return out;
}

static const char *digest(const char *in, int fmt) {
	vbyte out[20];
	hxn_fmt_digest(out, (vbyte *)in, (int32_t)strlen(in), fmt);
	return hex(out, fmt == 0 ? 16 : 20);
}

int main(int argc, char **argv) {
	nt_init(argc, argv);
	CHECK(strcmp(digest("", 0), "d41d8cd98f00b204e9800998ecf8427e") == 0);
	CHECK(strcmp(digest("The quick brown fox jumps over the lazy dog", 0), "9e107d9d372bb6826bd81d3542a419d6") == 0);
	CHECK(strcmp(digest("", 1), "da39a3ee5e6b4b0d3255bfef95601890afd80709") == 0);
	CHECK(strcmp(digest("abc", 1), "a9993e364706816aba3e25717850c26c9cd0d89d") == 0);
	/* multi-block and padding boundary lengths */
	char big[200];
	memset(big, 'a', sizeof big);
	big[119] = 0;
	CHECK(strcmp(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1),
	             "84983e441c3bd26ebaae4aa1f95129e5e54670f1") == 0);
	CHECK(strcmp(digest("12345678901234567890123456789012345678901234567890123456789012345678901234567890", 0),
	             "57edf4a22be3c955ac49da2e2107b67a") == 0);
	big[55] = 0;
	CHECK(strcmp(digest(big, 0), "ef1772b6dff9a122358552954ad0df65") == 0);
	big[55] = 'a', big[56] = 0;
	CHECK(strcmp(digest(big, 1), "c2db330f6083854c99d4b5bfb6e8f29f201be699") == 0);
	big[56] = 'a', big[64] = 0;
	CHECK(strcmp(digest(big, 1), "0098ba824b5c16427bd7a1122a5a442a25ec644d") == 0);
	CHECK(strcmp(digest(big, 0), "014842d480b571495a4a0363793f7367") == 0);
	/* UTF-16 input hashed as UTF-8 (flag 256) */
	vbyte out[20];
	hxn_fmt_digest(out, (vbyte *)nt_u("é"), 1, 256 | 0);
	CHECK(strcmp(hex(out, 16), "66ddcd97cfdeabb2f6fb8a999b4bc76f") == 0);
	/* CRC32 / Adler32 continue from the value in out */
	int32_t v = 0;
	hxn_fmt_digest((vbyte *)&v, (vbyte *)"123456789", 9, 2);
	CHECK_EQ_INT((uint32_t)v, 0xCBF43926u);
	v = 0;
	hxn_fmt_digest((vbyte *)&v, (vbyte *)"12345", 5, 2);
	hxn_fmt_digest((vbyte *)&v, (vbyte *)"6789", 4, 2);
	CHECK_EQ_INT((uint32_t)v, 0xCBF43926u);
	v = 1;
	hxn_fmt_digest((vbyte *)&v, (vbyte *)"Wikipedia", 9, 3);
	CHECK_EQ_INT((uint32_t)v, 0x11E60398u);
	CHECK_THROWS(hxn_fmt_digest(out, (vbyte *)"", 0, 9), "Unknown digest format 9");

	/* deflate then inflate 10 KB, in small output chunks */
	int n = 10000;
	vbyte *src = hxn_std_alloc_bytes(n);
	for (int i = 0; i < n; i++) src[i] = (vbyte)("hello fiberus "[i % 14] + (i / 1000));
	hxn_zip *d = hxn_fmt_deflate_init(9);
	int bound = hxn_fmt_deflate_bound(d, n);
	CHECK(bound >= n / 2);
	vbyte *z = hxn_std_alloc_bytes(bound);
	int32_t rd, wr, zlen = 0, spos = 0;
	hxn_fmt_zip_flush_mode(d, 3);
	bool end = false;
	while (!end) {
		int32_t lim = zlen + 64 < bound ? zlen + 64 : bound;
		end = hxn_fmt_deflate_buffer(d, src, spos, n, z, zlen, lim, &rd, &wr);
		spos += rd, zlen += wr;
	}
	hxn_fmt_zip_end(d);
	CHECK(zlen < n / 4);
	hxn_zip *inf = hxn_fmt_inflate_init(0);
	vbyte *back = hxn_std_alloc_bytes(n + 10);
	int32_t blen = 0, zpos = 0;
	end = false;
	for (int guard = 0; !end && guard < 10000; guard++) {
		end = hxn_fmt_inflate_buffer(inf, z, zpos, zlen, back, blen, blen + 100 < n + 10 ? blen + 100 : n + 10, &rd, &wr);
		zpos += rd, blen += wr;
	}
	CHECK(end);
	CHECK_EQ_INT(blen, n);
	CHECK(memcmp(back, src, n) == 0);
	hxn_fmt_zip_end(inf);
	CHECK_THROWS(hxn_fmt_zip_flush_mode(inf, 7), "Invalid flush mode 7");

	inf = hxn_fmt_inflate_init(15);
	CHECK_THROWS(hxn_fmt_inflate_buffer(inf, (vbyte *)"garbage!", 0, 8, back, 0, 100, &rd, &wr),
	             "ZLib Error : incorrect header check (-3)");
	CHECK_THROWS(hxn_fmt_inflate_buffer(inf, (vbyte *)"x", 2, 1, back, 0, 100, &rd, &wr), "Out of range");
	NT_DONE();
}
