//go:build ignore

/* hx_ustr.c: UTF-16 string helpers used across the runtime. */
#include "hx.h"

int32_t hx_ustrlen(const hx_uchar *s) {
	int32_t n = 0;
	while (s[n]) n++;
	return n;
}

int hx_ustr_cmp(const hx_uchar *a, const hx_uchar *b) {
	while (*a && *a == *b) a++, b++;
	return (int)*a - (int)*b;
}

hx_uchar *hx_ustr_from_utf8(const char *s) {
	const uint8_t *p = (const uint8_t *)s;
	size_t n = strlen(s);
	hx_uchar *out = (hx_uchar *)hx_alloc_bytes((int32_t)((n + 1) * 2)), *o = out;
	while (*p) {
		uint32_t c = *p++;
		if (c >= 0xC0 && c < 0xE0 && (*p & 0xC0) == 0x80) c = ((c & 0x1F) << 6) | (*p++ & 0x3F);
		else if (c >= 0xE0 && c < 0xF0 && (p[0] & 0xC0) == 0x80 && (p[1] & 0xC0) == 0x80) {
			c = ((c & 0x0F) << 12) | ((p[0] & 0x3F) << 6) | (p[1] & 0x3F);
			p += 2;
		} else if (c >= 0xF0 && (p[0] & 0xC0) == 0x80 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			c = ((c & 0x07) << 18) | ((p[0] & 0x3F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			p += 3;
		}
		if (c >= 0x10000) {
			c -= 0x10000;
			*o++ = (hx_uchar)(0xD800 | (c >> 10));
			*o++ = (hx_uchar)(0xDC00 | (c & 0x3FF));
		} else *o++ = (hx_uchar)c;
	}
	*o = 0;
	return out;
}

char *hx_ustr_to_utf8(const hx_uchar *s) {
	int32_t n = hx_ustrlen(s);
	char *out = (char *)hx_alloc_bytes(n * 3 + 1), *o = out;
	for (int32_t i = 0; i < n; i++) {
		uint32_t c = s[i];
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
			c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
			i++;
		}
		if (c < 0x80) *o++ = (char)c;
		else if (c < 0x800) { *o++ = (char)(0xC0 | (c >> 6)); *o++ = (char)(0x80 | (c & 0x3F)); }
		else if (c < 0x10000) {
			*o++ = (char)(0xE0 | (c >> 12)); *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*o++ = (char)(0x80 | (c & 0x3F));
		} else {
			*o++ = (char)(0xF0 | (c >> 18)); *o++ = (char)(0x80 | ((c >> 12) & 0x3F));
			*o++ = (char)(0x80 | ((c >> 6) & 0x3F)); *o++ = (char)(0x80 | (c & 0x3F));
		}
	}
	*o = 0;
	return out;
}
