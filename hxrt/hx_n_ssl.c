//go:build ignore

/* hx_n_ssl.c: the ssl library. Fiberus has no TLS yet: only ssl_init exists,
 * because sys.ssl.Lib's static initialiser calls it in every program that
 * links sys.ssl (e.g. through haxe.Http); the other ssl natives stay
 * undefined, so calling one raises "missing native" (build warning). */
#include "hx_natives.h"

void hxn_ssl_ssl_init(void) {}
