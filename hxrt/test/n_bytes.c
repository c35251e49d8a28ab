/* n_bytes.c: bytes natives, sorts (stability, bound closures) and parsers. */
#include "n_test.h"
#include <math.h>

static int ncalls;
static int32_t cmp_i32(int32_t a, int32_t b) { ncalls++; return (a >> 4) - (b >> 4); } /* ties on low bits */
static int32_t cmp_f64_bound(void *env, double a, double b) {
	ncalls++;
	int dir = *(int *)env;
	return a < b ? -dir : a > b ? dir : 0;
}
static int32_t cmp_i64(int64_t a, int64_t b) { return a < b ? -1 : a > b; }

static vdynamic *pint(const char *s) {
	hx_uchar *u = nt_u(s);
	return hxn_std_parse_int((vbyte *)u, 0, hxn_ustrlen(u));
}
static double pfloat(const char *s) {
	hx_uchar *u = nt_u(s);
	return hxn_std_parse_float((vbyte *)u, 0, hxn_ustrlen(u));
}
#define CHECK_PINT(s, want) do { vdynamic *d_ = pint(s); CHECK(d_ != NULL && d_->t == &hxt_i32); if (d_) CHECK_EQ_INT(d_->v.i, want); } while (0)

int main(int argc, char **argv) {
	nt_init(argc, argv);

	vbyte *b = hxn_std_alloc_bytes(16);
	for (int i = 0; i < 16; i++) b[i] = (vbyte)i;
	hxn_std_bytes_blit(b, 2, b, 0, 8); /* overlapping */
	CHECK(b[2] == 0 && b[9] == 7 && b[10] == 10);
	hxn_std_bytes_fill(b, 12, 4, 0x1FF);
	CHECK(b[11] == 11 && b[12] == 0xFF && b[15] == 0xFF);
	CHECK(hxn_std_bytes_compare(b, 0, b, 2, 2) == 0);
	CHECK(hxn_std_bytes_compare(b, 10, b, 11, 1) < 0);

	hx_uchar *x = nt_u("abcé"), *y = nt_u("abd");
	CHECK_EQ_INT(hxn_std_bytes_compare16((vbyte *)x, (vbyte *)y, 3), 'c' - 'd');
	CHECK_EQ_INT(hxn_std_bytes_compare16((vbyte *)x, (vbyte *)y, 2), 0);
	CHECK(hxn_std_string_compare((vbyte *)x, (vbyte *)y, 3) < 0);

	vbyte *hay = (vbyte *)"hello world, hello";
	CHECK_EQ_INT(hxn_std_bytes_find(hay, 0, 18, (vbyte *)"hello", 0, 5), 0);
	CHECK_EQ_INT(hxn_std_bytes_find(hay, 1, 17, (vbyte *)"hello", 0, 5), 13);
	CHECK_EQ_INT(hxn_std_bytes_find(hay, 1, 16, (vbyte *)"hello", 0, 5), -1);
	CHECK_EQ_INT(hxn_std_bytes_find(hay, 3, 10, (vbyte *)"xlo", 1, 2), 3);
	CHECK_EQ_INT(hxn_std_bytes_find(hay, 5, 10, (vbyte *)"", 0, 0), 5);
	CHECK_EQ_INT(hxn_std_bytes_rfind(hay, 18, (vbyte *)"hello", 5), 13);
	CHECK_EQ_INT(hxn_std_bytes_rfind(hay, 17, (vbyte *)"hello", 5), 0);
	CHECK_EQ_INT(hxn_std_bytes_rfind(hay, 18, (vbyte *)"", 0), 18);
	CHECK_EQ_INT(hxn_std_bytes_rfind(hay, 3, (vbyte *)"hello", 5), -1);
	CHECK(hxn_std_bytes_offset(hay, 6) == hay + 6);
	CHECK_EQ_INT(hxn_std_bytes_subtract(hay + 6, hay), 6);
	int32_t high;
	int32_t low = hxn_std_bytes_address(hay, &high);
	CHECK(hxn_std_bytes_from_address(low, high) == hay);
	CHECK(hxn_std_bytes_from_address64(hxn_std_bytes_address64(hay)) == hay);

	/* stable sort of 100 i32 keyed on v>>4: equal keys keep their order */
	int32_t *arr = (int32_t *)hxn_std_alloc_bytes(4 * 102);
	for (int i = 0; i < 102; i++) arr[i] = ((i * 37) % 7) << 4 | (i % 16);
	arr[0] = 999, arr[101] = -999; /* outside the sorted range */
	vclosure c = {NULL, (void *)cmp_i32, 0, 0, NULL};
	hxn_std_bsort_i32((vbyte *)arr, 4, 100, &c);
	CHECK(arr[0] == 999 && arr[101] == -999);
	for (int i = 2; i <= 100; i++) CHECK((arr[i - 1] >> 4) <= (arr[i] >> 4));
	/* stability: among equal keys the original index order is kept */
	int32_t *st = (int32_t *)hxn_std_alloc_bytes(4 * 40);
	for (int i = 0; i < 40; i++) st[i] = ((i % 3) << 4) | (i / 3);
	hxn_std_bsort_i32((vbyte *)st, 0, 40, &c);
	for (int i = 1; i < 40; i++)
		if ((st[i - 1] >> 4) == (st[i] >> 4)) CHECK((st[i - 1] & 15) < (st[i] & 15));
	/* bound closure (env first), descending */
	int dir = -1;
	double *fa = (double *)hxn_std_alloc_bytes(8 * 5);
	double fin[] = {1.5, -2, 9, 0.25, 3};
	memcpy(fa, fin, sizeof fin);
	vclosure cb = {NULL, (void *)cmp_f64_bound, 1, 0, &dir};
	hxn_std_bsort_f64((vbyte *)fa, 0, 5, &cb);
	CHECK(fa[0] == 9 && fa[1] == 3 && fa[2] == 1.5 && fa[3] == 0.25 && fa[4] == -2);
	int64_t *la = (int64_t *)hxn_std_alloc_bytes(8 * 3);
	la[0] = 5000000000LL, la[1] = -1, la[2] = 3;
	vclosure cl = {NULL, (void *)cmp_i64, 0, 0, NULL};
	hxn_std_bsort_i64((vbyte *)la, 0, 3, &cl);
	CHECK(la[0] == -1 && la[1] == 3 && la[2] == 5000000000LL);

	/* parseInt */
	CHECK_PINT("42", 42);
	CHECK_PINT("  \t-17xyz", -17);
	CHECK_PINT("+8", 8);
	CHECK_PINT("0x1F", 31);
	CHECK_PINT("-0xff", -255);
	CHECK_PINT("0XFFFFFFFF", -1);
	CHECK_PINT("0x", 0);
	CHECK_PINT("2147483648", INT32_MIN);          /* truncated long */
	CHECK_PINT("12345678901234567890", (int32_t)1234567890123456LL); /* 16 units at most */
	CHECK_PINT("007", 7);
	CHECK(pint("") == NULL);
	CHECK(pint("-") == NULL);
	CHECK(pint("abc") == NULL);
	CHECK(pint(" x1") == NULL);
	{ /* the hex prefix must fit in len */
		hx_uchar *u = nt_u("0x10");
		vdynamic *d = hxn_std_parse_int((vbyte *)u, 0, 1);
		CHECK(d && d->v.i == 0);
	}

	/* parseFloat */
	CHECK(pfloat("3.25") == 3.25);
	CHECK(pfloat("  -1e3abc") == -1000);
	CHECK(pfloat(".5") == 0.5);
	CHECK(pfloat("1e") == 1);
	CHECK(isnan(pfloat("abc")));
	CHECK(isnan(pfloat("")));
	CHECK(isnan(pfloat("Infinity")));
	CHECK(pfloat("5-3") == 5);

	NT_DONE();
}
