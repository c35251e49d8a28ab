//go:build ignore

/* hx_n_fmt.c: the `fmt` library natives used by haxe.crypto (Md5, Sha1,
 * Crc32, Adler32) and haxe.zip (Compress/Uncompress on zlib). */
#include "hx_natives.h"
#include <stdlib.h>
#include <zlib.h>

/* ---- MD5 (RFC 1321) ------------------------------------------------------------ */

typedef struct {
	uint32_t s[4];
	uint64_t len;
	uint8_t buf[64];
} md5_ctx;

static uint32_t rol(uint32_t x, int c) { return (x << c) | (x >> (32 - c)); }

static void md5_block(md5_ctx *c, const uint8_t *p) {
	static const uint32_t K[64] = {
		0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
		0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
		0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
		0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
		0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
		0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
		0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
		0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
	static const int R[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
	uint32_t w[16], a = c->s[0], b = c->s[1], cc = c->s[2], d = c->s[3];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[i * 4] | (uint32_t)p[i * 4 + 1] << 8 | (uint32_t)p[i * 4 + 2] << 16 | (uint32_t)p[i * 4 + 3] << 24;
	/* One loop per round function, unrolled: no branch or index arithmetic
	 * left per step (3x faster than one loop choosing the function). */
#define MD5_ROUNDS(first, F, G)                                                            \
	_Pragma("GCC unroll 16") for (int i = first; i < first + 16; i++) {                    \
		uint32_t f = (F), t = d;                                                           \
		d = cc;                                                                            \
		cc = b;                                                                            \
		b = b + rol(a + f + K[i] + w[G], R[(i >> 4) * 4 + (i & 3)]);                       \
		a = t;                                                                             \
	}
	MD5_ROUNDS(0, (b & cc) | (~b & d), i)
	MD5_ROUNDS(16, (d & b) | (~d & cc), (5 * i + 1) & 15)
	MD5_ROUNDS(32, b ^ cc ^ d, (3 * i + 5) & 15)
	MD5_ROUNDS(48, cc ^ (b | ~d), (7 * i) & 15)
#undef MD5_ROUNDS
	c->s[0] += a, c->s[1] += b, c->s[2] += cc, c->s[3] += d;
}

static void md5(const uint8_t *in, size_t n, uint8_t out[16]) {
	md5_ctx c = {{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, 0, {0}};
	size_t i = 0;
	for (; i + 64 <= n; i += 64) md5_block(&c, in + i);
	size_t rem = n - i;
	memcpy(c.buf, in + i, rem);
	c.buf[rem++] = 0x80;
	if (rem > 56) {
		memset(c.buf + rem, 0, 64 - rem);
		md5_block(&c, c.buf);
		rem = 0;
	}
	memset(c.buf + rem, 0, 56 - rem);
	uint64_t bits = (uint64_t)n * 8;
	for (int k = 0; k < 8; k++) c.buf[56 + k] = (uint8_t)(bits >> (8 * k));
	md5_block(&c, c.buf);
	for (int k = 0; k < 16; k++) out[k] = (uint8_t)(c.s[k / 4] >> (8 * (k % 4)));
}

/* ---- SHA-1 (FIPS 180-4) --------------------------------------------------------- */

static void sha1_block(uint32_t h[5], const uint8_t *p) {
	uint32_t w[16];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[i * 4] << 24 | (uint32_t)p[i * 4 + 1] << 16 | (uint32_t)p[i * 4 + 2] << 8 | p[i * 4 + 3];
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	/* The message schedule is computed as the rounds need it, in a ring of
	 * 16 words: computed ahead into w[80], gcc vectorised it and every round
	 * then waited for a vector store to forward (2x slower). One loop per
	 * round function, unrolled: no branch per step. */
#define SHA1_W(i) ((i) < 16 ? w[i] : (w[(i) & 15] = rol(w[((i) + 13) & 15] ^ w[((i) + 8) & 15] ^ w[((i) + 2) & 15] ^ w[(i) & 15], 1)))
#define SHA1_ROUNDS(first, F, K)                                                           \
	_Pragma("GCC unroll 20") for (int i = first; i < first + 20; i++) {                    \
		uint32_t t = rol(a, 5) + (F) + e + (K) + SHA1_W(i);                                \
		e = d, d = c, c = rol(b, 30), b = a, a = t;                                        \
	}
	SHA1_ROUNDS(0, (b & c) | (~b & d), 0x5A827999)
	SHA1_ROUNDS(20, b ^ c ^ d, 0x6ED9EBA1)
	SHA1_ROUNDS(40, (b & c) | (b & d) | (c & d), 0x8F1BBCDC)
	SHA1_ROUNDS(60, b ^ c ^ d, 0xCA62C1D6)
#undef SHA1_ROUNDS
#undef SHA1_W
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void sha1(const uint8_t *in, size_t n, uint8_t out[20]) {
	uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
	uint8_t buf[64];
	size_t i = 0;
	for (; i + 64 <= n; i += 64) sha1_block(h, in + i);
	size_t rem = n - i;
	memcpy(buf, in + i, rem);
	buf[rem++] = 0x80;
	if (rem > 56) {
		memset(buf + rem, 0, 64 - rem);
		sha1_block(h, buf);
		rem = 0;
	}
	memset(buf + rem, 0, 56 - rem);
	uint64_t bits = (uint64_t)n * 8;
	for (int k = 0; k < 8; k++) buf[56 + k] = (uint8_t)(bits >> (56 - 8 * k));
	sha1_block(h, buf);
	for (int k = 0; k < 20; k++) out[k] = (uint8_t)(h[k / 4] >> (24 - 8 * (k % 4)));
}

/* out receives the digest; for CRC32/Adler32 it also holds the running value
 * in (an int). Flag 256: in is a UTF-16 string, hashed as UTF-8. */
void hxn_fmt_digest(vbyte *out, vbyte *in, int32_t length, int32_t format) {
	if (format & 256) {
		int n;
		in = (vbyte *)hxn_ustr_to_utf8((const hx_uchar *)in, &n);
		length = (int32_t)strlen((const char *)in);
	}
	switch (format & 0xFF) {
	case 0: md5(in, (size_t)length, out); break;
	case 1: sha1(in, (size_t)length, out); break;
	case 2: *(int32_t *)out = (int32_t)crc32((uLong)(uint32_t) * (int32_t *)out, in, (uInt)length); break;
	case 3: *(int32_t *)out = (int32_t)adler32((uLong)(uint32_t) * (int32_t *)out, in, (uInt)length); break;
	default: hx_error("Unknown digest format %d", format & 0xFF);
	}
}

/* ---- zlib streams ---------------------------------------------------------------- */

struct hxn_zip {
	void (*finalize)(hxn_zip *);
	z_stream *z;
	int flush;
	bool inflate;
};

static void zip_free(hxn_zip *v) {
	if (!v->z) return;
	if (v->inflate) inflateEnd(v->z);
	else deflateEnd(v->z);
	free(v->z);
	v->z = NULL;
	v->finalize = NULL;
}

/* "ZLib Error : <msg> (<code>)", or "ZLib Error : <code>" without a message. */
HX_NORETURN static void zlib_error(z_stream *z, int err) {
	if (z && z->msg) hx_error("ZLib Error : %s (%d)", z->msg, err);
	hx_error("ZLib Error : %d", err);
}

static hxn_zip *zip_wrap(z_stream *z, bool inflate) {
	hxn_zip *s = (hxn_zip *)hx_gc_alloc(sizeof(hxn_zip), HX_MEM_FINALIZER);
	s->z = z;
	s->flush = Z_NO_FLUSH;
	s->inflate = inflate;
	s->finalize = zip_free;
	return s;
}

hxn_zip *hxn_fmt_inflate_init(int32_t wbits) {
	z_stream *z = (z_stream *)calloc(1, sizeof(z_stream));
	if (!z) abort();
	int err = inflateInit2(z, wbits ? wbits : MAX_WBITS);
	if (err != Z_OK) {
		free(z);
		zlib_error(NULL, err);
	}
	return zip_wrap(z, true);
}

hxn_zip *hxn_fmt_deflate_init(int32_t level) {
	z_stream *z = (z_stream *)calloc(1, sizeof(z_stream));
	if (!z) abort();
	int err = deflateInit(z, level);
	if (err != Z_OK) {
		free(z);
		zlib_error(NULL, err);
	}
	return zip_wrap(z, false);
}

int32_t hxn_fmt_deflate_bound(hxn_zip *z, int32_t n) { return (int32_t)deflateBound(z->z, (uLong)n); }

void hxn_fmt_zip_end(hxn_zip *z) { zip_free(z); }

void hxn_fmt_zip_flush_mode(hxn_zip *z, int32_t mode) {
	static const int modes[] = {Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK};
	if (mode < 0 || mode > 4) hx_error("Invalid flush mode %d", mode);
	z->flush = modes[mode];
}

/* srclen/dstlen are the buffers' ends (HashLink's convention): the run uses
 * src[srcpos, srclen) and dst[dstpos, dstlen). True when the stream ended. */
static bool zip_run(hxn_zip *zip, vbyte *src, int32_t srcpos, int32_t srclen, vbyte *dst, int32_t dstpos,
                    int32_t dstlen, int32_t *read, int32_t *written) {
	z_stream *z = zip->z;
	int32_t slen = srclen - srcpos, dlen = dstlen - dstpos;
	if (srcpos < 0 || dstpos < 0 || slen < 0 || dlen < 0) hx_error("Out of range");
	z->next_in = (Bytef *)(src + srcpos);
	z->next_out = (Bytef *)(dst + dstpos);
	z->avail_in = (uInt)slen;
	z->avail_out = (uInt)dlen;
	HXN_BLOCKING_BEGIN();
	int err = zip->inflate ? inflate(z, zip->flush) : deflate(z, zip->flush);
	HXN_BLOCKING_END();
	z->next_in = NULL;
	z->next_out = NULL;
	if (err < 0) zlib_error(z, err);
	*read = slen - (int32_t)z->avail_in;
	*written = dlen - (int32_t)z->avail_out;
	return err == Z_STREAM_END;
}

bool hxn_fmt_inflate_buffer(hxn_zip *z, vbyte *src, int32_t srcpos, int32_t srclen, vbyte *dst, int32_t dstpos,
                            int32_t dstlen, int32_t *read, int32_t *written) {
	return zip_run(z, src, srcpos, srclen, dst, dstpos, dstlen, read, written);
}

bool hxn_fmt_deflate_buffer(hxn_zip *z, vbyte *src, int32_t srcpos, int32_t srclen, vbyte *dst, int32_t dstpos,
                            int32_t dstlen, int32_t *read, int32_t *written) {
	return zip_run(z, src, srcpos, srclen, dst, dstpos, dstlen, read, written);
}
