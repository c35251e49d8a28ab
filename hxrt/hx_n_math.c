//go:build ignore

/* hx_n_math.c: Math natives and the random generator (Std.random). */
#include "hx_natives.h"
#include <sys/time.h>
#include <unistd.h>

double hxn_std_nan(void) { return NAN; }
double hxn_std_math_abs(double a) { return hx_math_abs(a); }
bool hxn_std_math_isnan(double a) { return hx_math_isnan(a); }
bool hxn_std_math_isfinite(double a) { return hx_math_isfinite(a); }
double hxn_std_math_fceil(double a) { return hx_math_fceil(a); }
double hxn_std_math_ffloor(double a) { return hx_math_ffloor(a); }
double hxn_std_math_fround(double a) { return hx_math_fround(a); }
/* float -> int with x86 truncation: NaN and out of range give INT32_MIN */
int32_t hxn_std_math_ceil(double a) { return hx_math_ceil(a); }
int32_t hxn_std_math_floor(double a) { return hx_math_floor(a); }
int32_t hxn_std_math_round(double a) { return hx_math_round(a); }
double hxn_std_math_cos(double a) { return cos(a); }
double hxn_std_math_sin(double a) { return sin(a); }
double hxn_std_math_tan(double a) { return tan(a); }
double hxn_std_math_acos(double a) { return acos(a); }
double hxn_std_math_asin(double a) { return asin(a); }
double hxn_std_math_atan(double a) { return atan(a); }
double hxn_std_math_atan2(double a, double b) { return atan2(a, b); }
double hxn_std_math_pow(double a, double b) { return pow(a, b); }
double hxn_std_math_log(double a) { return log(a); }
double hxn_std_math_exp(double a) { return exp(a); }
double hxn_std_math_sqrt(double a) { return hx_math_sqrt(a); }

/* ---- random ------------------------------------------------------------------
 * HashLink's TT800-style generator: 25 words of state. HashLink keeps them in
 * `unsigned long`, 64 bits on Linux, and the seed is XORed in sign-extended,
 * so the state is 64-bit here too (the high halves leak into the shifts). */

#define NSEEDS 25
#define MAXR 7

struct hxn_rnd {
	uint64_t seeds[NSEEDS];
	uint64_t cur;
};

static const uint64_t mag01[2] = {0x0, 0x8ebfd028};
static const uint64_t init_seeds[NSEEDS] = {
	0x95f24dab, 0x0b685215, 0xe76ccae7, 0xaf3ec239, 0x715fad23, 0x24a590ad, 0x69e4b5ef, 0xbf456141, 0x96bc1b7b,
	0xa7bdf825, 0xc1de75b7, 0x8858a9c9, 0x2da87693, 0xb657f9dd, 0xffdc8a9f, 0x8121da71, 0x8b823ecb, 0x885d05f5,
	0x4e20cd47, 0x5a9ad5d9, 0x512c0c03, 0xea857ccd, 0x4cc1d30f, 0x8891a8a1, 0xa6b7aadb};

hxn_rnd *hxn_std_rnd_alloc(void) { return (hxn_rnd *)hx_gc_alloc(sizeof(hxn_rnd), HX_MEM_NOPTR); }

void hxn_std_rnd_set_seed(hxn_rnd *r, int32_t s) {
	r->cur = 0;
	for (int i = 0; i < NSEEDS; i++) r->seeds[i] = init_seeds[i] ^ (uint64_t)(int64_t)s;
}

hxn_rnd *hxn_std_rnd_init_system(void) {
	hxn_rnd *r = hxn_std_rnd_alloc();
	int32_t pid = (int32_t)getpid();
	struct timeval t;
	gettimeofday(&t, NULL);
	uint32_t time = (uint32_t)(t.tv_sec * 1000000 + t.tv_usec);
	hxn_std_rnd_set_seed(r, (int32_t)(time ^ (uint32_t)(pid | (pid << 16))));
	return r;
}

int32_t hxn_std_rnd_int(hxn_rnd *r) {
	uint64_t pos = r->cur++;
	if (pos >= NSEEDS) {
		int kk;
		for (kk = 0; kk < NSEEDS - MAXR; kk++)
			r->seeds[kk] = r->seeds[kk + MAXR] ^ (r->seeds[kk] >> 1) ^ mag01[r->seeds[kk] % 2];
		for (; kk < NSEEDS; kk++)
			r->seeds[kk] = r->seeds[kk + (MAXR - NSEEDS)] ^ (r->seeds[kk] >> 1) ^ mag01[r->seeds[kk] % 2];
		r->cur = 1;
		pos = 0;
	}
	uint32_t y = (uint32_t)r->seeds[pos];
	y ^= (y << 7) & 0x2b5b2500;
	y ^= (y << 15) & 0xdb8b0000;
	y ^= (y >> 16);
	return (int32_t)y;
}

/* Three draws, in this order, as HashLink's compiled code makes them. */
double hxn_std_rnd_float(hxn_rnd *r) {
	const double big = 4294967296.0;
	double a = (uint32_t)hxn_std_rnd_int(r);
	double b = (uint32_t)hxn_std_rnd_int(r);
	double c = (uint32_t)hxn_std_rnd_int(r);
	return ((a / big + b) / big + c) / big;
}
