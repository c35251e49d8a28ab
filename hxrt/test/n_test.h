/* n_test.h: helpers of the natives' C tests (defined in n_stubs.c). */
#ifndef N_TEST_H
#define N_TEST_H
#include "hx_natives.h"
#include <stdio.h>
#include <string.h>

extern int nt_failures;
void nt_init(int argc, char **argv);
hx_uchar *nt_u(const char *utf8);    /* UTF-16 copy */
char *nt_s(const vbyte *ustr);        /* UTF-8 copy of a UTF-16 string */
bool nt_ueq(const vbyte *ustr, const char *utf8);
const char *nt_exc_text(void);        /* message of the last bytes exception */

#define CHECK(cond)                                                              \
	do {                                                                         \
		if (!(cond)) {                                                           \
			fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
			nt_failures++;                                                       \
		}                                                                        \
	} while (0)

#define CHECK_EQ_INT(got, want)                                                            \
	do {                                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		if (g_ != w_) {                                                                    \
			fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
			nt_failures++;                                                                 \
		}                                                                                  \
	} while (0)

#define CHECK_USTR(got, want)                                                                    \
	do {                                                                                         \
		const vbyte *g_ = (const vbyte *)(got);                                                  \
		if (!nt_ueq(g_, want)) {                                                                 \
			fprintf(stderr, "%s:%d: %s = \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, nt_s(g_), \
			        (want) ? (want) : "(null)");                                               \
			nt_failures++;                                                                       \
		}                                                                                        \
	} while (0)

/* Runs stmt expecting a runtime error whose text is msg. */
#define CHECK_THROWS(stmt, msg)                                                              \
	do {                                                                                     \
		hx_ctx *c_ = hx_ctx_current();                                                       \
		hx_frame fr_ = {0};                                                                  \
		hx_trap tr_;                                                                         \
		c_->frame = &fr_;                                                                    \
		if (HX_TRAP(c_, fr_, tr_)) {                                                         \
			if (strcmp(nt_exc_text(), msg) != 0) {                                           \
				fprintf(stderr, "%s:%d: threw \"%s\", want \"%s\"\n", __FILE__, __LINE__,   \
				        nt_exc_text(), msg);                                                 \
				nt_failures++;                                                               \
			}                                                                                \
		} else {                                                                             \
			stmt;                                                                            \
			HX_ENDTRAP(c_, tr_);                                                             \
			fprintf(stderr, "%s:%d: no exception from %s\n", __FILE__, __LINE__, #stmt);   \
			nt_failures++;                                                                   \
		}                                                                                    \
	} while (0)

#define NT_DONE()                                                     \
	do {                                                              \
		if (nt_failures) fprintf(stderr, "%d failure(s)\n", nt_failures); \
		return nt_failures ? 1 : 0;                                   \
	} while (0)

#endif
