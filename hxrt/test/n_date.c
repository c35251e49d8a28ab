/* n_date.c: Date natives in TZ=Europe/Paris (set by natives_test.go). */
#include "n_test.h"

int main(int argc, char **argv) {
	nt_init(argc, argv);
	int32_t len = -1;

	/* 2024-07-01 12:34:56 local (CEST, UTC+2) = 10:34:56 UTC */
	int32_t d = hxn_std_date_new(2024, 6, 1, 12, 34, 56);
	CHECK_EQ_INT(d, 1719830096);
	CHECK_USTR(hxn_std_date_to_string(d, &len), "2024-07-01 12:34:56");
	CHECK_EQ_INT(len, 19);
	/* winter: CET, UTC+1 */
	int32_t w = hxn_std_date_new(2024, 0, 15, 0, 0, 0);
	CHECK_EQ_INT(w, 1705273200);
	/* normalisation of out-of-range fields, like mktime */
	CHECK_EQ_INT(hxn_std_date_new(2024, 0, 32, 0, 0, 0), hxn_std_date_new(2024, 1, 1, 0, 0, 0));

	int32_t y, mo, day, h, mi, s, wd;
	hxn_std_date_get_inf(d, &y, &mo, &day, &h, &mi, &s, &wd);
	CHECK(y == 2024 && mo == 6 && day == 1 && h == 12 && mi == 34 && s == 56 && wd == 1);
	hxn_std_date_get_utc_inf(d, &y, &mo, &day, &h, NULL, NULL, &wd);
	CHECK(y == 2024 && mo == 6 && day == 1 && h == 10 && wd == 1);
	hxn_std_date_get_inf(d, NULL, NULL, NULL, NULL, NULL, NULL, NULL); /* null refs skipped */

	/* times: milliseconds, dates are unsigned seconds */
	CHECK(hxn_std_date_get_time(d) == 1719830096000.0);
	CHECK(hxn_std_date_get_time((int32_t)3000000000u) == 3000000000000.0);
	CHECK_EQ_INT(hxn_std_date_from_time(1719830096999.0), d);
	CHECK_EQ_INT(hxn_std_date_from_time(3000000000000.0), (int32_t)3000000000u);
	/* beyond 2038, read as unsigned */
	CHECK_USTR(hxn_std_date_to_string((int32_t)3000000000u, &len), "2065-01-24 06:20:00");

	/* parsing round trips */
	CHECK_EQ_INT(hxn_std_date_from_string((vbyte *)nt_u("2024-07-01 12:34:56"), 19), d);
	CHECK_EQ_INT(hxn_std_date_from_string((vbyte *)nt_u("2024-01-15"), 10), w);
	CHECK_EQ_INT(hxn_std_date_from_string((vbyte *)nt_u("01:02:03"), 8), 3723);
	CHECK_THROWS(hxn_std_date_from_string((vbyte *)nt_u("2024-1-15"), 9), "Invalid date format");

	int32_t now = hxn_std_date_now();
	CHECK(now > 1700000000);
	NT_DONE();
}
