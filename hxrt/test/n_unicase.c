/* n_unicase.c: prints "code upper lower" for every BMP unit through the
 * natives ucs2_upper/ucs2_lower; natives_test.go checks them. */
#include "n_test.h"

int main(int argc, char **argv) {
	nt_init(argc, argv);
	static hx_uchar all[65536];
	for (int i = 0; i < 65536; i++) all[i] = (hx_uchar)(i ? i : 1);
	hx_uchar *up = (hx_uchar *)hxn_std_ucs2_upper((vbyte *)all, 0, 65536);
	hx_uchar *lo = (hx_uchar *)hxn_std_ucs2_lower((vbyte *)all, 0, 65536);
	CHECK(up[65536] == 0 && lo[65536] == 0);
	printf("0 0 0\n");
	for (int i = 1; i < 65536; i++) printf("%d %d %d\n", i, up[i], lo[i]);
	NT_DONE();
}
