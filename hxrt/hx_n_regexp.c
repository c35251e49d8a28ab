//go:build ignore

/* hx_n_regexp.c: EReg natives on PCRE2's 16-bit library (UTF + UCP), so that
 * positions are UTF-16 units like Haxe's. A pattern is JIT-compiled once it is
 * used for real (a few matches or a long subject): JIT compiling costs tens of
 * microseconds, which a regex literal evaluated per loop iteration would pay
 * on every iteration. */
#define PCRE2_CODE_UNIT_WIDTH 16
#include "hx_natives.h"
#include <pcre2.h>
#include <pthread.h>

enum {
	JIT_AFTER = 4,        /* matches before a pattern is JIT-compiled */
	JIT_LONG = 1024,      /* ...or a subject range at least this long */
	JIT_STACK_MIN = 32 * 1024,
	JIT_STACK_MAX = 4 * 1024 * 1024,
};

struct hxn_ereg {
	void (*finalize)(hxn_ereg *);
	pcre2_code_16 *regex;
	pcre2_match_data_16 *match_data;
	int32_t n_groups; /* capture groups + the whole match */
	int32_t uses;     /* matches run so far, up to JIT_AFTER */
	bool jit;         /* JIT-compiled: matches go straight to the JIT code */
	bool matched;     /* the last match succeeded */
};

/* JIT code keeps its backtracking state on a JIT stack. Without one PCRE2
 * takes 32 KiB of the machine stack, too much for a 64 KiB fiber, so every
 * thread gets a heap stack on first use; a fiber never yields inside a match,
 * so one stack per thread suffices. */
static __thread pcre2_jit_stack_16 *jit_stack;
static pcre2_match_context_16 *jit_mctx;
static pthread_once_t jit_once = PTHREAD_ONCE_INIT;

static pcre2_jit_stack_16 *ereg_jit_stack(void *unused) {
	(void)unused;
	if (!jit_stack) jit_stack = pcre2_jit_stack_create_16(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	return jit_stack; /* NULL only when out of memory */
}

static void jit_init(void) {
	jit_mctx = pcre2_match_context_create_16(NULL);
	if (jit_mctx) pcre2_jit_stack_assign_16(jit_mctx, ereg_jit_stack, NULL);
}

static void ereg_finalize(hxn_ereg *e) {
	pcre2_code_free_16(e->regex);
	pcre2_match_data_free_16(e->match_data);
}

/* HashLink 1.12 compiles with PCRE 8 (pcre16): where PCRE2 words a compile
 * error differently, the message is PCRE 8's, so that a bad regex raises the
 * same error text. NULL: PCRE2's own text is the same. */
static const char *pcre1_message(int code) {
	switch (code) {
	case -1: return "] is an invalid data character in JavaScript compatibility mode";
	case 107: return "invalid escape sequence in character class";
	case 109: return "nothing to repeat";
	case 114: return "missing )";
	case 117: return "unknown option bit(s) set";
	case 118: return "missing ) after comment";
	case 121: return "failed to get memory";
	case 122: return "unmatched parentheses";
	case 124: return "malformed number or name after (?(";
	case 126: return "a numbered reference must not be zero";
	case 127: return "conditional group contains more than two branches";
	case 129: return "digit expected after (?+";
	case 134: return "character value in \\x{} or \\o{} is too large";
	case 136: return "\\C not allowed in lookbehind assertion";
	case 137: return "PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u";
	case 138: return "number after (?C is > 255";
	case 139: return "closing ) for (?C expected";
	case 142: return "syntax error in subpattern name (missing terminator)";
	case 143: return "two named subpatterns have the same name";
	case 144: return "group name must start with a non-digit";
	case 147: return "unknown property name after \\P or \\p";
	case 148: return "subpattern name is too long (maximum 32 characters)";
	case 154: return "DEFINE group contains more than one branch";
	case 158: return "(?R or (?[+-]digits must be followed by )";
	case 161: return "number is too big";
	case 168: return "\\c must be followed by an ASCII character";
	case 178: return "digits missing in \\x{} or \\o{}";
	default: return NULL;
	}
}

/* PCRE 8's JavaScript-compatible mode (HashLink's) rejects a "]" outside a
 * character class, which PCRE2 takes as a literal. Reports whether pattern s
 * has one; \Q...\E, (?#...) and POSIX [:name:] are skipped as PCRE reads them. */
static bool stray_bracket(const hx_uchar *s) {
	bool in_class = false;
	for (; *s; s++) {
		if (*s == '\\') {
			if (s[1] == 'Q') {
				for (s += 2; *s && !(s[0] == '\\' && s[1] == 'E'); s++) {}
				if (!*s) return false;
			}
			s++; /* the escaped unit (or \E's E) */
			if (!*s) return false;
		} else if (in_class) {
			if (*s == '[' && s[1] == ':') {
				const hx_uchar *e = s + 2;
				while (*e && !(e[0] == ':' && e[1] == ']')) e++;
				if (*e) s = e + 1;
			} else if (*s == ']') in_class = false;
		} else if (*s == '[') {
			in_class = true;
			if (s[1] == '^') s++;
			if (s[1] == ']') s++, in_class = false; /* [] and [^]: empty classes */
		} else if (*s == '(' && s[1] == '?' && s[2] == '#') {
			while (*s && *s != ')') s++;
			if (!*s) return false;
		} else if (*s == ']') return true;
	}
	return false;
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
	if (p && stray_bracket((const hx_uchar *)str)) {
		pcre2_code_free_16(p);
		p = NULL;
		err = -1;
	}
	if (!p) {
		hxn_ubuf b = {0};
		hxn_ubuf_addc(&b, "Regexp compilation error : ");
		const char *msg1 = pcre1_message(err);
		PCRE2_UCHAR16 msg[256];
		if (msg1) hxn_ubuf_addc(&b, msg1);
		else if (pcre2_get_error_message_16(err, msg, 256) >= 0) hxn_ubuf_adds(&b, (const hx_uchar *)msg);
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

/* JIT-compiles e's pattern; if PCRE2 cannot (no JIT support, no executable
 * memory), e stays interpreted. */
static void ereg_jit(hxn_ereg *e) {
	e->uses = JIT_AFTER;
	pthread_once(&jit_once, jit_init);
	e->jit = jit_mctx && pcre2_jit_compile_16(e->regex, PCRE2_JIT_COMPLETE) == 0;
}

/* Match at unit pos within the first pos+len units. */
bool hxn_std_regexp_match(hxn_ereg *e, vbyte *s, int32_t pos, int32_t len) {
	if (e->uses < JIT_AFTER && (++e->uses == JIT_AFTER || len >= JIT_LONG)) ereg_jit(e);
	PCRE2_SIZE end = (PCRE2_SIZE)pos + (PCRE2_SIZE)len;
	/* pcre2_jit_match checks nothing: a bad offset goes to pcre2_match for its error */
	int res = e->jit && pos >= 0 && (PCRE2_SIZE)pos <= end
	                  ? pcre2_jit_match_16(e->regex, (PCRE2_SPTR16)s, end, (PCRE2_SIZE)pos, 0, e->match_data, jit_mctx)
	                  : pcre2_match_16(e->regex, (PCRE2_SPTR16)s, end, (PCRE2_SIZE)pos, PCRE2_NO_UTF_CHECK, e->match_data,
	                                   NULL);
	if (res == PCRE2_ERROR_JIT_STACKLIMIT) /* deep backtracking: interpret */
		res = pcre2_match_16(e->regex, (PCRE2_SPTR16)s, end, (PCRE2_SIZE)pos, PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT,
		                     e->match_data, NULL);
	e->matched = res >= 0;
	if (res >= 0) return true;
	if (res != PCRE2_ERROR_NOMATCH) hx_error("An error occurred while running pcre_exec"); /* HashLink's words */
	return false;
}

/* Start of group m (-1 if it did not participate), its length through len. */
int32_t hxn_std_regexp_matched_pos(hxn_ereg *e, int32_t m, int32_t *len) {
	if (!e->matched) hx_error("Calling matchedPos() on an unmatched regexp");
	if (m < 0 || m >= e->n_groups) hx_error("Matched index %d outside bounds", m);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
	int32_t start = (int32_t)ov[m * 2];
	if (len) *len = (int32_t)ov[m * 2 + 1] - start;
	return start;
}

int32_t hxn_std_regexp_matched_num(hxn_ereg *e) { return e->matched ? e->n_groups : -1; }

/* ---- whole loops in one call ------------------------------------------------
 * replace and split run Haxe's EReg.hx loops for HashLink (the same matches,
 * the same "$" rules, the same state left behind) in one native call. A first
 * pass records each match's positions in a per-thread vector reused across
 * calls; the result is then allocated at its exact size and filled straight
 * from the subject: no native call per match and group, no growing buffer, no
 * second copy of a big result, an array allocated once. No Haxe code runs
 * inside, so a fiber cannot switch away while the vector is in use. */

typedef struct {
	int32_t *p;
	size_t len, cap;
} ivec;

static __thread ivec recs;

/* n more entries at the end of recs (which may move). */
static int32_t *recs_add(size_t n) {
	ivec *v = &recs;
	if (v->len + n > v->cap) {
		size_t cap = v->cap ? v->cap * 2 : 1024;
		while (cap < v->len + n) cap *= 2;
		int32_t *p = (int32_t *)realloc(v->p, cap * sizeof(int32_t));
		if (!p) hx_error("Out of memory");
		v->p = p, v->cap = cap;
	}
	int32_t *r = v->p + v->len;
	v->len += n;
	return r;
}

static void recs_done(void) {
	if (recs.cap > ((size_t)8 << 20)) { /* keep at most 32 MiB per thread */
		free(recs.p);
		recs.p = NULL;
		recs.cap = 0;
	}
	recs.len = 0;
}

static inline hx_uchar *put(hx_uchar *o, const hx_uchar *src, size_t n) {
	if (n <= 8) /* most pieces are short: no call */
		for (size_t i = 0; i < n; i++) o[i] = src[i];
	else
		memcpy(o, src, n * sizeof(hx_uchar));
	return o + n;
}

/* A String object (the contract's layout). */
typedef struct {
	hx_type *t;
	hx_uchar *bytes;
	int32_t length;
} hxn_str;

/* A new String of type st holding a copy of src[0, len). */
static hxn_str *new_string(hx_type *st, const hx_uchar *src, int32_t len) {
	hx_uchar *b = (hx_uchar *)hx_gc_alloc(((size_t)len + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	put(b, src, (size_t)len); /* the block is zeroed: terminated */
	hxn_str *s = (hxn_str *)hx_gc_alloc(sizeof(hxn_str), HX_MEM_DYNAMIC);
	s->t = st;
	s->bytes = b;
	HX_WB(s, b);
	s->length = len;
	return s;
}

/* EReg.matched(n): group n of the last match as last.substr(pos, len) gives
 * it (null if the group did not take part), without substr's argument
 * checks and calls. last may be an older subject (after split or replace):
 * clamped as substr clamps. */
void *hxn_std_regexp_matched_string(hxn_ereg *e, int32_t n, void *lastp) {
	hxn_str *last = (hxn_str *)lastp;
	int32_t len;
	int32_t pos = hxn_std_regexp_matched_pos(e, n, &len);
	if (pos < 0) return NULL;
	if (!last) hx_error("Null access"); /* last.substr on null, as hx_null_access words it */
	if ((uint32_t)pos + (uint32_t)len > (uint32_t)last->length) len = last->length - pos;
	if (len < 0) len = 0;
	return new_string(last->t, last->bytes + pos, len);
}

/* The next match at or after pos, stepped as HashLink's split and replace
 * step: an empty match after the first is moved one unit on, and one at the
 * end of the subject ends the walk. False when there is none. */
static bool next_match(hxn_ereg *e, vbyte *str, int32_t pos, int32_t slen, bool first, int32_t *p, int32_t *plen) {
	if (!hxn_std_regexp_match(e, str, pos, slen - pos)) return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
	*p = (int32_t)ov[0], *plen = (int32_t)(ov[1] - ov[0]);
	if (*plen == 0 && !first) {
		if (*p == slen) return false;
		(*p)++;
	}
	return true;
}

/* EReg.split(s) (slen = s.length): every piece a new String, in a new array
 * of Strings. */
varray *hxn_std_regexp_split(hxn_ereg *e, void *sp, int32_t slen, bool global) {
	hxn_str *s = (hxn_str *)sp;
	vbyte *str = (vbyte *)s->bytes;
	recs.len = 0;
	int32_t pos = 0;
	bool first = true;
	do {
		int32_t p, plen;
		if (!next_match(e, str, pos, slen, first, &p, &plen)) break;
		int32_t *r = recs_add(2);
		r[0] = pos, r[1] = p; /* the piece before the match */
		pos = p + plen;
		first = false;
	} while (global);
	int32_t *r = recs_add(2);
	r[0] = pos, r[1] = slen;
	int32_t n = (int32_t)(recs.len / 2);
	varray *a = hx_alloc_array(s->t, n);
	hxn_str **items = hx_aptr(a, hxn_str *);
	for (int32_t i = 0; i < n; i++) {
		hxn_str *piece = new_string(s->t, s->bytes + recs.p[2 * i], recs.p[2 * i + 1] - recs.p[2 * i]);
		items[i] = piece;
		HX_WB(a, piece);
	}
	recs_done();
	return a;
}

/* One piece of a parsed replacement: by[off, off+len), after group g's text
 * when g > 0; by[alt, alt+alen) instead of both when group g did not take
 * part in the match. */
typedef struct {
	int32_t g, off, len, alt, alen;
} rpiece;

typedef struct {
	rpiece *p;
	int cap;
} rpieces;

static __thread rpieces pieces;

/* Parses by as HashLink's EReg.replace reads it: split at each "$"; a piece
 * starting with 1-9 names a group (its text, then the rest of the piece; "$"
 * and the whole piece if the group does not exist or did not match); an
 * empty piece ("$$") gives "$" and the next piece verbatim; any other piece
 * gives "$" and itself. Returns the pieces and their number through *np, and
 * through *bad the first group named that the pattern does not have (0: none):
 * HashLink's matched_pos raises for it, which its EReg.replace does not catch
 * (it catches String, the error is bytes), so the first match raises. */
static rpiece *parse_replacement(const hx_uchar *by, int32_t bylen, int32_t n_groups, int *np, int *bad) {
	if (bylen + 1 > pieces.cap) { /* at most one piece per "$", plus the first */
		rpiece *p = (rpiece *)realloc(pieces.p, ((size_t)bylen + 1) * sizeof(rpiece));
		if (!p) hx_error("Out of memory");
		pieces.p = p, pieces.cap = bylen + 1;
	}
	rpiece *out = pieces.p;
	int n = 0;
	*bad = 0;
	int32_t i = 0;
	while (i < bylen && by[i] != '$') i++;
	out[n++] = (rpiece){0, 0, i, 0, 0};
	while (i < bylen) {
		int32_t k = ++i; /* piece [k, end), "$" at k - 1 */
		while (i < bylen && by[i] != '$') i++;
		int32_t end = i;
		hx_uchar c = k < end ? by[k] : 0;
		if (c >= '1' && c <= '9') {
			if (c - '0' < n_groups) out[n++] = (rpiece){c - '0', k + 1, end - k - 1, k - 1, end - k + 1};
			else if (!*bad) *bad = c - '0';
		} else if (c == 0) {
			out[n++] = (rpiece){0, k - 1, 1, 0, 0}; /* "$" */
			if (i < bylen) { /* the next piece, verbatim */
				int32_t k2 = ++i;
				while (i < bylen && by[i] != '$') i++;
				out[n++] = (rpiece){0, k2, i - k2, 0, 0};
			}
		} else {
			out[n++] = (rpiece){0, k - 1, end - k + 1, 0, 0}; /* "$" and the piece */
		}
	}
	*np = n;
	return out;
}

/* The length of one match's replacement. A match's record r: its start
 * (moved past an empty match), its end, then start and end of groups
 * 1..maxg (-1 when a group did not take part). */
static size_t replacement_len(const rpiece *pc, int np, const int32_t *r) {
	size_t n = 0;
	for (int i = 0; i < np; i++) {
		const rpiece *q = &pc[i];
		if (!q->g) n += (size_t)q->len;
		else if (r[2 * q->g] >= 0) n += (size_t)(r[2 * q->g + 1] - r[2 * q->g] + q->len);
		else n += (size_t)q->alen;
	}
	return n;
}

static hx_uchar *put_replacement(hx_uchar *o, const rpiece *pc, int np, const int32_t *r, const hx_uchar *s,
                                 const hx_uchar *by) {
	for (int i = 0; i < np; i++) {
		const rpiece *q = &pc[i];
		if (!q->g) {
			o = put(o, by + q->off, (size_t)q->len);
		} else if (r[2 * q->g] >= 0) {
			o = put(o, s + r[2 * q->g], (size_t)(r[2 * q->g + 1] - r[2 * q->g]));
			o = put(o, by + q->off, (size_t)q->len);
		} else {
			o = put(o, by + q->alt, (size_t)q->alen);
		}
	}
	return o;
}

vbyte *hxn_std_regexp_replace(hxn_ereg *e, vbyte *str, int32_t slen, vbyte *bystr, int32_t bylen, bool global,
                              int32_t *outlen) {
	const hx_uchar *s = (const hx_uchar *)str, *by = (const hx_uchar *)bystr;
	int np, bad;
	rpiece *pc = parse_replacement(by, bylen, e->n_groups, &np, &bad);
	int maxg = 0;
	for (int i = 0; i < np; i++)
		if (pc[i].g > maxg) maxg = pc[i].g;
	size_t stride = 2 + 2 * (size_t)maxg, total = 0;
	recs.len = 0;
	int32_t pos = 0;
	bool first = true;
	do {
		int32_t p, plen;
		if (!next_match(e, str, pos, slen, first, &p, &plen)) break;
		if (bad) hx_error("Matched index %d outside bounds", bad); /* at the first match */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
		int32_t *r = recs_add(stride);
		r[0] = p, r[1] = p + plen;
		for (int g = 1; g <= maxg; g++) {
			bool set = ov[2 * g] != PCRE2_UNSET;
			r[2 * g] = set ? (int32_t)ov[2 * g] : -1;
			r[2 * g + 1] = set ? (int32_t)ov[2 * g + 1] : -1;
		}
		total += (size_t)(p - pos) + replacement_len(pc, np, r);
		pos = p + plen;
		first = false;
	} while (global);
	total += (size_t)(slen - pos);
	if (total >= (size_t)INT32_MAX) hx_error("Out of memory");
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((total + 1) * sizeof(hx_uchar), HX_MEM_NOPTR), *o = out;
	int32_t at = 0;
	for (size_t k = 0; k < recs.len; k += stride) {
		const int32_t *r = recs.p + k;
		o = put(o, s + at, (size_t)(r[0] - at));
		o = put_replacement(o, pc, np, r, s, by);
		at = r[1];
	}
	o = put(o, s + at, (size_t)(slen - at)); /* the block is zeroed: terminated */
	*outlen = (int32_t)total;
	recs_done();
	if (pieces.cap > 4096) { /* a long replacement's pieces are not kept */
		free(pieces.p);
		pieces.p = NULL;
		pieces.cap = 0;
	}
	return (vbyte *)out;
}
