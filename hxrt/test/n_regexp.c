/* n_regexp.c: EReg natives: groups in UTF-16 units, options, errors (with
 * HashLink 1.12's PCRE 8 texts), JIT-compiled and interpreted matching. */
#include "n_test.h"

static hxn_ereg *re(const char *p, const char *o) { return hxn_std_regexp_new_options((vbyte *)nt_u(p), (vbyte *)nt_u(o)); }

/* EReg.replace of s by by, global or not, through the one-call native. */
static hx_uchar *rep(const char *p, const char *s, const char *by, bool global) {
	hx_uchar *us = nt_u(s), *uby = nt_u(by);
	int32_t n = -1;
	hx_uchar *r = (hx_uchar *)hxn_std_regexp_replace(re(p, ""), (vbyte *)us, hxn_ustrlen(us), (vbyte *)uby,
	                                                 hxn_ustrlen(uby), global, &n);
	CHECK_EQ_INT(n, hxn_ustrlen(r));
	return r;
}

/* A String object (the contract's layout) of a stand-in String type. */
typedef struct {
	hx_type *t;
	hx_uchar *bytes;
	int32_t length;
} tstr;
static hx_type string_t = {HX_OBJ};

static tstr *str(const char *s) {
	tstr *r = (tstr *)hx_gc_alloc(sizeof(tstr), HX_MEM_RAW);
	r->t = &string_t;
	r->bytes = nt_u(s);
	r->length = hxn_ustrlen(r->bytes);
	return r;
}

/* EReg.split of s through the one-call native, the pieces joined by "|". */
static hx_uchar *split(const char *p, const char *s, bool global) {
	tstr *subj = str(s);
	varray *a = hxn_std_regexp_split(re(p, ""), subj, subj->length, global);
	CHECK(a->at == &string_t);
	hxn_ubuf b = {0};
	for (int i = 0; i < a->size; i++) {
		tstr *piece = hx_aptr(a, tstr *)[i];
		CHECK(piece->t == &string_t);
		CHECK_EQ_INT(piece->bytes[piece->length], 0);
		if (i) hxn_ubuf_add(&b, '|');
		for (int k = 0; k < piece->length; k++) hxn_ubuf_add(&b, piece->bytes[k]);
	}
	return (hx_uchar *)hxn_ubuf_finish(&b, NULL);
}

int main(int argc, char **argv) {
	nt_init(argc, argv);
	int32_t len;

	/* positions count UTF-16 units: the emoji is two */
	hx_uchar *s = nt_u("😀ab=été;x=1");
	hxn_ereg *e = re("([a-z]+)=(\\w+)", "");
	CHECK(e != NULL);
	CHECK_EQ_INT(hxn_std_regexp_matched_num(e), -1);
	CHECK_THROWS(hxn_std_regexp_matched_pos(e, 0, &len), "Calling matchedPos() on an unmatched regexp");
	CHECK(hxn_std_regexp_match(e, (vbyte *)s, 0, hxn_ustrlen(s)));
	CHECK_EQ_INT(hxn_std_regexp_matched_num(e), 3);
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 0, &len), 2);
	CHECK_EQ_INT(len, 6);
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 1, &len), 2);
	CHECK_EQ_INT(len, 2);
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 2, &len), 5); /* \w is Unicode (UCP) */
	CHECK_EQ_INT(len, 3);
	CHECK_THROWS(hxn_std_regexp_matched_pos(e, 3, &len), "Matched index 3 outside bounds");
	CHECK_THROWS(hxn_std_regexp_matched_pos(e, -1, &len), "Matched index -1 outside bounds");
	/* from a position, within a length */
	CHECK(hxn_std_regexp_match(e, (vbyte *)s, 3, 9));
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 0, &len), 3);
	CHECK(!hxn_std_regexp_match(e, (vbyte *)s, 9, 2)); /* "x=" without the digit */
	CHECK_EQ_INT(hxn_std_regexp_matched_num(e), -1);
	CHECK(hxn_std_regexp_match(e, (vbyte *)s, 9, 3));

	/* an unmatched group */
	e = re("(a)|(b)", "");
	CHECK(hxn_std_regexp_match(e, (vbyte *)nt_u("b"), 0, 1));
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 1, &len), -1);
	CHECK_EQ_INT(len, 0);
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 2, &len), 0);

	/* options */
	hx_uchar *t = nt_u("Line1\nline2");
	CHECK(!hxn_std_regexp_match(re("^line2", ""), (vbyte *)t, 0, 11));
	CHECK(hxn_std_regexp_match(re("^line2", "m"), (vbyte *)t, 0, 11));
	CHECK(hxn_std_regexp_match(re("^LINE1", "i"), (vbyte *)t, 0, 11));
	CHECK(hxn_std_regexp_match(re("ÉTÉ", "iu"), (vbyte *)s, 0, hxn_ustrlen(s)));
	CHECK(!hxn_std_regexp_match(re("1.line", ""), (vbyte *)t, 0, 11));
	CHECK(hxn_std_regexp_match(re("1.line", "s"), (vbyte *)t, 0, 11));
	e = re("l.+", "g"); /* ungreedy */
	CHECK(hxn_std_regexp_match(e, (vbyte *)t, 0, 11));
	hxn_std_regexp_matched_pos(e, 0, &len);
	CHECK_EQ_INT(len, 2);
	CHECK(re("a", "x") == NULL);

	CHECK_THROWS(re("(ab", ""), "Regexp compilation error : missing ) in (ab");
	CHECK_THROWS(re("*a", ""), "Regexp compilation error : nothing to repeat in *a");
	CHECK_THROWS(re("[z-a]", ""), "Regexp compilation error : range out of order in character class in [z-a]");
	/* a "]" outside a class is an error in PCRE 8's JavaScript mode, not in PCRE2 */
	CHECK_THROWS(re("a]", ""), "Regexp compilation error : ] is an invalid data character in JavaScript compatibility mode in a]");
	CHECK_THROWS(re("[]a]", ""), "Regexp compilation error : ] is an invalid data character in JavaScript compatibility mode in []a]");
	CHECK(re("\\]", "") != NULL);
	CHECK(re("[\\]]", "") != NULL);
	CHECK(re("[[:alpha:]]", "") != NULL);
	CHECK(re("\\Q]\\E", "") != NULL);
	CHECK(re("(?#])", "") != NULL);
	CHECK(re("[^]", "") != NULL);

	/* the same answers before the JIT (first matches, short subjects) and after it */
	e = re("(\\d+)-(\\d+)", "");
	hx_uchar *d = nt_u("ab 12-345 x");
	for (int i = 0; i < 8; i++) {
		CHECK(hxn_std_regexp_match(e, (vbyte *)d, 0, 11));
		CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 2, &len), 6);
		CHECK_EQ_INT(len, 3);
		CHECK(!hxn_std_regexp_match(e, (vbyte *)d, 7, 4));
	}
	/* a bad offset is an error on both paths, not a read out of bounds */
	CHECK_THROWS(hxn_std_regexp_match(e, (vbyte *)d, 12, -1), "An error occurred while running pcre_exec");
	CHECK_THROWS(hxn_std_regexp_match(e, (vbyte *)d, -1, 3), "An error occurred while running pcre_exec");
	/* a long subject is matched by JIT code from the first call */
	enum { LONG = 5000 };
	hx_uchar *big = (hx_uchar *)hx_gc_alloc((LONG + 1) * sizeof(hx_uchar), HX_MEM_NOPTR);
	for (int i = 0; i < LONG; i++) big[i] = (hx_uchar)('a' + i % 26);
	big[LONG] = 0;
	big[LONG - 7] = '4', big[LONG - 6] = '-', big[LONG - 5] = '2';
	e = re("(\\d+)-(\\d+)", "");
	CHECK(hxn_std_regexp_match(e, (vbyte *)big, 0, LONG));
	CHECK_EQ_INT(hxn_std_regexp_matched_pos(e, 0, &len), LONG - 7);
	CHECK_EQ_INT(len, 3);
	/* replace: HashLink's "$" rules and empty-match steps */
	CHECK_USTR(rep("b", "abcb", "[$0]", false), "a[$0]cb");
	CHECK_USTR(rep("b", "abcb", "<$$>", true), "a<$>c<$>");
	CHECK_USTR(rep("(a)(b)?", "ac", "$1$2|", true), "a$2|c");
	CHECK_THROWS(rep("(a)(b)?", "ac", "$1$2$3|", true), "Matched index 3 outside bounds");
	CHECK_USTR(rep("(a)(b)(c)", "abc", "$10", true), "a0");
	CHECK_USTR(rep("b", "abc", "$", true), "a$c");
	CHECK_USTR(rep("x*", "abc", "-", true), "-a-b-c-");
	CHECK_USTR(rep("\\d+", "a1b22c", "#", true), "a#b#c");
	CHECK_USTR(rep("\\d+", "", "#", true), "");
	CHECK_USTR(rep("😀", "a😀b😀", "é", true), "aébé");
	/* a group the pattern does not have raises at the first match, as HashLink's
	 * EReg.replace lets matched_pos's error through; no match, no error */
	CHECK_THROWS(rep("(a)(b)(c)", "abc", "$4", true), "Matched index 4 outside bounds");
	CHECK_USTR(rep("(a)(b)(c)", "xyz", "$4", true), "xyz");
	/* many pieces, a group set in one match and not in the next */
	CHECK_USTR(rep("(a)(b)?", "ab-a", "<$2$1$$x$>", true), "<ba$x$>-<$2a$x$>");
	CHECK_USTR(rep("o", "foo", "<<$$>>", true), "f<<$>><<$>>");

	/* split: pieces as HashLink's EReg.split cuts them, each a new String */
	CHECK_USTR(split(",", ",a,,b,", true), "|a||b|");
	CHECK_USTR(split(",", "a,b,c", false), "a|b,c");
	CHECK_USTR(split(",", "", true), "");
	CHECK_USTR(split("", "abc", true), "|a|b|c|");
	CHECK_USTR(split("(,)(;)?", "a,b;,c", true), "a|b;|c");
	CHECK_USTR(split(" ", "été 😀x", true), "été|😀x");
	hxn_ereg *sp = re("[ ,]+", "");
	tstr *words = str("one, two  three");
	for (int i = 0; i < 6; i++) { /* interpreted, then JIT-compiled */
		varray *a = hxn_std_regexp_split(sp, words, words->length, true);
		CHECK_EQ_INT(a->size, 3);
		CHECK_USTR(hx_aptr(a, tstr *)[2]->bytes, "three");
	}

	/* matched(n) as a String of the last subject; clamped like substr when that is
	 * not the string the match ran on */
	e = re("(a*)(b)", "");
	tstr *last = str("xaab");
	CHECK(hxn_std_regexp_match(e, (vbyte *)last->bytes, 0, last->length));
	tstr *m = (tstr *)hxn_std_regexp_matched_string(e, 1, last);
	CHECK(m->t == &string_t);
	CHECK_USTR(m->bytes, "aa");
	CHECK_EQ_INT(m->length, 2);
	CHECK_USTR(((tstr *)hxn_std_regexp_matched_string(e, 0, last))->bytes, "aab");
	CHECK(hxn_std_regexp_match(e, (vbyte *)nt_u("b"), 0, 1));
	m = (tstr *)hxn_std_regexp_matched_string(e, 1, last); /* empty group: "", not null */
	CHECK(m != NULL);
	CHECK_EQ_INT(m->length, 0);
	CHECK_THROWS(hxn_std_regexp_matched_string(e, 3, last), "Matched index 3 outside bounds");
	CHECK_THROWS(hxn_std_regexp_matched_string(e, 0, NULL), "Null access");
	e = re("(b)?c", "");
	CHECK(hxn_std_regexp_match(e, (vbyte *)nt_u("xxxxc"), 0, 5));
	CHECK(hxn_std_regexp_matched_string(e, 1, last) == NULL);
	m = (tstr *)hxn_std_regexp_matched_string(e, 0, last); /* 4..5 of a 4-unit string */
	CHECK_EQ_INT(m->length, 0);
	CHECK(!hxn_std_regexp_match(e, (vbyte *)nt_u("x"), 0, 1));
	CHECK_THROWS(hxn_std_regexp_matched_string(e, 0, last), "Calling matchedPos() on an unmatched regexp");

	/* catastrophic backtracking ends with HashLink's error, whichever engine runs */
	for (int i = 0; i < LONG; i++) big[i] = 'a';
	big[40] = 'b', big[41] = 0;
	e = re("^(a+)+$", "");
	CHECK_THROWS(hxn_std_regexp_match(e, (vbyte *)big, 0, 41), "An error occurred while running pcre_exec");
	NT_DONE();
}
