//go:build ignore

/* hx_n_string.c: string natives (UTF-16 <-> UTF-8, number formatting, case
 * mapping, URL coding) and the helpers the other natives share. The
 * conversions follow HashLink's exact rules, malformed input included. */
#include "hx_natives.h"
#include <stdio.h>
#include <stdlib.h>

/* ---- helpers --------------------------------------------------------------- */

vbyte *hxn_copy_bytes(const void *p, int size) {
	vbyte *b = (vbyte *)hx_gc_alloc(size > 0 ? (size_t)size : 1, HX_MEM_NOPTR);
	if (size > 0) memcpy(b, p, (size_t)size);
	return b;
}

int hxn_ustrlen(const hx_uchar *s) {
	int n = 0;
	while (s[n]) n++;
	return n;
}

int hxn_ucmp(const hx_uchar *a, const hx_uchar *b) {
	for (;;) {
		int d = (int)*a - (int)*b;
		if (d || !*a) return d;
		a++, b++;
	}
}

vbyte *hxn_cstr_dup(const char *s) {
	if (!s) return NULL;
	return hxn_copy_bytes(s, (int)strlen(s) + 1);
}

HX_NORETURN void hxn_throw_ustr(hx_uchar *msg) {
	vdynamic *d = hx_alloc_dynamic(&hxt_bytes);
	d->v.bytes = (vbyte *)msg;
	hx_throw(d);
}

int32_t hxn_hash(const hx_uchar *s) {
	int32_t h = 0;
	while (*s) h = (int32_t)((uint32_t)h * 223u + *s++);
	return h % 0x1FFFFF7B;
}

void hxn_ubuf_add(hxn_ubuf *b, hx_uchar c) {
	if (b->len + 1 >= b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->p = (hx_uchar *)realloc(b->p, (size_t)b->cap * sizeof(hx_uchar));
		if (!b->p) abort();
	}
	b->p[b->len++] = c;
}

void hxn_ubuf_adds(hxn_ubuf *b, const hx_uchar *s) {
	while (*s) hxn_ubuf_add(b, *s++);
}

void hxn_ubuf_addc(hxn_ubuf *b, const char *s) {
	hx_uchar *u = hxn_utf8_to_ustr(s);
	hxn_ubuf_adds(b, u);
}

vbyte *hxn_ubuf_finish(hxn_ubuf *b, int32_t *len) {
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(b->len + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	if (b->len) memcpy(out, b->p, (size_t)b->len * sizeof(hx_uchar));
	out[b->len] = 0;
	if (len) *len = b->len;
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	return (vbyte *)out;
}

/* UTF-8 length in UTF-16 units, stopping at the first malformed sequence
 * (HashLink's hl_utf8_length: a byte >= 0xF8 counts one unit and stops). */
int hxn_utf8_length(const vbyte *s) {
	int len = 0;
	for (;;) {
		unsigned c = *s;
		if (c == 0) return len;
		if (c < 0x80) s++;
		else if (c < 0xC0) return len;
		else if (c < 0xE0) {
			if (!(s[1] & 0x80)) return len;
			s += 2;
		} else if (c < 0xF0) {
			if (!(s[1] & s[2] & 0x80)) return len;
			s += 3;
		} else if (c < 0xF8) {
			if (!(s[1] & s[2] & s[3] & 0x80)) return len;
			len++; /* surrogate pair */
			s += 4;
		} else return len + 1;
		len++;
	}
}

void hxn_from_utf8(hx_uchar *out, int ulen, const char *str) {
	const uint8_t *s = (const uint8_t *)str;
	int p = 0;
	while (p < ulen) {
		unsigned c = *s++;
		if (c == 0) break;
		if (c >= 0x80) {
			if (c < 0xE0) {
				c = ((c & 0x3F) << 6) | (s[0] & 0x7F);
				s += 1;
			} else if (c < 0xF0) {
				c = ((c & 0x1F) << 12) | ((s[0] & 0x7F) << 6) | (s[1] & 0x7F);
				s += 2;
			} else {
				c = (((c & 0x0F) << 18) | ((s[0] & 0x7F) << 12) | ((s[1] & 0x7F) << 6) | (s[2] & 0x7F)) - 0x10000;
				s += 3;
				if (p + 2 > ulen) break;
				out[p++] = (hx_uchar)((c >> 10) + 0xD800);
				out[p++] = (hx_uchar)((c & 0x3FF) | 0xDC00);
				continue;
			}
		}
		out[p++] = (hx_uchar)c;
	}
	out[p] = 0;
}

hx_uchar *hxn_utf8_to_ustr(const char *s) {
	if (!s) return NULL;
	int n = hxn_utf8_length((const vbyte *)s);
	hx_uchar *u = (hx_uchar *)hx_gc_alloc((size_t)(n + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	hxn_from_utf8(u, n, s);
	return u;
}

/* UTF-16 -> UTF-8 of len units, or up to the 0 unit when len is 0. Any unit
 * in D800-DFFF takes the next unit as its pair, as HashLink does, even when
 * that is the terminator or lies past len (HashLink then reads on; we stop).
 * out NULL: only count. */
static int utf16_encode(const hx_uchar *c, int len, vbyte *out) {
	const hx_uchar *end = len == 0 ? NULL : c + len;
	int n = 0;
	while (c != end) {
		unsigned v = *c;
		if (v == 0 && end == NULL) break;
		if (v < 0x80) {
			if (out) out[n] = (vbyte)v;
			n++;
		} else if (v < 0x800) {
			if (out) out[n] = (vbyte)(0xC0 | (v >> 6)), out[n + 1] = (vbyte)(0x80 | (v & 63));
			n += 2;
		} else if (v >= 0xD800 && v <= 0xDFFF) {
			int lo = *++c; /* whatever follows, even the terminator */
			int k = ((((int)v - 0xD800) << 10) | (lo - 0xDC00)) + 0x10000;
			if (out) {
				out[n] = (vbyte)(0xF0 | (k >> 18));
				out[n + 1] = (vbyte)(0x80 | ((k >> 12) & 63));
				out[n + 2] = (vbyte)(0x80 | ((k >> 6) & 63));
				out[n + 3] = (vbyte)(0x80 | (k & 63));
			}
			n += 4;
			if (c == end || (end == NULL && lo == 0)) break; /* HashLink would read on */
		} else {
			if (out) {
				out[n] = (vbyte)(0xE0 | (v >> 12));
				out[n + 1] = (vbyte)(0x80 | ((v >> 6) & 63));
				out[n + 2] = (vbyte)(0x80 | (v & 63));
			}
			n += 3;
		}
		c++;
	}
	return n;
}

char *hxn_ustr_to_utf8(const hx_uchar *s, int *size) {
	int n = utf16_encode(s, 0, NULL);
	vbyte *out = (vbyte *)hx_gc_alloc((size_t)n + 1, HX_MEM_NOPTR);
	utf16_encode(s, 0, out);
	out[n] = 0;
	if (size) *size = n;
	return (char *)out;
}

/* ---- natives --------------------------------------------------------------- */

static vbyte *ascii_result(const char *tmp, int k, int32_t *len) {
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(k + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	for (int i = 0; i < k; i++) out[i] = (hx_uchar)(uint8_t)tmp[i];
	out[k] = 0;
	*len = k;
	return (vbyte *)out;
}

/* Every Int-to-String conversion comes here (Std.string, interpolation,
 * StringBuf.add, trace): digits by hand, not snprintf, which cost half the
 * time of a StringBuf of numbers. */
vbyte *hxn_std_itos(int32_t v, int32_t *len) {
	char tmp[12], *p = tmp + sizeof tmp;
	uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v; /* INT_MIN too */
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0) *--p = '-';
	return ascii_result(p, (int)(tmp + sizeof tmp - p), len);
}

vbyte *hxn_std_ftos(double d, int32_t *len) {
	char tmp[32];
	if (d != d) return ascii_result("NaN", 3, len);
	int k = snprintf(tmp, sizeof tmp, "%.15g", d);
	return ascii_result(tmp, k, len);
}

int32_t hxn_std_ucs2length(vbyte *s, int32_t pos) { return hxn_ustrlen((const hx_uchar *)(s + pos)); }

vbyte *hxn_std_utf8_to_utf16(vbyte *s, int32_t pos, int32_t *size) {
	int n = hxn_utf8_length(s + pos);
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(n + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	hxn_from_utf8(out, n, (const char *)(s + pos));
	*size = n << 1;
	return (vbyte *)out;
}

vbyte *hxn_std_utf16_to_utf8(vbyte *s, int32_t len, int32_t *size) {
	int n = utf16_encode((const hx_uchar *)s, len, NULL);
	vbyte *out = (vbyte *)hx_gc_alloc((size_t)n + 1, HX_MEM_NOPTR);
	utf16_encode((const hx_uchar *)s, len, out);
	out[n] = 0;
	if (size) *size = n;
	return out;
}

vbyte *hxn_std_ucs2_upper(vbyte *s, int32_t pos, int32_t len) {
	const hx_uchar *in = (const hx_uchar *)(s + pos);
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(len + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	for (int i = 0; i < len; i++) out[i] = hxn_case_upper(in[i]);
	out[len] = 0;
	return (vbyte *)out;
}

vbyte *hxn_std_ucs2_lower(vbyte *s, int32_t pos, int32_t len) {
	const hx_uchar *in = (const hx_uchar *)(s + pos);
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(len + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	for (int i = 0; i < len; i++) out[i] = hxn_case_lower(in[i]);
	out[len] = 0;
	return (vbyte *)out;
}

static void add_hex(hxn_ubuf *b, unsigned c) {
	static const char hex[] = "0123456789ABCDEF";
	hxn_ubuf_add(b, '%');
	hxn_ubuf_add(b, (hx_uchar)hex[(c >> 4) & 0xF]);
	hxn_ubuf_add(b, (hx_uchar)hex[c & 0xF]);
}

vbyte *hxn_std_url_encode(vbyte *str, int32_t *len) {
	hxn_ubuf b = {0};
	const hx_uchar *s = (const hx_uchar *)str;
	for (;;) {
		unsigned c = *s++;
		if (c == 0) break;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		    c == '.') {
			hxn_ubuf_add(&b, (hx_uchar)c);
		} else if (c < 0x80) {
			add_hex(&b, c);
		} else if (c < 0x800) {
			add_hex(&b, 0xC0 | (c >> 6));
			add_hex(&b, 0x80 | (c & 63));
		} else if (c >= 0xD800 && c <= 0xDBFF && *s >= 0xDC00 && *s < 0xDFFF) {
			c = (((c - 0xD800) << 10) | (*s++ - 0xDC00)) + 0x10000;
			add_hex(&b, 0xF0 | (c >> 18));
			add_hex(&b, 0x80 | ((c >> 12) & 63));
			add_hex(&b, 0x80 | ((c >> 6) & 63));
			add_hex(&b, 0x80 | (c & 63));
		} else {
			add_hex(&b, 0xE0 | (c >> 12));
			add_hex(&b, 0x80 | ((c >> 6) & 63));
			add_hex(&b, 0x80 | (c & 63));
		}
	}
	return hxn_ubuf_finish(&b, len);
}

static int hex_digit(hx_uchar c) {
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Two hex digits at *s: the byte, advancing; 0xFFFF (not advancing) if bad. */
static unsigned decode_hex(const hx_uchar **s) {
	int a = hex_digit((*s)[0]);
	if (a < 0) return 0xFFFF;
	int b = hex_digit((*s)[1]);
	if (b < 0) return 0xFFFF;
	*s += 2;
	return (unsigned)((a << 4) | b);
}

/* HashLink's decoder: a bad byte after a lead byte is not an error (it reads
 * as 0xFFFF), only a missing '%' between bytes of a sequence is. */
vbyte *hxn_std_url_decode(vbyte *str, int32_t *len) {
	hxn_ubuf b = {0};
	const hx_uchar *s = (const hx_uchar *)str;
	for (;;) {
		unsigned c = *s++;
		if (c == 0) return hxn_ubuf_finish(&b, len);
		if (c == '+') c = ' ';
		else if (c == '%') {
			unsigned p1 = decode_hex(&s), p2, p3, p4;
			if (p1 == 0xFFFF) {
				hxn_ubuf_add(&b, '%');
				continue;
			}
			if (p1 < 0x80) c = p1;
			else if (p1 < 0xE0) {
				if (*s++ != '%') break;
				p2 = decode_hex(&s);
				c = ((p1 & 0x3F) << 6) | (p2 & 0x7F);
			} else if (p1 < 0xF0) {
				if (*s++ != '%') break;
				p2 = decode_hex(&s);
				if (*s++ != '%') break;
				p3 = decode_hex(&s);
				c = ((p1 & 0x1F) << 12) | ((p2 & 0x7F) << 6) | (p3 & 0x7F);
			} else {
				if (*s++ != '%') break;
				p2 = decode_hex(&s);
				if (*s++ != '%') break;
				p3 = decode_hex(&s);
				if (*s++ != '%') break;
				p4 = decode_hex(&s);
				int k = (int)(((p1 & 0x0F) << 18) | ((p2 & 0x7F) << 12) | ((p3 & 0x7F) << 6) | (p4 & 0x7F)) - 0x10000;
				hxn_ubuf_add(&b, (hx_uchar)((k >> 10) + 0xD800));
				c = (hx_uchar)((k & 0x3FF) | 0xDC00);
			}
		}
		hxn_ubuf_add(&b, (hx_uchar)c);
	}
	free(b.p);
	hx_error("Malformed URL encoded");
}
