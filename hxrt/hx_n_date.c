//go:build ignore

/* hx_n_date.c: Date natives. A date is an i32 of seconds since the epoch, read
 * as unsigned (valid until 2106); broken-down times are local unless "utc". */
#include "hx_natives.h"
#include <stdio.h>
#include <time.h>

int32_t hxn_std_date_now(void) { return (int32_t)time(NULL); }

int32_t hxn_std_date_new(int32_t y, int32_t mo, int32_t d, int32_t h, int32_t mi, int32_t s) {
	struct tm t;
	memset(&t, 0, sizeof t);
	t.tm_year = y - 1900;
	t.tm_mon = mo;
	t.tm_mday = d;
	t.tm_hour = h;
	t.tm_min = mi;
	t.tm_sec = s;
	t.tm_isdst = -1;
	return (int32_t)mktime(&t);
}

vbyte *hxn_std_date_to_string(int32_t date, int32_t *len) {
	char buf[128];
	struct tm t;
	time_t d = (time_t)(uint32_t)date;
	if (!localtime_r(&d, &t)) hx_error("Invalid date");
	int size = (int)strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &t);
	hx_uchar *out = (hx_uchar *)hx_gc_alloc((size_t)(size + 1) * 2, HX_MEM_NOPTR);
	hxn_from_utf8(out, size, buf);
	*len = size;
	return (vbyte *)out;
}

double hxn_std_date_get_time(int32_t date) { return (double)(uint32_t)date * 1000.; }

int32_t hxn_std_date_from_time(double t) {
	/* HashLink: (int)(unsigned int)(t / 1000.), i.e. x86 cvttsd2si to 64 bits */
	return (int32_t)(uint32_t)hx_ftoi64(t / 1000.);
}

int32_t hxn_std_date_from_string(vbyte *b, int32_t len) {
	(void)len;
	struct tm t;
	const char *str = hxn_ustr_to_utf8((const hx_uchar *)b, NULL);
	memset(&t, 0, sizeof t);
	switch (strlen(str)) {
	case 19:
		sscanf(str, "%4d-%2d-%2d %2d:%2d:%2d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour, &t.tm_min, &t.tm_sec);
		break;
	case 10:
		sscanf(str, "%4d-%2d-%2d", &t.tm_year, &t.tm_mon, &t.tm_mday);
		break;
	case 8:
		sscanf(str, "%2d:%2d:%2d", &t.tm_hour, &t.tm_min, &t.tm_sec);
		return t.tm_sec + t.tm_min * 60 + t.tm_hour * 3600;
	default:
		hx_error("Invalid date format");
	}
	t.tm_isdst = -1;
	t.tm_year -= 1900;
	t.tm_mon--;
	return (int32_t)mktime(&t);
}

static void get_inf(struct tm *t, int32_t *y, int32_t *mo, int32_t *d, int32_t *h, int32_t *mi, int32_t *s,
                    int32_t *wday) {
	if (y) *y = t->tm_year + 1900;
	if (mo) *mo = t->tm_mon;
	if (d) *d = t->tm_mday;
	if (h) *h = t->tm_hour;
	if (mi) *mi = t->tm_min;
	if (s) *s = t->tm_sec;
	if (wday) *wday = t->tm_wday;
}

void hxn_std_date_get_inf(int32_t date, int32_t *y, int32_t *mo, int32_t *d, int32_t *h, int32_t *mi, int32_t *s,
                          int32_t *wday) {
	struct tm t;
	time_t td = (time_t)(uint32_t)date;
	if (!localtime_r(&td, &t)) hx_error("invalid date");
	get_inf(&t, y, mo, d, h, mi, s, wday);
}

void hxn_std_date_get_utc_inf(int32_t date, int32_t *y, int32_t *mo, int32_t *d, int32_t *h, int32_t *mi,
                              int32_t *s, int32_t *wday) {
	struct tm t;
	time_t td = (time_t)(uint32_t)date;
	if (!gmtime_r(&td, &t)) hx_error("invalid date");
	get_inf(&t, y, mo, d, h, mi, s, wday);
}
