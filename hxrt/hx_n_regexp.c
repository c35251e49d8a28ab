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

/* ---- replace in one call ---------------------------------------------------
 * EReg.replace as Haxe's EReg.hx for HashLink computes it (same loop, same "$"
 * rules), but in one native call building the result in a per-thread scratch
 * buffer that is reused across calls: the Haxe loop paid a native call per
 * match and group, a StringBuf that grows by copying, and fresh pages for every
 * large result. */

typedef struct {
	hx_uchar *p;
	size_t len, cap;
} rbuf;

static __thread rbuf scratch;

static void rb_add(rbuf *b, const hx_uchar *s, size_t n) {
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 1024;
		while (cap < b->len + n) cap *= 2;
		hx_uchar *p = (hx_uchar *)realloc(b->p, cap * sizeof(hx_uchar));
		if (!p) hx_error("Out of memory");
		b->p = p, b->cap = cap;
	}
	memcpy(b->p + b->len, s, n * sizeof(hx_uchar));
	b->len += n;
}

static const hx_uchar dollar = '$';

/* Appends the replacement: by is split at each "$"; a piece starting with 1-9
 * names a group (its text, then the rest of the piece; "$" and the whole piece
 * if the group does not exist or did not match); an empty piece ("$$") gives
 * "$" and the next piece verbatim; any other piece gives "$" and itself. */
static void add_replacement(rbuf *b, hxn_ereg *e, const hx_uchar *s, const hx_uchar *by, int32_t bylen) {
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
	int32_t i = 0;
	while (i < bylen && by[i] != '$') i++;
	rb_add(b, by, (size_t)i); /* the first piece */
	while (i < bylen) {
		int32_t k = ++i; /* piece [k, end) */
		while (i < bylen && by[i] != '$') i++;
		int32_t end = i;
		hx_uchar c = k < end ? by[k] : 0;
		if (c >= '1' && c <= '9') {
			int32_t g = c - '0';
			if (g < e->n_groups && ov[2 * g] != PCRE2_UNSET) {
				rb_add(b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
				rb_add(b, by + k + 1, (size_t)(end - k - 1));
			} else {
				rb_add(b, &dollar, 1);
				rb_add(b, by + k, (size_t)(end - k));
			}
		} else if (c == 0) {
			rb_add(b, &dollar, 1);
			if (i < bylen) { /* the next piece, verbatim */
				int32_t k2 = ++i;
				while (i < bylen && by[i] != '$') i++;
				rb_add(b, by + k2, (size_t)(i - k2));
			}
		} else {
			rb_add(b, &dollar, 1);
			rb_add(b, by + k, (size_t)(end - k));
		}
	}
}

vbyte *hxn_std_regexp_replace(hxn_ereg *e, vbyte *str, int32_t slen, vbyte *bystr, int32_t bylen, bool global,
                              int32_t *outlen) {
	const hx_uchar *s = (const hx_uchar *)str, *by = (const hx_uchar *)bystr;
	rbuf *b = &scratch;
	b->len = 0;
	int32_t pos = 0, len = slen;
	bool first = true;
	do {
		if (!hxn_std_regexp_match(e, str, pos, len)) break;
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer_16(e->match_data);
		int32_t p = (int32_t)ov[0], plen = (int32_t)(ov[1] - ov[0]);
		if (plen == 0 && !first) {
			if (p == slen) break;
			p++;
		}
		rb_add(b, s + pos, (size_t)(p - pos));
		add_replacement(b, e, s, by, bylen);
		int32_t tot = p + plen - pos;
		pos += tot;
		len -= tot;
		first = false;
	} while (global);
	if (len > 0) rb_add(b, s + pos, (size_t)len);
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((b->len + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	if (b->len) memcpy(out, b->p, b->len * sizeof(hx_uchar));
	out[b->len] = 0;
	*outlen = (int32_t)b->len;
	if (b->cap > ((size_t)32 << 20)) { /* keep at most 64 MiB of scratch per thread */
		free(b->p);
		b->p = NULL;
		b->cap = 0;
	}
	return (vbyte *)out;
}
