/* n_regexp.c: EReg natives: groups in UTF-16 units, options, errors. */
#include "n_test.h"

static hxn_ereg *re(const char *p, const char *o) { return hxn_std_regexp_new_options((vbyte *)nt_u(p), (vbyte *)nt_u(o)); }

int main(int argc, char **argv) {
	nt_init(argc, argv);
	int32_t len;

	/* positions count UTF-16 units: the emoji is two */
	hx_uchar *s = nt_u("😀ab=été;x=1");
	hxn_ereg *e = re("([a-z]+)=(\\w+)", "");
	CHECK(e != NULL);
	CHECK_EQ_INT(hxn_std_regexp_matched_num(e), -1);
	CHECK_THROWS(hxn_std_regexp_matched_pos(e, 0, &len), "Calling regexp_matched_pos() on an unmatched regexp");
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

	CHECK_THROWS(re("(ab", ""), "Regexp compilation error : missing closing parenthesis in (ab");
	NT_DONE();
}
