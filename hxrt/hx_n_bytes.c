//go:build ignore

/* hx_n_bytes.c: raw bytes natives (hl.Bytes), the closure-driven sorts and
 * the number parsers. */
#include "hx_natives.h"
#include <stdlib.h>

vbyte *hxn_std_alloc_bytes(int32_t size) {
	return (vbyte *)hx_gc_alloc(size > 0 ? (size_t)size : 1, HX_MEM_NOPTR);
}

void hxn_std_bytes_blit(vbyte *dst, int32_t dpos, vbyte *src, int32_t spos, int32_t len) {
	memmove(dst + dpos, src + spos, (size_t)len);
}

int32_t hxn_std_bytes_compare(vbyte *a, int32_t apos, vbyte *b, int32_t bpos, int32_t len) {
	return memcmp(a + apos, b + bpos, (size_t)len);
}

int32_t hxn_std_bytes_compare16(vbyte *a, vbyte *b, int32_t len) {
	const uint16_t *s1 = (const uint16_t *)a, *s2 = (const uint16_t *)b;
	for (int32_t i = 0; i < len; i++)
		if (s1[i] != s2[i]) return (int32_t)s1[i] - (int32_t)s2[i];
	return 0;
}

int32_t hxn_std_string_compare(vbyte *a, vbyte *b, int32_t len) {
	return memcmp(a, b, (size_t)len * sizeof(hx_uchar));
}

void hxn_std_bytes_fill(vbyte *b, int32_t pos, int32_t len, int32_t value) {
	memset(b + pos, value, (size_t)len);
}

/* First occurrence of which[wpos..+wlen) in where[pos..+len): absolute offset
 * in where, or -1. An empty pattern matches at pos. */
int32_t hxn_std_bytes_find(vbyte *where, int32_t pos, int32_t len, vbyte *which, int32_t wpos, int32_t wlen) {
	if (len < wlen || len < 0 || wlen < 0) return -1;
	if (wlen == 0) return pos;
	const vbyte *w = which + wpos, *p = where + pos, *last = where + pos + (len - wlen);
	while (p <= last) {
		p = memchr(p, w[0], (size_t)(last - p) + 1);
		if (!p) return -1;
		if (memcmp(p, w, (size_t)wlen) == 0) return (int32_t)(p - where);
		p++;
	}
	return -1;
}

int32_t hxn_std_bytes_rfind(vbyte *where, int32_t len, vbyte *which, int32_t wlen) {
	if (wlen > len) return -1;
	if (wlen == 0) return len;
	for (int32_t pos = len - wlen; pos >= 0; pos--)
		if (memcmp(where + pos, which, (size_t)wlen) == 0) return pos;
	return -1;
}

vbyte *hxn_std_bytes_offset(vbyte *src, int32_t offset) { return src + offset; }
int32_t hxn_std_bytes_subtract(vbyte *a, vbyte *b) { return (int32_t)(a - b); }

int32_t hxn_std_bytes_address(vbyte *a, int32_t *high) {
	*high = (int32_t)((uint64_t)(uintptr_t)a >> 32);
	return (int32_t)(uintptr_t)a;
}

vbyte *hxn_std_bytes_from_address(int32_t low, int32_t high) {
	return (vbyte *)(uintptr_t)(((uint64_t)(uint32_t)high << 32) | (uint32_t)low);
}

int64_t hxn_std_bytes_address64(vbyte *a) { return (int64_t)(uintptr_t)a; }
vbyte *hxn_std_bytes_from_address64(int64_t v) { return (vbyte *)(uintptr_t)v; }

/* ---- sorts ------------------------------------------------------------------
 * HashLink's stable in-place merge sort (insertion sort below 12 elements,
 * merges by rotation), reproduced step for step so that a comparator with
 * side effects sees the same calls. */

static int ms_gcd(int m, int n) {
	while (n != 0) {
		int t = m % n;
		m = n;
		n = t;
	}
	return m;
}

#define HXN_SORT(SUF, T)                                                                    \
	typedef struct {                                                                        \
		T *arr;                                                                             \
		vclosure *c;                                                                        \
	} msort_##SUF;                                                                          \
	static int ms_cmp_##SUF(msort_##SUF *m, int a, int b) {                                 \
		vclosure *c = m->c;                                                                 \
		if (c->has_value)                                                                   \
			return ((int32_t(*)(void *, T, T))c->fun)(c->value, m->arr[a], m->arr[b]);      \
		return ((int32_t(*)(T, T))c->fun)(m->arr[a], m->arr[b]);                            \
	}                                                                                       \
	static void ms_swap_##SUF(msort_##SUF *m, int a, int b) {                               \
		T t = m->arr[a];                                                                    \
		m->arr[a] = m->arr[b];                                                              \
		m->arr[b] = t;                                                                      \
	}                                                                                       \
	static int ms_lower_##SUF(msort_##SUF *m, int from, int to, int val) {                  \
		int len = to - from;                                                                \
		while (len > 0) {                                                                   \
			int half = len >> 1, mid = from + half;                                         \
			if (ms_cmp_##SUF(m, mid, val) < 0) {                                            \
				from = mid + 1;                                                             \
				len = len - half - 1;                                                       \
			} else len = half;                                                              \
		}                                                                                   \
		return from;                                                                        \
	}                                                                                       \
	static int ms_upper_##SUF(msort_##SUF *m, int from, int to, int val) {                  \
		int len = to - from;                                                                \
		while (len > 0) {                                                                   \
			int half = len >> 1, mid = from + half;                                         \
			if (ms_cmp_##SUF(m, val, mid) < 0) len = half;                                  \
			else {                                                                          \
				from = mid + 1;                                                             \
				len = len - half - 1;                                                       \
			}                                                                               \
		}                                                                                   \
		return from;                                                                        \
	}                                                                                       \
	static void ms_rotate_##SUF(msort_##SUF *m, int from, int mid, int to) {                \
		if (from == mid || mid == to) return;                                               \
		int n = ms_gcd(to - from, mid - from);                                              \
		while (n-- != 0) {                                                                  \
			T val = m->arr[from + n];                                                       \
			int shift = mid - from, p1 = from + n, p2 = from + n + shift;                   \
			while (p2 != from + n) {                                                        \
				m->arr[p1] = m->arr[p2];                                                    \
				p1 = p2;                                                                    \
				if (to - p2 > shift) p2 += shift;                                           \
				else p2 = from + (shift - (to - p2));                                       \
			}                                                                               \
			m->arr[p1] = val;                                                               \
		}                                                                                   \
	}                                                                                       \
	static void ms_merge_##SUF(msort_##SUF *m, int from, int pivot, int to, int len1, int len2) { \
		int first_cut, second_cut, len11, len22, new_mid;                                   \
		if (len1 == 0 || len2 == 0) return;                                                 \
		if (len1 + len2 == 2) {                                                             \
			if (ms_cmp_##SUF(m, pivot, from) < 0) ms_swap_##SUF(m, pivot, from);            \
			return;                                                                         \
		}                                                                                   \
		if (len1 > len2) {                                                                  \
			len11 = len1 >> 1;                                                              \
			first_cut = from + len11;                                                       \
			second_cut = ms_lower_##SUF(m, pivot, to, first_cut);                           \
			len22 = second_cut - pivot;                                                     \
		} else {                                                                            \
			len22 = len2 >> 1;                                                              \
			second_cut = pivot + len22;                                                     \
			first_cut = ms_upper_##SUF(m, from, pivot, second_cut);                         \
			len11 = first_cut - from;                                                       \
		}                                                                                   \
		ms_rotate_##SUF(m, first_cut, pivot, second_cut);                                   \
		new_mid = first_cut + len22;                                                        \
		ms_merge_##SUF(m, from, first_cut, new_mid, len11, len22);                          \
		ms_merge_##SUF(m, new_mid, second_cut, to, len1 - len11, len2 - len22);             \
	}                                                                                       \
	static void ms_sort_##SUF(msort_##SUF *m, int from, int to) {                           \
		if (to - from < 12) {                                                               \
			if (to <= from) return;                                                         \
			for (int i = from + 1; i < to; i++)                                             \
				for (int j = i; j > from; j--) {                                            \
					if (ms_cmp_##SUF(m, j, j - 1) < 0) ms_swap_##SUF(m, j - 1, j);          \
					else break;                                                             \
				}                                                                           \
			return;                                                                         \
		}                                                                                   \
		int middle = (from + to) >> 1;                                                      \
		ms_sort_##SUF(m, from, middle);                                                     \
		ms_sort_##SUF(m, middle, to);                                                       \
		ms_merge_##SUF(m, from, middle, to, middle - from, to - middle);                    \
	}                                                                                       \
	void hxn_std_bsort_##SUF(vbyte *b, int32_t pos, int32_t len, vclosure *cmp) {           \
		msort_##SUF m = {(T *)(b + pos), cmp};                                              \
		ms_sort_##SUF(&m, 0, len);                                                          \
	}

HXN_SORT(i32, int32_t)
HXN_SORT(f64, double)
HXN_SORT(i64, int64_t)

/* ---- parsing ---------------------------------------------------------------- */

static bool is_space(hx_uchar c) { return c == 32 || (c > 8 && c < 14); }

/* Std.parseInt: HashLink hands at most 16 units (sign included) to strtol and
 * truncates the long to int; hex digits are read until the first non-digit,
 * wrapping. */
vdynamic *hxn_std_parse_int(vbyte *bytes, int32_t pos, int32_t len) {
	const hx_uchar *start = (const hx_uchar *)(bytes + pos), *c = start;
	while (is_space(*c)) c++;
	hx_uchar sign = c[0];
	bool is_signed = sign == '-' || sign == '+';
	int rem = (int)(len - (c - start));
	uint32_t h = 0;
	if (is_signed ? (rem >= 3 && c[1] == '0' && (c[2] == 'x' || c[2] == 'X'))
	              : (rem >= 2 && c[0] == '0' && (c[1] == 'x' || c[1] == 'X'))) {
		c += is_signed ? 3 : 2;
		for (;; c++) {
			hx_uchar k = *c;
			if (k >= '0' && k <= '9') h = (h << 4) | (uint32_t)(k - '0');
			else if (k >= 'A' && k <= 'F') h = (h << 4) | (uint32_t)(k - 'A' + 10);
			else if (k >= 'a' && k <= 'f') h = (h << 4) | (uint32_t)(k - 'a' + 10);
			else break;
		}
		if (sign == '-') h = 0u - h;
	} else {
		int i = is_signed ? 1 : 0, digits = 0;
		int64_t v = 0;
		while (i < 16 && c[i] >= '0' && c[i] <= '9') v = v * 10 + (c[i++] - '0'), digits++;
		if (!digits) return NULL;
		if (sign == '-') v = -v;
		h = (uint32_t)v;
	}
	vdynamic *d = hx_alloc_dynamic(&hxt_i32);
	d->v.i = (int32_t)h;
	return d;
}

/* Std.parseFloat: the longest run (at most 30 units) of [0-9.eE+-] after the
 * spaces goes to strtod; NaN when strtod takes nothing. */
double hxn_std_parse_float(vbyte *bytes, int32_t pos, int32_t len) {
	(void)len;
	const hx_uchar *s = (const hx_uchar *)(bytes + pos);
	char buf[31], *end;
	int i = 0;
	while (is_space(*s)) s++;
	while (i < 30) {
		hx_uchar c = s[i];
		if ((c < '0' || c > '9') && c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') break;
		buf[i++] = (char)c;
	}
	buf[i] = 0;
	double d = strtod(buf, &end);
	if (end == buf) return NAN;
	return d;
}
