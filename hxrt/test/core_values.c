/* Core runtime: hashes, dynamic objects, casts, comparisons, printing,
 * exceptions and the stack-overflow check, without generated code. */
#include "core_test.h"

static int ueq(const hx_uchar *a, const char *b) { return hx_ustr_cmp(a, u(b)) == 0; }

static void test_hash(void) {
	CHECK(hx_hash_gen(u("fileName"), false) == 37969014);
	CHECK(hx_hash_gen(u("className"), false) == -63073762);
	CHECK(hx_hash_utf8("lineNumber") == 371360620);
	CHECK(ueq(hx_field_name(371360620), "lineNumber"));
	CHECK(ueq(hx_field_name(12345), "???"));
	/* registration is stable; a fresh name keeps its raw hash */
	int32_t h = hx_hash_utf8("methodName");
	CHECK(hx_hash_utf8("methodName") == h && h == 302979532);
	/* [0xE0] and [1, 1] both hash to 224: the later name takes 225 */
	hx_uchar one[2] = {0xE0, 0}, two[3] = {1, 1, 0};
	CHECK(hx_hash_gen(one, false) == 224 && hx_hash_gen(two, false) == 224);
	CHECK(hx_hash_gen(one, true) == 224);
	CHECK(hx_hash_gen(two, true) == 225);
	CHECK(hx_hash_gen(two, true) == 225 && hx_hash_gen(one, true) == 224);
	CHECK(hx_ustr_cmp(hx_field_name(225), two) == 0 && hx_ustr_cmp(hx_field_name(224), one) == 0);
}

static void test_dynobj(void) {
	vdynobj *o = hx_alloc_dynobj();
	int32_t hb = hx_hash_utf8("b"), ha = hx_hash_utf8("a"), hs = hx_hash_utf8("s");
	hx_dyn_seti((vdynamic *)o, hb, &hxt_i32, 2);
	hx_dyn_seti((vdynamic *)o, ha, &hxt_i32, 1);
	hx_dyn_setd((vdynamic *)o, hs, 2.5);
	CHECK(hx_dyn_geti((vdynamic *)o, ha, &hxt_i32) == 1);
	CHECK(hx_dyn_getd((vdynamic *)o, hb) == 2.0);     /* i32 read as f64 */
	CHECK(hx_dyn_geti((vdynamic *)o, hs, &hxt_i32) == 2); /* f64 read as i32 */
	CHECK(hx_dyn_geti((vdynamic *)o, hx_hash_utf8("missing"), &hxt_i32) == 0);
	/* printing enumerates in hash order: a, b, s */
	int32_t len;
	hx_uchar *s = hx_value_to_string((vdynamic *)o, &len);
	CHECK(ueq(s, "{a : 1, b : 2, s : 2.5}"));
	/* re-typing a field, deleting one */
	hx_dyn_setp((vdynamic *)o, ha, &hxt_bytes, u("x"));
	CHECK(ueq(hx_value_to_string((vdynamic *)o, NULL), "{a : x, b : 2, s : 2.5}"));
	CHECK(hx_dynobj_delete(o, hb));
	CHECK(!hx_dynobj_delete(o, hb));
	CHECK(ueq(hx_value_to_string((vdynamic *)o, NULL), "{a : x, s : 2.5}"));
}

static void test_casts_and_compare(void) {
	double d = 1e10;
	CHECK(hx_dyn_casti(&d, &hxt_f64, &hxt_i32) == INT32_MIN);
	d = -2.7;
	CHECK(hx_dyn_casti(&d, &hxt_f64, &hxt_i32) == -2);
	vdynamic *n = NULL;
	CHECK(hx_dyn_casti(&n, &hxt_dyn, &hxt_i32) == 0);
	vdynamic *b = hx_alloc_int(7);
	CHECK(hx_dyn_castd(&b, &hxt_dyn) == 7.0);
	int32_t i = 3;
	vdynamic *box = (vdynamic *)hx_dyn_castp(&i, &hxt_i32, &hxt_dyn);
	CHECK(box && box->t->kind == HX_I32 && box->v.i == 3);
	vdynamic *f = hx_alloc_dynamic(&hxt_f64);
	f->v.d = 3.0;
	CHECK(hx_dyn_compare(box, f) == 0);
	f->v.d = NAN;
	CHECK(hx_dyn_compare(box, f) == HX_INVALID_COMPARISON);
	CHECK(hx_dyn_compare(NULL, box) == -1 && hx_dyn_compare(box, NULL) == 1);
	CHECK(hx_dyn_compare(hx_alloc_int(INT32_MIN), hx_alloc_int(1)) != 0);
	CHECK(ueq(hx_value_to_string(hx_alloc_dynbool(true), NULL), "true"));
	CHECK(ueq(hx_value_to_string(NULL, NULL), "null"));
	CHECK(ueq(hx_type_str(&hxt_ui8), "i8"));
}

static int depth;
static int recurse(int n) {
	HX_ENTER(ctx, fr, 1);
	depth++;
	int r = n + (n > 0 ? recurse(n + 1) : 0);
	HX_LEAVE(ctx, fr);
	return r;
}

static void test_exceptions(void) {
	hx_ctx *ctx = hx_ctx_current();
	hx_trap tr;
	hx_frame fr = {ctx->frame, 0, HX_POS(0, 42)};
	ctx->frame = &fr;
	volatile int caught = 0;
	if (HX_TRAP(ctx, fr, tr)) {
		caught = 1;
		CHECK(ueq((hx_uchar *)ctx->exc_value->v.bytes, "Null access"));
		CHECK(ctx->exc_stack_count >= 1 && HX_POS_LINE(ctx->exc_stack[0].line) == 42);
		CHECK(ctx->frame == &fr);
	} else {
		hx_null_access();
	}
	CHECK(caught);
	/* deep recursion becomes a catchable "Stack overflow" */
	caught = 0;
	if (HX_TRAP(ctx, fr, tr)) {
		caught = 1;
		CHECK(ueq((hx_uchar *)ctx->exc_value->v.bytes, "Stack overflow"));
	} else {
		recurse(1);
	}
	CHECK(caught && depth > 1000);
	CHECK(ctx->trap == NULL || ctx->trap != &tr);
	ctx->frame = fr.prev;
}

int main(void) {
	int here;
	core_test_init(&here);
	test_hash();
	test_dynobj();
	test_casts_and_compare();
	test_exceptions();
	return core_test_done();
}
