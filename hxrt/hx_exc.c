//go:build ignore

/* hx_exc.c: throwing, the per-context trap chain, stack capture for
 * .hx stack traces, runtime errors. */
#include "hx.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

__thread hx_ctx *hx_tls_ctx;

static void capture_stack(hx_ctx *ctx) {
	int n = 0;
	if (HX_UNLIKELY(!ctx->exc_stack)) {
		ctx->exc_stack = malloc(HX_MAX_STACK * sizeof *ctx->exc_stack);
		if (!ctx->exc_stack) { ctx->exc_stack_count = 0; return; } /* no trace, still throws */
	}
	for (hx_frame *f = ctx->frame; f && n < HX_MAX_STACK; f = f->prev) {
		ctx->exc_stack[n].fid = f->fid;
		ctx->exc_stack[n].line = f->line;
		n++;
	}
	ctx->exc_stack_count = n;
}

HX_NORETURN void hx_throw(vdynamic *v) {
	hx_ctx *ctx = hx_ctx_current();
	hx_trap *t = ctx->trap;
	if (!(ctx->exc_flags & HX_EXC_RETHROW)) capture_stack(ctx);
	ctx->exc_flags &= ~HX_EXC_RETHROW;
	ctx->exc_value = v;
	if (!t) {
		fputs("Fatal: exception thrown with no handler\n", stderr);
		abort();
	}
	ctx->trap = t->prev;
	if (ctx->exc_handler && (t == ctx->trap_uncaught || t->prev == NULL)) {
		/* the handler runs protected by its own trap; its exceptions are dropped */
		vclosure *h = ctx->exc_handler;
		hx_trap inner;
		hx_frame *fr = ctx->frame;
		if (t == ctx->trap_uncaught) ctx->trap_uncaught = NULL;
		inner.prev = ctx->trap;
		inner.frame = fr;
		ctx->trap = &inner;
		if (!_setjmp(inner.buf)) {
			vdynamic *args[1] = {v};
			hx_dyn_call(h, args, 1);
			ctx->trap = inner.prev;
		}
		ctx->exc_value = v;
	}
	ctx->frame = t->frame;
	_longjmp(t->buf, 1);
}

HX_NORETURN void hx_rethrow(vdynamic *v) {
	hx_ctx_current()->exc_flags |= HX_EXC_RETHROW;
	hx_throw(v);
}

HX_NORETURN void hx_error(const char *fmt, ...) {
	char buf[512];
	va_list args;
	va_start(args, fmt);
	vsnprintf(buf, sizeof buf, fmt, args);
	va_end(args);
	vdynamic *d = hx_alloc_dynamic(&hxt_bytes);
	d->v.bytes = (uint8_t *)hx_ustr_from_utf8(buf);
	hx_throw(d);
}

HX_NORETURN void hx_null_access(void) { hx_error("Null access"); }

/* HashLink 1.12 names the field when the null check guards a field read. */
HX_NORETURN void hx_null_access_field(int32_t hfield) {
	hx_error("Null access .%s", hx_ustr_to_utf8(hx_field_name(hfield)));
}
HX_NORETURN void hx_assert(void) { hx_error("assert"); }

HX_NORETURN void hx_stack_overflow(hx_ctx *ctx) {
	/* lower the limit while the exception is built, restore it afterwards:
	 * the catching frame is far above, with plenty of stack */
	char *limit = ctx->stack_limit;
	ctx->stack_limit = limit - 32 * 1024;
	vdynamic *d = hx_alloc_dynamic(&hxt_bytes);
	d->v.bytes = (uint8_t *)hx_ustr_from_utf8("Stack overflow");
	ctx->stack_limit = limit;
	hx_throw(d);
}

/* "Class.method(file:line)" for one captured frame, UTF-16 */
static uint8_t *frame_string(int32_t fid, int32_t pos) {
	char buf[600];
	const char *name = "?", *file = "?";
	if (hx_mod && fid >= 0 && fid < hx_mod->nfunctions && hx_mod->finfo[fid].name)
		name = hx_mod->finfo[fid].name;
	int fi = HX_POS_FILE(pos);
	if (hx_mod && fi < hx_mod->ndebug_files) file = hx_mod->debug_files[fi];
	snprintf(buf, sizeof buf, "%s(%s:%d)", name, file, HX_POS_LINE(pos));
	return (uint8_t *)hx_ustr_from_utf8(buf);
}

varray *hxn_std_exception_stack(void) {
	hx_ctx *ctx = hx_ctx_current();
	int n = ctx->exc_stack_count;
	varray *a = hx_alloc_array(&hxt_bytes, n);
	for (int i = 0; i < n; i++) {
		uint8_t *s = frame_string(ctx->exc_stack[i].fid, ctx->exc_stack[i].line);
		hx_aptr(a, uint8_t *)[i] = s;
		HX_WB(a, s);
	}
	return a;
}

void hxn_std_set_error_handler(vclosure *c) {
	hx_ctx *ctx = hx_ctx_current();
	ctx->trap_uncaught = ctx->trap;
	ctx->exc_handler = c;
}
