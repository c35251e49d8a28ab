//go:build ignore

/* hx_mem.c: typed allocation of runtime values through the collector. */
#include "hx.h"

uint8_t *hx_alloc_bytes(int32_t size) {
	return (uint8_t *)hx_gc_alloc(size > 0 ? (size_t)size : 1, HX_MEM_NOPTR);
}

void *hx_alloc_raw(int32_t size) { return hx_gc_alloc(size > 0 ? (size_t)size : 1, HX_MEM_RAW); }

vdynamic *hx_alloc_dynamic(hx_type *t) {
	vdynamic *d = (vdynamic *)hx_gc_alloc(sizeof(vdynamic), hx_is_ptr(t) ? HX_MEM_DYNAMIC : HX_MEM_NOPTR);
	d->t = t;
	return d;
}

static vdynamic dyn_true = {&hxt_bool, {.b = true}}, dyn_false = {&hxt_bool, {.b = false}};

vdynamic *hx_alloc_dynbool(bool b) { return b ? &dyn_true : &dyn_false; }

vdynamic hx_small_ints[256];

__attribute__((constructor)) static void init_small_ints(void) {
	for (int i = 0; i < 256; i++) hx_small_ints[i] = (vdynamic){&hxt_i32, {.i = i - 128}};
}

vdynamic *hx_alloc_int(int32_t v) { return hx_box_i32(v); }

void *hx_alloc_obj(hx_type *t) {
	hx_obj_type *o = t->obj;
	int kind = !o->has_ptrs ? HX_MEM_NOPTR : t->kind == HX_OBJ ? HX_MEM_DYNAMIC : HX_MEM_RAW;
	void *p = hx_gc_alloc(o->size > 0 ? (size_t)o->size : 1, kind);
	if (t->kind == HX_OBJ) ((vobj *)p)->t = t;
	/* bindings of the whole hierarchy: a child's binding of the same field wins */
	for (hx_type *c = t; c; c = c->obj->super) {
		for (int i = 0; i < c->obj->nbindings; i++) {
			const hx_binding *b = &c->obj->bindings[i];
			void **slot = (void **)((char *)p + b->offset);
			if (*slot) continue;
			vclosure *cl = b->bound ? hx_alloc_closure_ptr(b->ft, b->fun, p)
			                        : hx_alloc_closure_void(b->ft, b->fun);
			*slot = cl;
			HX_WB(p, cl);
		}
	}
	return p;
}

venum *hx_alloc_enum(hx_type *t, int index) {
	const hx_enum_construct *c = &t->tenum->constructs[index];
	venum *e = (venum *)hx_gc_alloc((size_t)c->size, c->has_ptrs ? HX_MEM_DYNAMIC : HX_MEM_NOPTR);
	e->t = t;
	e->index = index;
	return e;
}

varray *hx_alloc_array(hx_type *at, int size) {
	if (size < 0) hx_error("Invalid array size");
	size_t bytes = sizeof(varray) + (size_t)size * (size_t)hx_type_size(at);
	varray *a = (varray *)hx_gc_alloc(bytes, hx_is_ptr(at) ? HX_MEM_DYNAMIC : HX_MEM_NOPTR);
	a->t = &hxt_array;
	a->at = at;
	a->size = size;
	return a;
}

vclosure *hx_alloc_closure_void(hx_type *t, void *fun) {
	vclosure *c = (vclosure *)hx_gc_alloc(sizeof(vclosure), HX_MEM_NOPTR);
	c->t = t;
	c->fun = fun;
	return c;
}

vclosure *hx_alloc_closure_ptr(hx_type *fullt, void *fun, void *v) {
	vclosure *c = (vclosure *)hx_gc_alloc(sizeof(vclosure), HX_MEM_DYNAMIC);
	c->t = fullt->fun->closure_type ? fullt->fun->closure_type : fullt;
	c->fun = fun;
	c->has_value = 1;
	c->value = v;
	HX_WB(c, v);
	return c;
}

vvirtual *hx_alloc_virtual(hx_type *t) {
	hx_virtual_type *vt = t->virt;
	vvirtual *v = (vvirtual *)hx_gc_alloc((size_t)vt->data_size, HX_MEM_DYNAMIC);
	v->t = t;
	void **f = hx_vfields(v);
	for (int i = 0; i < vt->nfields; i++) f[i] = (char *)v + vt->data_offsets[i];
	return v;
}

/* natives */
varray *hxn_std_alloc_array(hx_type *at, int32_t size) { return hx_alloc_array(at, size); }
vdynamic *hxn_std_alloc_obj(hx_type *t) {
	if (t->kind != HX_OBJ && t->kind != HX_STRUCT) hx_error("Invalid alloc_obj type");
	return (vdynamic *)hx_alloc_obj(t);
}
hx_type *hxn_std_array_type(varray *a) { return a->at; }
void hxn_std_array_blit(varray *dst, int32_t dpos, varray *src, int32_t spos, int32_t len) {
	int sz = hx_type_size(dst->at);
	memmove((char *)(dst + 1) + (size_t)dpos * sz, (char *)(src + 1) + (size_t)spos * sz, (size_t)len * sz);
	if (hx_is_ptr(dst->at))
		for (int i = 0; i < len; i++) HX_WB(dst, hx_aptr(dst, void *)[dpos + i]);
}
