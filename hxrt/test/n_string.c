/* n_string.c: number formatting, UTF-8/UTF-16 conversions, case mapping and
 * URL coding, with HashLink's expected outputs. */
#include "n_test.h"
#include <math.h>

static void check_itos(int32_t v, const char *want) {
	int32_t len = -1;
	vbyte *s = hxn_std_itos(v, &len);
	CHECK_USTR(s, want);
	CHECK_EQ_INT(len, strlen(want));
}

static void check_ftos(double v, const char *want) {
	int32_t len = -1;
	vbyte *s = hxn_std_ftos(v, &len);
	if (!nt_ueq(s, want)) {
		fprintf(stderr, "ftos(%.17g) = \"%s\", want \"%s\"\n", v, nt_s(s), want);
		nt_failures++;
	}
	CHECK_EQ_INT(len, strlen(want));
}

int main(int argc, char **argv) {
	nt_init(argc, argv);

	check_itos(0, "0");
	check_itos(-1, "-1");
	check_itos(2147483647, "2147483647");
	check_itos(INT32_MIN, "-2147483648");
	check_itos(-2147483647, "-2147483647");
	check_itos(9, "9");
	check_itos(10, "10");
	check_itos(-10, "-10");
	check_itos(1000000000, "1000000000");
	check_itos(-999999999, "-999999999");
	for (int32_t v = -100000; v <= 100000; v += 7) { /* every length and sign, against printf */
		char want[16];
		snprintf(want, sizeof want, "%d", v);
		check_itos(v, want);
	}

	check_ftos(0.1 + 0.2, "0.3");
	check_ftos(1e21, "1e+21");
	check_ftos(1e-5, "1e-05");
	check_ftos(1.5, "1.5");
	check_ftos(-0.0, "-0");
	check_ftos(123456789012345678.0, "1.23456789012346e+17");
	check_ftos(1.0 / 3.0, "0.333333333333333");
	check_ftos(5e-324, "4.94065645841247e-324");
	check_ftos(-1.7976931348623157e308, "-1.79769313486232e+308");
	check_ftos(NAN, "NaN");
	check_ftos(-NAN, "NaN");
	check_ftos(INFINITY, "inf");
	check_ftos(-INFINITY, "-inf");
	check_ftos(1e15, "1e+15");
	check_ftos(123456789012345.0, "123456789012345");

	/* ucs2length from a byte offset */
	hx_uchar *abc = nt_u("abcdef");
	CHECK_EQ_INT(hxn_std_ucs2length((vbyte *)abc, 4), 4);
	CHECK_EQ_INT(hxn_std_ucs2length((vbyte *)abc, 0), 6);

	/* UTF-8 -> UTF-16 with 2-, 3- and 4-byte sequences; size in bytes */
	const char *mixed = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"; /* a é € 😀 z */
	int32_t size = -1;
	hx_uchar *u = (hx_uchar *)hxn_std_utf8_to_utf16((vbyte *)mixed, 0, &size);
	CHECK_EQ_INT(size, 12);
	hx_uchar want16[] = {'a', 0xE9, 0x20AC, 0xD83D, 0xDE00, 'z', 0};
	CHECK(memcmp(u, want16, sizeof want16) == 0);
	u = (hx_uchar *)hxn_std_utf8_to_utf16((vbyte *)mixed, 1, &size); /* from the é */
	CHECK_EQ_INT(size, 10);
	CHECK(u[0] == 0xE9 && u[4] == 'z' && u[5] == 0);
	/* malformed: a lone continuation byte ends the text */
	u = (hx_uchar *)hxn_std_utf8_to_utf16((vbyte *)"ab\x80yz", 0, &size);
	CHECK_EQ_INT(size, 4);
	CHECK(u[0] == 'a' && u[1] == 'b' && u[2] == 0);

	/* UTF-16 -> UTF-8, len 0 = up to the terminator, else exactly len units */
	int32_t n = -1;
	vbyte *b = hxn_std_utf16_to_utf8((vbyte *)want16, 0, &n);
	CHECK_EQ_INT(n, 11);
	CHECK(strcmp((char *)b, mixed) == 0);
	b = hxn_std_utf16_to_utf8((vbyte *)want16, 3, &n);
	CHECK_EQ_INT(n, 6);
	CHECK(memcmp(b, mixed, 6) == 0 && b[6] == 0);
	b = hxn_std_utf16_to_utf8((vbyte *)want16, 0, NULL); /* null ref allowed */
	CHECK(strcmp((char *)b, mixed) == 0);

	/* a surrogate takes the next unit as its pair, even the terminator
	 * (HashLink's bytes for a lone trailing surrogate) */
	hx_uchar lone[] = {'0', 0xDC00, 0};
	b = hxn_std_utf16_to_utf8((vbyte *)lone, 0, &n);
	CHECK_EQ_INT(n, 5);
	CHECK(memcmp(b, "0\xf0\x82\x90\x80", 6) == 0);
	hx_uchar pair_cut[] = {'a', 0xD83D, 0xDE00, 0};
	b = hxn_std_utf16_to_utf8((vbyte *)pair_cut, 2, &n); /* len ends inside the pair */
	CHECK_EQ_INT(n, 5);
	CHECK(memcmp(b, "a\xf0\x9f\x98\x80", 6) == 0);

	/* case mapping: per unit, BMP only, surrogates untouched */
	hx_uchar *s = nt_u("Hello, Wörld! ß ǆ İ ÿ 😀");
	hx_uchar *up = (hx_uchar *)hxn_std_ucs2_upper((vbyte *)s, 0, hxn_ustrlen(s));
	CHECK_USTR(up, "HELLO, WÖRLD! ß ǅ İ Ÿ 😀");
	hx_uchar *lo = (hx_uchar *)hxn_std_ucs2_lower((vbyte *)s, 2, 5); /* "llo, " from unit 1 */
	CHECK_USTR(lo, "ello,");
	lo = (hx_uchar *)hxn_std_ucs2_lower((vbyte *)s, 0, hxn_ustrlen(s));
	CHECK_USTR(lo, "hello, wörld! ß ǆ i ÿ 😀");

	/* URL coding */
	int32_t len = -1;
	vbyte *e = hxn_std_url_encode((vbyte *)nt_u("a b&c=d/é€😀-_.~"), &len);
	CHECK_USTR(e, "a%20b%26c%3Dd%2F%C3%A9%E2%82%AC%F0%9F%98%80-_.%7E");
	CHECK_EQ_INT(len, strlen("a%20b%26c%3Dd%2F%C3%A9%E2%82%AC%F0%9F%98%80-_.%7E"));
	vbyte *d = hxn_std_url_decode(e, &len);
	CHECK_USTR(d, "a b&c=d/é€😀-_.~");
	CHECK_USTR(hxn_std_url_decode((vbyte *)nt_u("a+b%2x%"), &len), "a b%2x%");
	CHECK_THROWS(hxn_std_url_decode((vbyte *)nt_u("%C3x"), &len), "Malformed URL encoded");

	NT_DONE();
}
