//go:build ignore

#define _GNU_SOURCE
/* hx_main.c: program start-up: collector, field names, roots, the main
 * context, the entry point inside a top-level trap, the uncaught report. */
#include "hx.h"
#include "hx_natives.h"
#include "hx_fib.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

const hx_module *hx_mod;
int hx_argc;
char **hx_argv;
static hx_ctx main_ctx;
static void setup_stack(hx_ctx *ctx);

static void visit_adapter(void **slot, void *arg) { gc_visit((gc_visitor *)arg, slot); }

static void scan_block(void *obj, size_t size, gc_visitor *v) {
	if (!hx_gc_scan_object(obj, visit_adapter, v)) gc_visit_conservative(v, obj, size);
}

/* The stack limit is the lowest address plus a margin in which the "Stack
 * overflow" exception is raised and handled. */
void hx_ctx_init(hx_ctx *ctx, void *stack_lo, size_t size) {
	memset(ctx, 0, sizeof *ctx);
	if (!stack_lo) {
		setup_stack(ctx);
		return;
	}
	size_t margin = size / 8 < 256 * 1024 ? size / 8 : 256 * 1024;
	ctx->stack_base = (char *)stack_lo + size;
	ctx->stack_limit = (char *)stack_lo + margin;
}

static void setup_stack(hx_ctx *ctx) {
	pthread_attr_t attr;
	void *addr = NULL;
	size_t size = 0;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstack(&attr, &addr, &size);
		pthread_attr_destroy(&attr);
	}
	if (!addr || size < (1 << 20)) {
		uintptr_t here = (uintptr_t)__builtin_frame_address(0);
		if (!size) size = 8 << 20;
		addr = (void *)(here - size + 4096);
	}
	ctx->stack_base = (char *)addr + size;
	ctx->stack_limit = (char *)addr + 256 * 1024;
}

void hx_report_uncaught(hx_ctx *ctx, vdynamic *v) {
	hxn_print_flush_held();
	fflush(stdout);
	fprintf(stderr, "Uncaught exception: %s\n", hx_ustr_to_utf8(hx_value_to_string(v, NULL)));
	for (int i = 0; i < ctx->exc_stack_count; i++) {
		int32_t fid = ctx->exc_stack[i].fid, pos = ctx->exc_stack[i].line;
		const char *name = fid >= 0 && fid < hx_mod->nfunctions && hx_mod->finfo[fid].name ? hx_mod->finfo[fid].name : "?";
		int fi = HX_POS_FILE(pos);
		const char *file = fi < hx_mod->ndebug_files ? hx_mod->debug_files[fi] : "?";
		fprintf(stderr, "Called from %s(%s:%d)\n", name, file, HX_POS_LINE(pos));
	}
	fflush(stderr);
}

int hx_main(const hx_module *m, int argc, char **argv) {
	int here;
	hx_mod = m;
	hx_argc = argc > 0 ? argc - 1 : 0;
	hx_argv = argc > 0 ? argv + 1 : argv;
	gc_init(&here);
	gc_set_scanner(scan_block);
	for (int i = 0; i < m->nfield_names; i++) hx_hash_utf8(m->field_names[i]);
	for (int i = 0; i < m->nroots; i++) gc_add_root(m->roots[i]);
	hx_ctx *ctx = &main_ctx;
	hx_ctx_init(ctx, NULL, 0);
	gc_add_root((void **)&ctx->exc_value);
	gc_add_root((void **)&ctx->exc_handler);
	hx_tls_ctx = ctx;
	hx_trap top;
	top.prev = NULL;
	top.frame = NULL;
	ctx->trap = &top;
	if (_setjmp(top.buf)) {
		hx_report_uncaught(ctx, ctx->exc_value);
		return 1;
	}
	int code = hx_run_main_on_fibers(m->entry); /* hx_fib_main.c */
	ctx->trap = NULL;
	fflush(stdout);
	return code;
}

vdynamic *hx_dyn_call_safe(vclosure *c, vdynamic **args, int nargs, bool *is_exc) {
	hx_ctx *ctx = hx_ctx_current();
	hx_trap tr;
	vdynamic *volatile ret = NULL;
	tr.prev = ctx->trap;
	tr.frame = ctx->frame;
	ctx->trap = &tr;
	*is_exc = false;
	if (_setjmp(tr.buf)) {
		*is_exc = true;
		return ctx->exc_value;
	}
	ret = hx_dyn_call(c, args, nargs);
	ctx->trap = tr.prev;
	return ret;
}
