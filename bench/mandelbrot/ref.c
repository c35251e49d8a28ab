/* Mandelbrot reference in plain C (benchmarks-game algorithm, single-threaded), same work and
 * output as Main.hx. Not the reference for this benchmark (that is node running Haxe's JS
 * output): it shows what gcc -O2 makes of the same loops, next to what Fiberus makes of them. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
	int n = argc > 1 ? atoi(argv[1]) : 5000;
	int w = n, h = n, row_bytes = (w + 7) >> 3;
	unsigned char *bits = calloc((size_t)row_bytes * h, 1);
	double limit = 4.0;
	for (int y = 0; y < h; y++) {
		double ci = 2.0 * y / h - 1.0;
		int byte = 0, bit = 0, pos = y * row_bytes;
		for (int x = 0; x < w; x++) {
			double cr = 2.0 * x / w - 1.5;
			double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
			int i = 0;
			while (i < 50 && tr + ti <= limit) {
				zi = 2.0 * zr * zi + ci;
				zr = tr - ti + cr;
				tr = zr * zr;
				ti = zi * zi;
				i++;
			}
			byte <<= 1;
			if (tr + ti <= limit)
				byte |= 1;
			if (++bit == 8) {
				bits[pos++] = (unsigned char)byte;
				byte = bit = 0;
			}
		}
		if (bit != 0)
			bits[pos] = (unsigned char)(byte << (8 - bit));
	}
	int set = 0;
	unsigned hash = 5381; /* Haxe Ints wrap; C signed ints must not */
	for (int i = 0; i < row_bytes * h; i++) {
		int b = bits[i];
		hash = ((hash << 5) + hash + b) & 0x3fffffff;
		for (; b != 0; b >>= 1)
			set += b & 1;
	}
	printf("P4 %d %d\nset pixels: %d\nhash: %u\n", n, n, set, hash);
	free(bits);
	return 0;
}
