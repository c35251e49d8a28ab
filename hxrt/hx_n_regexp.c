//go:build ignore

/* hx_n_regexp.c: EReg natives on PCRE2's 16-bit library (UTF + UCP), so that
 * positions are UTF-16 units like Haxe's. */
#define PCRE2_CODE_UNIT_WIDTH 16
#include "hx_natives.h"
#include <pcre2.h>

struct hxn_ereg {
	void (*finalize)(hxn_ereg *);
	pcre2_code_16 *regex;
	pcre2_match_data_16 *match_data;
	int32_t n_groups; /* capture groups + the whole match */
	bool matched;     /* the last match succeeded */
};

static void ereg_finalize(hxn_ereg *e) {
	pcre2_code_free_16(e->regex);
	pcre2_match_data_free_16(e->match_data);
}

/* Options: i s m u(ignored) g(ungreedy); any other letter gives null. */
hxn_ereg *hxn_std_regexp_new_options(vbyte *str, vbyte *opts) {
	uint32_t options = PCRE2_UCP | PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_MATCH_UNSET_BACKREF;
	for (const hx_uchar *o = (const hx_uchar *)opts; *o; o++) {
		switch (*o) {
		case 'i': options |= PCRE2_CASELESS; break;
		case 's': options |= PCRE2_DOTALL; break;
		case 'm': options |= PCRE2_MULTILINE; break;
		case 'u': break;
		case 'g': options |= PCRE2_UNGREEDY; break;
		default: return NULL;
		}
	}
	int err;
	PCRE2_SIZE erroff;
	pcre2_code_16 *p = pcre2_compile_16((PCRE2_SPTR16)str, PCRE2_ZERO_TERMINATED, options, &err, &erroff, NULL);
	if (!p) {
		PCRE2_UCHAR16 msg[256];
		hxn_ubuf b = {0};
		if (pcre2_get_error_message_16(err, msg, 256) < 0) msg[0] = 0;
		hxn_ubuf_addc(&b, "Regexp compilation error : ");
		hxn_ubuf_adds(&b, (const hx_uchar *)msg);
		hxn_ubuf_addc(&b, " in ");
		hxn_ubuf_adds(&b, (const hx_uchar *)str);
		hxn_throw_ustr((hx_uchar *)hxn_ubuf_finish(&b, NULL));
	}
	hxn_ereg *r = (hxn_ereg *)hx_gc_alloc(sizeof(hxn_ereg), HX_MEM_FINALIZER);
	uint32_t n = 0;
	r->regex = p;
	pcre2_pattern_info_16(p, PCRE2_INFO_CAPTURECOUNT, &n);
	r->n_groups = (int32_t)n + 1;
	r->match_data = pcre2_match_data_create_from_pattern_16(p, NULL);
	r->finalize = ereg_finalize;
	return r;
}

/* Match at unit pos within the first pos+len units. */
bool hxn_std_regexp_match(hxn_ereg *e, vbyte *s, int32_t pos, int32_t len) {
	int res = pcre2_match_16(e->regex, (PCRE2_SPTR16)s, (PCRE2_SIZE)pos + (PCRE2_SIZE)len, (PCRE2_SIZE)pos,
	                         PCRE2_NO_UTF_CHECK, e->match_data, NULL);
	e->matched = res >= 0;
	if (res >= 0) return true;
	if (res != PCRE2_ERROR_NOMATCH) hx_error("An error occurred while running pcre2_match()");
	return false;
}

/* Start of group m (-1 if it did not participate), its length through len. */
int32_t hxn_std_regexp_matched_pos(hxn_ereg *e, int32_t m, int32_t *len) {
	if (!e->matched) hx_error("Calling regexp_matched_pos() on an unmatched regexp");
	if (m < 0 || m >= e->n_groups) hx_error("Matched index %d outside bounds", m);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
	int32_t start = (int32_t)ov[m * 2];
	if (len) *len = (int32_t)ov[m * 2 + 1] - start;
	return start;
}

int32_t hxn_std_regexp_matched_num(hxn_ereg *e) { return e->matched ? e->n_groups : -1; }
