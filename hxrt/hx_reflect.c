//go:build ignore

/* hx_reflect.c: enum and class reflection natives (Type.*). */
#include "hx.h"

static int nslots(hx_type *t) {
	int n = t->obj->super ? nslots(t->obj->super) : 0;
	for (int i = 0; i < t->obj->nproto; i++)
		if (t->obj->protos[i].pindex + 1 > n) n = t->obj->protos[i].pindex + 1;
	return n;
}

varray *hxn_std_type_instance_fields(hx_type *t) {
	if (t->kind == HX_VIRTUAL) {
		varray *a = hx_alloc_array(&hxt_bytes, t->virt->nfields);
		for (int i = 0; i < t->virt->nfields; i++) hx_aptr(a, const hx_uchar *)[i] = t->virt->fields[i].name;
		return a;
	}
	if (t->kind != HX_OBJ && t->kind != HX_STRUCT) return NULL;
	int n = 0;
	for (hx_type *c = t; c; c = c->obj->super) {
		int pp = c->obj->super ? nslots(c->obj->super) : 0;
		for (int i = 0; i < c->obj->nproto; i++)
			if (c->obj->protos[i].pindex < 0 || c->obj->protos[i].pindex >= pp) n++;
		n += c->obj->nfields;
	}
	varray *a = hx_alloc_array(&hxt_bytes, n);
	const hx_uchar **names = hx_aptr(a, const hx_uchar *);
	int out = 0;
	for (hx_type *c = t; c; c = c->obj->super) {
		int pp = c->obj->super ? nslots(c->obj->super) : 0;
		for (int i = 0; i < c->obj->nproto; i++)
			if (c->obj->protos[i].pindex < 0 || c->obj->protos[i].pindex >= pp) names[out++] = c->obj->protos[i].name;
		for (int i = 0; i < c->obj->nfields; i++) names[out++] = c->obj->fields[i].name;
	}
	return a;
}

varray *hxn_std_type_enum_fields(hx_type *t) {
	hx_enum_type *e = t->tenum;
	varray *a = hx_alloc_array(&hxt_bytes, e->nconstructs);
	for (int i = 0; i < e->nconstructs; i++) hx_aptr(a, const hx_uchar *)[i] = e->constructs[i].name;
	return a;
}

varray *hxn_std_type_enum_values(hx_type *t) {
	hx_enum_type *e = t->tenum;
	varray *a = hx_alloc_array(&hxt_dyn, e->nconstructs);
	for (int i = 0; i < e->nconstructs; i++) {
		if (e->constructs[i].nparams) continue;
		if (!e->singletons[i]) {
			e->singletons[i] = hx_alloc_enum(t, i);
			gc_add_root((void **)&e->singletons[i]); /* static memory is not scanned */
		}
		hx_aptr(a, venum *)[i] = e->singletons[i];
		HX_WB(a, e->singletons[i]);
	}
	return a;
}

bool hxn_std_type_enum_eq(vdynamic *da, vdynamic *db) {
	venum *a = (venum *)da, *b = (venum *)db;
	if (a == b) return true;
	if (!a || !b || a->t != b->t || a->index != b->index) return false;
	const hx_enum_construct *c = &a->t->tenum->constructs[a->index];
	for (int i = 0; i < c->nparams; i++) {
		hx_type *t = c->params[i];
		void *pa = (char *)a + c->offsets[i], *pb = (char *)b + c->offsets[i];
		if (t->kind == HX_ENUM) {
			if (!hxn_std_type_enum_eq(*(vdynamic **)pa, *(vdynamic **)pb)) return false;
			continue;
		}
		vdynamic *xa = hx_make_dyn(pa, t), *xb = hx_make_dyn(pb, t);
		if (xa && xb && xa->t->kind == HX_ENUM && xb->t->kind == HX_ENUM) {
			if (!hxn_std_type_enum_eq(xa, xb)) return false;
			continue;
		}
		if (hx_dyn_compare(xa, xb)) return false;
	}
	return true;
}

vdynamic *hxn_std_alloc_enum_dyn(hx_type *t, int32_t index, varray *args, int32_t nargs) {
	const hx_enum_construct *c = &t->tenum->constructs[index];
	if (c->nparams < nargs) return NULL;
	if (nargs < c->nparams) {
		/* missing trailing args must be nullable */
		for (int i = nargs; i < c->nparams; i++)
			if (!hx_is_ptr(c->params[i])) return NULL;
	}
	venum *e = hx_alloc_enum(t, index);
	for (int i = 0; i < nargs; i++) {
		hx_write_dyn((char *)e + c->offsets[i], c->params[i], hx_aptr(args, vdynamic *)[i]);
		if (hx_is_ptr(c->params[i])) HX_WB(e, *(void **)((char *)e + c->offsets[i]));
	}
	return (vdynamic *)e;
}

varray *hxn_std_enum_parameters(vdynamic *d) {
	venum *e = (venum *)d;
	const hx_enum_construct *c = &e->t->tenum->constructs[e->index];
	varray *a = hx_alloc_array(&hxt_dyn, c->nparams);
	for (int i = 0; i < c->nparams; i++) {
		vdynamic *v = hx_make_dyn((char *)e + c->offsets[i], c->params[i]);
		hx_aptr(a, vdynamic *)[i] = v;
		HX_WB(a, v);
	}
	return a;
}
