/* Reference for bench/ereg: the same text and the same regex work as Main.hx, with PCRE2's
 * 16-bit library called directly (the compile options Fiberus's EReg uses, JIT-compiled,
 * one match data per pattern). Like EReg, every replace result and every split piece is a new
 * allocation. */
#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPTS (PCRE2_UCP | PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_MATCH_UNSET_BACKREF)

static uint32_t seed = 12345;

static int next(int n) {
	seed = (seed * 1103515245u + 12345u) & 0x7fffffffu;
	return (int)((seed >> 8) % (uint32_t)n);
}

static uint16_t *make_text(int lines, size_t *len) {
	static const char *levels[] = {"INFO", "WARN", "ERROR", "DEBUG"};
	static const char *methods[] = {"GET", "POST", "PUT", "DELETE"};
	static const char *users[] = {"alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy"};
	size_t cap = (size_t)lines * 128 + 1, n = 0;
	char *b = malloc(cap);
	for (int i = 0; i < lines; i++) {
		int h = next(24), m = next(60), s = next(60);
		const char *lv = levels[next(4)];
		int w = next(32);
		const char *me = methods[next(4)];
		int item = next(100000);
		int st = next(5) == 0 ? 404 : 200;
		int t = next(5000);
		const char *u = users[next(8)];
		n += (size_t)sprintf(b + n, "2026-11-27 %02d:%02d:%02d %s [worker-%d] %s /api/v1/items/%d status=%d time=%dms user=%s@example.com\n",
		                     h, m, s, lv, w, me, item, st, t, u);
	}
	uint16_t *w = malloc((n + 1) * 2);
	for (size_t i = 0; i < n; i++) w[i] = (uint8_t)b[i];
	w[n] = 0;
	free(b);
	*len = n;
	return w;
}

static pcre2_code *compile(const char *pat) {
	uint16_t buf[256];
	size_t i = 0;
	for (; pat[i]; i++) buf[i] = (uint8_t)pat[i];
	buf[i] = 0;
	int err;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile(buf, PCRE2_ZERO_TERMINATED, OPTS, &err, &off, NULL);
	if (!re) { fprintf(stderr, "bad pattern %s\n", pat); exit(1); }
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static uint32_t sum(const uint16_t *s, size_t len) {
	uint32_t h = (uint32_t)len;
	for (size_t i = 0; i < len; i += 61) h = (h * 31 + s[i]) & 0x3fffffff;
	return h;
}

/* Replaces every match of re in s by by (with $n references) into a new buffer *res. */
static size_t replace(pcre2_code *re, const uint16_t *s, size_t len, const char *by, uint16_t **res) {
	size_t cap = len * 2 + 16; /* both replacements of this benchmark shrink the text */
	uint16_t *out = malloc(cap * 2), rep[64];
	size_t i = 0;
	for (; by[i]; i++) rep[i] = (uint8_t)by[i];
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	PCRE2_SIZE olen = cap;
	int rc = pcre2_substitute(re, s, len, 0, PCRE2_SUBSTITUTE_GLOBAL | PCRE2_NO_UTF_CHECK, md, NULL, rep, i, out, &olen);
	if (rc < 0) { fprintf(stderr, "substitute failed %d\n", rc); exit(1); }
	pcre2_match_data_free(md);
	*res = out;
	return olen;
}

int main(int argc, char **argv) {
	int lines = argc > 1 ? atoi(argv[1]) : 40000;
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	size_t len;
	uint16_t *text = make_text(lines, &len);
	uint16_t *out;
	char res[5][64];
	for (int round = 0; round < rounds; round++) {
		/* 1. match loop, two groups. */
		pcre2_code *re = compile("user=(\\w+)@(\\w+)\\.com");
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		long n = 0, glen = 0;
		size_t pos = 0;
		while (pcre2_match(re, text, len, pos, PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
			n++;
			glen += (long)(ov[3] - ov[2]) + (long)(ov[5] - ov[4]);
			pos = ov[1];
		}
		snprintf(res[0], 64, "users %ld %ld", n, glen);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		/* 2. multiline-anchored pattern, numeric group. */
		re = compile("(?m)^\\S+ \\S+ (ERROR|WARN) \\[worker-(\\d+)\\]");
		md = pcre2_match_data_create_from_pattern(re, NULL);
		ov = pcre2_get_ovector_pointer(md);
		n = 0;
		long wsum = 0;
		pos = 0;
		while (pcre2_match(re, text, len, pos, PCRE2_NO_UTF_CHECK, md, NULL) >= 0) {
			n++;
			long v = 0;
			for (size_t i = ov[4]; i < ov[5]; i++) v = v * 10 + (text[i] - '0');
			wsum += v;
			pos = ov[1];
		}
		snprintf(res[1], 64, "errors %ld %ld", n, wsum);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
		/* 3. global replace. */
		re = compile("\\d+");
		size_t olen = replace(re, text, len, "#", &out);
		snprintf(res[2], 64, "digits %zu %u", olen, sum(out, olen));
		free(out);
		pcre2_code_free(re);
		re = compile("user=(\\w+)@example\\.com");
		olen = replace(re, text, len, "u:$1", &out);
		snprintf(res[3], 64, "users2 %zu %u", olen, sum(out, olen));
		free(out);
		pcre2_code_free(re);
		/* 4. split, each piece copied. */
		re = compile("[ \\n]+");
		md = pcre2_match_data_create_from_pattern(re, NULL);
		ov = pcre2_get_ovector_pointer(md);
		size_t cap = 1024, np = 0;
		uint16_t **parts = malloc(cap * sizeof *parts);
		size_t *plens = malloc(cap * sizeof *plens);
		pos = 0;
		for (;;) {
			int rc = pcre2_match(re, text, len, pos, PCRE2_NO_UTF_CHECK, md, NULL);
			size_t end = rc >= 0 ? ov[0] : len;
			if (np == cap) {
				cap *= 2;
				parts = realloc(parts, cap * sizeof *parts);
				plens = realloc(plens, cap * sizeof *plens);
			}
			parts[np] = malloc((end - pos + 1) * 2);
			memcpy(parts[np], text + pos, (end - pos) * 2);
			plens[np++] = end - pos;
			if (rc < 0) break;
			pos = ov[1];
		}
		long plen = 0;
		for (size_t i = 0; i < np; i++) {
			plen += (long)plens[i];
			free(parts[i]);
		}
		free(parts);
		free(plens);
		snprintf(res[4], 64, "split %zu %ld", np, plen);
		pcre2_match_data_free(md);
		pcre2_code_free(re);
	}
	for (int i = 0; i < 5; i++) puts(res[i]);
	return 0;
}
