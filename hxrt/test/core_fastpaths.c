/* Core runtime fast paths: the address memo of constant field names, the
 * per-thread memos of field storage by (type, field), and the inline casts
 * and Int + Int of hx.h, each checked against the general path. */
#include "core_test.h"

bool hxn_std_obj_has_field(vdynamic *o, int32_t h); /* a native of hx_field.c */


/* Static names, as the generated code emits string constants. */
static hx_uchar name_x[] = u"x", name_y[] = u"y", name_long[] = u"someLongerFieldName";

static void test_hash_static(void) {
	/* constants of the image: the same hash as hashing afresh, every time */
	for (int i = 0; i < 3; i++) {
		CHECK(hx_hash_static(name_x) == hx_hash_gen(u("x"), true));
		CHECK(hx_hash_static(name_y) == hx_hash_gen(u("y"), true));
		CHECK(hx_hash_static(name_long) == hx_hash_gen(u("someLongerFieldName"), true));
	}
	CHECK(hx_hash_static(name_x) != hx_hash_static(name_y));
	/* heap memory may be reused for another name: never memoized by address */
	hx_uchar *buf = (hx_uchar *)hx_alloc_bytes(16);
	buf[0] = 'a', buf[1] = 'b', buf[2] = 0;
	int32_t hab = hx_hash_static(buf);
	CHECK(hab == hx_hash_gen(u("ab"), true));
	buf[0] = 'q', buf[1] = 'z';
	CHECK(hx_hash_static(buf) == hx_hash_gen(u("qz"), true));
	CHECK(hx_hash_static(buf) != hab);
	CHECK((uint8_t *)hx_field_name(hx_hash_static(name_long)) != NULL);
	CHECK(hx_ustr_cmp(hx_field_name(hx_hash_static(name_long)), name_long) == 0);
}

/* Two classes with fields x and y at swapped offsets, and a virtual {x, y}:
 * the memos key storage by type, so alternating receivers read their own
 * fields. */
static int32_t HX, HY, HS;
static hx_lookup look_a[2], look_b[2], look_v[2];
static const int32_t offs_a[2] = {8, 12}, offs_b[2] = {12, 8};
static hx_obj_type obj_a, obj_b;
static hx_type type_a, type_b, type_v;
static hx_field vfields[2];
static const int32_t vdata[2] = {(int32_t)sizeof(vvirtual) + 16, (int32_t)sizeof(vvirtual) + 20};
static hx_virtual_type virt;

static void sort2(hx_lookup *l) {
	if (l[0].hash > l[1].hash) {
		hx_lookup t = l[0];
		l[0] = l[1];
		l[1] = t;
	}
}

static void make_types(void) {
	HX = hx_hash_utf8("x"), HY = hx_hash_utf8("y"), HS = hx_hash_utf8("nosuchfield");
	look_a[0] = (hx_lookup){HX, 8, &hxt_i32}, look_a[1] = (hx_lookup){HY, 12, &hxt_i32};
	look_b[0] = (hx_lookup){HX, 12, &hxt_i32}, look_b[1] = (hx_lookup){HY, 8, &hxt_i32};
	look_v[0] = (hx_lookup){HX, 0, NULL}, look_v[1] = (hx_lookup){HY, 1, NULL};
	sort2(look_a), sort2(look_b), sort2(look_v);
	obj_a = (hx_obj_type){.name = u("A"), .field_offsets = offs_a, .size = 16, .nlookup = 2, .lookup = look_a};
	obj_b = (hx_obj_type){.name = u("B"), .field_offsets = offs_b, .size = 16, .nlookup = 2, .lookup = look_b};
	type_a = (hx_type){.kind = HX_OBJ, .obj = &obj_a};
	type_b = (hx_type){.kind = HX_OBJ, .obj = &obj_b};
	vfields[0] = (hx_field){u("x"), &hxt_i32, HX}, vfields[1] = (hx_field){u("y"), &hxt_i32, HY};
	virt = (hx_virtual_type){2, vfields, vdata, (int32_t)sizeof(vvirtual) + 24, 2, look_v};
	type_v = (hx_type){.kind = HX_VIRTUAL, .virt = &virt};
}

static vdynamic *new_obj(hx_type *t, int32_t x, int32_t y) {
	vdynamic *o = (vdynamic *)hx_gc_alloc(16, HX_MEM_NOPTR);
	o->t = t;
	*(int32_t *)((char *)o + t->obj->field_offsets[0]) = x;
	*(int32_t *)((char *)o + t->obj->field_offsets[1]) = y;
	return o;
}

static void test_field_memos(void) {
	make_types();
	vdynamic *a = new_obj(&type_a, 1, 2), *b = new_obj(&type_b, 3, 4);
	vvirtual *v = hx_alloc_virtual(&type_v);
	*(int32_t *)hx_vfields(v)[0] = 5;
	*(int32_t *)hx_vfields(v)[1] = 6;
	for (int i = 0; i < 3; i++) { /* the first round fills the memos, the others hit */
		CHECK(hx_dyn_geti(a, HX, &hxt_i32) == 1 && hx_dyn_geti(a, HY, &hxt_i32) == 2);
		CHECK(hx_dyn_geti(b, HX, &hxt_i32) == 3 && hx_dyn_geti(b, HY, &hxt_i32) == 4);
		CHECK(hx_dyn_geti((vdynamic *)v, HX, &hxt_i32) == 5 && hx_dyn_geti((vdynamic *)v, HY, &hxt_i32) == 6);
		vdynamic *d = (vdynamic *)hx_dyn_getp(b, HY, &hxt_dyn);
		CHECK(d && d->t->kind == HX_I32 && d->v.i == 4);
		d = (vdynamic *)hx_dyn_getp((vdynamic *)v, HX, &hxt_dyn);
		CHECK(d && d->t->kind == HX_I32 && d->v.i == 5);
		CHECK(hx_dyn_getp(a, HS, &hxt_dyn) == NULL); /* a miss stays a miss */
		CHECK(hxn_std_obj_has_field(a, HX) && !hxn_std_obj_has_field(a, HS));
	}
	for (int i = 0; i < 3; i++) {
		hx_dyn_seti(a, HY, &hxt_i32, 20 + i);
		hx_dyn_seti(b, HY, &hxt_i32, 40 + i);
		hx_dyn_seti((vdynamic *)v, HY, &hxt_i32, 60 + i);
		CHECK(*(int32_t *)((char *)a + 12) == 20 + i && *(int32_t *)((char *)a + 8) == 1);
		CHECK(*(int32_t *)((char *)b + 8) == 40 + i && *(int32_t *)((char *)b + 12) == 3);
		CHECK(*(int32_t *)hx_vfields(v)[1] == 60 + i && v->value == NULL);
	}
	/* a store of another type into the virtual moves it to a dynobj value */
	hx_dyn_setd((vdynamic *)v, HX, 2.5);
	CHECK(v->value != NULL && hx_dyn_getd((vdynamic *)v, HX) == 2.5);
	CHECK(hx_dyn_geti((vdynamic *)v, HY, &hxt_i32) == 62);
}

static void test_inline_casts(void) {
	vdynamic *vals[] = {NULL, hx_alloc_int(7), hx_alloc_int(-300), hx_alloc_dynbool(true), NULL, NULL};
	vals[4] = hx_alloc_dynamic(&hxt_f64);
	vals[4]->v.d = -2.75;
	vals[5] = hx_alloc_dynamic(&hxt_ui8);
	vals[5]->v.i = 200;
	for (int i = 0; i < 6; i++) {
		vdynamic *v = vals[i];
		CHECK(hx_dyn_toi(v, &hxt_i32) == hx_dyn_casti(&v, &hxt_dyn, &hxt_i32));
		CHECK(hx_dyn_tod(v) == hx_dyn_castd(&v, &hxt_dyn));
		for (int j = 0; j < 6; j++) {
			vdynamic *w = vals[j], *s = hx_dyn_add_int(v, w);
			bool ints = v && w && v->t->kind == HX_I32 && w->t->kind == HX_I32;
			CHECK(ints ? s && s->t->kind == HX_I32 && s->v.i == v->v.i + w->v.i : s == NULL);
		}
	}
	vdynamic *big = hx_alloc_int(INT32_MAX), *one = hx_alloc_int(1);
	CHECK(hx_dyn_add_int(big, one)->v.i == INT32_MIN); /* wraps like Haxe's Int */
	make_types();
	vdynamic *a = new_obj(&type_a, 1, 2);
	CHECK(hx_dyn_top(a, &type_a) == a && hx_dyn_top(NULL, &type_a) == NULL);
}

int main(void) {
	int here;
	core_test_init(&here);
	test_hash_static();
	test_field_memos();
	test_inline_casts();
	return core_test_done();
}
