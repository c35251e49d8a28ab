/* n_stubs.c: test-only stand-ins for the core runtime the natives call
 * (weak, so that a test linking the real core gets the real thing), and the
 * helpers of the natives' C tests (n_test.h). */
#include "n_test.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define W __attribute__((weak))

W hx_type hxt_void = {HX_VOID}, hxt_ui8 = {HX_UI8}, hxt_ui16 = {HX_UI16}, hxt_i32 = {HX_I32},
	hxt_i64 = {HX_I64}, hxt_f32 = {HX_F32}, hxt_f64 = {HX_F64}, hxt_bool = {HX_BOOL},
	hxt_bytes = {HX_BYTES}, hxt_dyn = {HX_DYN}, hxt_array = {HX_ARRAY}, hxt_type = {HX_TYPE},
	hxt_dynobj = {HX_DYNOBJ};

W __thread hx_ctx *hx_tls_ctx;
W int hx_argc;
W char **hx_argv;

W vdynamic *hx_alloc_dynamic(hx_type *t) {
	vdynamic *d = (vdynamic *)hx_gc_alloc(sizeof(vdynamic), HX_MEM_DYNAMIC);
	d->t = t;
	return d;
}

static int elem_size(hx_type *t) {
	switch (t->kind) {
	case HX_UI8: case HX_BOOL: return 1;
	case HX_UI16: return 2;
	case HX_I32: case HX_F32: return 4;
	default: return 8;
	}
}

W varray *hx_alloc_array(hx_type *at, int size) {
	varray *a = (varray *)hx_gc_alloc(sizeof(varray) + (size_t)size * elem_size(at), HX_MEM_RAW);
	a->t = &hxt_array;
	a->at = at;
	a->size = size;
	return a;
}

W hx_uchar *hx_value_to_string(vdynamic *v, int32_t *len) {
	hx_uchar *s = hxn_utf8_to_ustr(v ? "<value>" : "null");
	if (len) *len = hxn_ustrlen(s);
	return s;
}

W vvirtual *hx_virtual_make_value(vvirtual *v) { return v; }

W HX_NORETURN void hx_throw(vdynamic *v) {
	hx_ctx *ctx = hx_ctx_current();
	hx_trap *t = ctx->trap;
	ctx->exc_value = v;
	if (!t) {
		fprintf(stderr, "uncaught exception in test\n");
		abort();
	}
	ctx->trap = t->prev;
	ctx->frame = t->frame;
	_longjmp(t->buf, 1);
}

W HX_NORETURN void hx_error(const char *fmt, ...) {
	char buf[512];
	va_list args;
	va_start(args, fmt);
	vsnprintf(buf, sizeof buf, fmt, args);
	va_end(args);
	hxn_throw_ustr(hxn_utf8_to_ustr(buf));
}

/* ---- collector stand-ins (until fibrix has its sources): calloc, no
 * collection ---- */

static gc_tcache stub_tcache;
W __thread gc_tcache *gc_tls;
W volatile int gc_poll_requested;
W void gc_init(void *top) { (void)top; gc_tls = &stub_tcache; }
W void gc_register_thread(void *top) { (void)top; gc_tls = &stub_tcache; }
W void gc_unregister_thread(void) {}
W void *gc_alloc_slow(size_t size, int kind) {
	(void)kind;
	void *p = calloc(1, size ? size : 16);
	if (!p) abort();
	return p;
}
W uintptr_t gc_wb_lo, gc_wb_len;
W void gc_write_barrier_slow(void *owner, void *value) { (void)owner, (void)value; }
W void gc_write_barrier_global_slow(void **slot, void *value) { (void)slot, (void)value; }
W void gc_add_root(void **slot) { (void)slot; }
W void gc_remove_root(void **slot) { (void)slot; }
W void gc_safepoint(void) {}
W void gc_enter_safe(void) {}
W void gc_leave_safe(void) {}
W void gc_collect(void) {}
W void gc_enable(bool on) { (void)on; }
W void gc_get_stats(gc_stats *s) { memset(s, 0, sizeof *s); }

/* ---- test helpers ---- */

int nt_failures;

void nt_init(int argc, char **argv) {
	static hx_ctx ctx;
	gc_init(NULL); /* the stack bounds from pthread */
	hx_tls_ctx = &ctx;
	hx_argc = argc - 1; /* as hx_main: the arguments after the program name */
	hx_argv = argv + 1;
}

hx_uchar *nt_u(const char *s) { return hxn_utf8_to_ustr(s); }

char *nt_s(const vbyte *u) { return u ? hxn_ustr_to_utf8((const hx_uchar *)u, NULL) : "(null)"; }

bool nt_ueq(const vbyte *u, const char *s) {
	if (!u) return s == NULL;
	return s && strcmp(nt_s(u), s) == 0;
}

const char *nt_exc_text(void) {
	vdynamic *v = hx_ctx_current()->exc_value;
	if (!v) return "(null)";
	if (v->t->kind != HX_BYTES) return "(not bytes)";
	return nt_s(v->v.bytes);
}

/* The job runtime, as seen by natives on a plain thread (no fiber). */
#include "job.h"
W fiber *job_current_fiber(void) { return NULL; }
W void job_yield(void) {}
W void job_sleep_ns(int64_t ns) { (void)ns; abort(); /* only reached on a fiber */ }
