//go:build ignore

/* hx_gcscan.c: what the collector calls back into: precise scanning of typed
 * blocks and the fix-up of interior pointers held by virtuals. */
#include "hx.h"

static void scan_bits(char *base, const uint32_t *bits, int words, void (*visit)(void **, void *), void *arg) {
	for (int w = 0; w < words; w++)
		if (bits[w >> 5] & (1u << (w & 31))) visit((void **)(base + (size_t)w * 8), arg);
}

bool hx_gc_scan_object(void *obj, void (*visit)(void **slot, void *arg), void *arg) {
	hx_type *t = *(hx_type **)obj;
	if (!t) return false;
	switch (t->kind) {
	case HX_OBJ:
		if (t->mark_bits) scan_bits((char *)obj, t->mark_bits, t->obj->size / 8, visit, arg);
		return true;
	case HX_ENUM: {
		venum *e = (venum *)obj;
		const hx_enum_construct *c = &t->tenum->constructs[e->index];
		if (c->mark_bits) scan_bits((char *)obj, c->mark_bits, c->size / 8, visit, arg);
		return true;
	}
	case HX_ARRAY: {
		varray *a = (varray *)obj;
		if (hx_is_ptr(a->at))
			for (int i = 0; i < a->size; i++) visit(&hx_aptr(a, void *)[i], arg);
		return true;
	}
	case HX_FUN: {
		vclosure *c = (vclosure *)obj;
		if (c->has_value) visit(&c->value, arg);
		if (c->has_value == 2) visit((void **)&((vclosure_wrapper *)c)->wrapped, arg);
		return true;
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)obj;
		visit((void **)&v->value, arg);
		visit((void **)&v->next, arg);
		if (!v->value) {
			/* owned data: pointer fields live after the slot table */
			hx_virtual_type *vt = t->virt;
			for (int i = 0; i < vt->nfields; i++)
				if (hx_is_ptr(vt->fields[i].t)) visit((void **)((char *)v + vt->data_offsets[i]), arg);
		}
		return true;
	}
	case HX_DYNOBJ: {
		vdynobj *o = (vdynobj *)obj;
		visit((void **)&o->lookup, arg);
		visit((void **)&o->raw, arg);
		visit((void **)&o->values, arg); /* an HX_MEM_RAW block: every word is a pointer */
		visit((void **)&o->virtuals, arg);
		return true;
	}
	case HX_BYTES: case HX_REF: case HX_ABSTRACT: case HX_DYN: case HX_NULL:
	case HX_STRUCT: case HX_METHOD: case HX_PACKED:
		/* a box of a pointer value (struct instances have no header, so a
		 * typed block of these kinds is always a box) */
		visit(&((vdynamic *)obj)->v.ptr, arg);
		return true;
	default:
		return true; /* boxes of numbers, types: nothing to scan */
	}
}

void hx_gc_after_move(void *obj) {
	hx_type *t = *(hx_type **)obj;
	if (t->kind == HX_DYNOBJ) { hx_dynobj_update_virtuals((vdynobj *)obj); return; }
	if (t->kind != HX_VIRTUAL) return;
	vvirtual *v = (vvirtual *)obj;
	hx_virtual_type *vt = t->virt;
	void **f = hx_vfields(v);
	if (!v->value) {
		for (int i = 0; i < vt->nfields; i++) f[i] = (char *)v + vt->data_offsets[i];
	} else if (v->value->t->kind == HX_OBJ) {
		for (int i = 0; i < vt->nfields; i++) {
			const hx_lookup *l = hx_obj_resolve(v->value->t, vt->fields[i].hash);
			if (l && l->offset >= 0 && f[i]) f[i] = (char *)v->value + l->offset;
		}
	}
	/* views of a dynobj are refreshed with their dynobj */
}
