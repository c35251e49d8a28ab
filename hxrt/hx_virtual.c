//go:build ignore

/* hx_virtual.c: virtuals (structural views of objects, dynobjs, owned data). */
#include "hx.h"

const hx_lookup *hx_lookup_find(const hx_lookup *l, int32_t n, int32_t hash) {
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) >> 1;
		if (l[mid].hash < hash) lo = mid + 1;
		else if (l[mid].hash > hash) hi = mid;
		else return &l[mid];
	}
	return NULL;
}

/* Per-thread memo of (class or virtual type, field) -> lookup entry, misses
 * included: dynamic access to the same few fields of the same types
 * dominates, and types and their lookup tables are static, never changed. */
typedef struct { hx_type *t; int32_t h; const hx_lookup *l; } resolve_memo;
static __thread resolve_memo rmemo[256];

static inline const hx_lookup *resolve(hx_type *t, const hx_lookup *arr, int32_t n, int32_t h) {
	resolve_memo *e = &rmemo[((uint32_t)((uintptr_t)t >> 3) ^ (uint32_t)h) * 2654435761u >> 24];
	if (e->t == t && e->h == h) return e->l;
	const hx_lookup *l = hx_lookup_find(arr, n, h);
	*e = (resolve_memo){t, h, l};
	return l;
}

const hx_lookup *hx_obj_resolve(hx_type *t, int32_t hfield) {
	return resolve(t, t->obj->lookup, t->obj->nlookup, hfield);
}

const hx_lookup *hx_virt_resolve(hx_type *vt, int32_t hfield) {
	return resolve(vt, vt->virt->lookup, vt->virt->nlookup, hfield);
}

/* Offset of the unnamed field caching the view `vt` in instances of t, or -1. */
static int32_t cache_offset(hx_type *t, hx_type *vt) {
	for (hx_type *c = t; c; c = c->obj->super) {
		hx_obj_type *o = c->obj;
		int start = o->ntotal_fields - o->nfields;
		for (int j = 0; j < o->nfields; j++)
			if (!o->fields[j].name[0] && o->fields[j].t->kind == HX_VIRTUAL && o->fields[j].t->virt == vt->virt)
				return o->field_offsets[start + j];
	}
	return -1;
}

static vvirtual *alloc_view(hx_type *vt, vdynamic *value) {
	int n = vt->virt->nfields;
	vvirtual *v = (vvirtual *)hx_gc_alloc(sizeof(vvirtual) + (size_t)n * sizeof(void *), HX_MEM_DYNAMIC);
	v->t = vt;
	v->value = value;
	HX_WB(v, value);
	return v;
}

static vvirtual *view_of_obj(hx_type *vt, vdynamic *obj) {
	int32_t co = cache_offset(obj->t, vt);
	if (co >= 0) {
		vvirtual *c = *(vvirtual **)((char *)obj + co);
		if (c) return c;
	}
	vvirtual *v = alloc_view(vt, obj);
	hx_virtual_type *vtt = vt->virt;
	hx_obj_type *ot = obj->t->obj;
	void **f = hx_vfields(v);
	for (int i = 0; i < vtt->nfields; i++) {
		const hx_lookup *l = hx_obj_resolve(obj->t, vtt->fields[i].hash);
		if (!l) continue;
		hx_type *ft = vtt->fields[i].t;
		if (l->offset >= 0) {
			if (hx_same_type(l->t, ft)) f[i] = (char *)obj + l->offset;
		} else {
			int m = -l->offset - 1;
			hx_type *mt = ot->method_types[m];
			/* only a method-typed field holds the method itself; a fun-typed one
			 * is read as a closure slot (OField), so it goes the dynamic way */
			if (ft->kind != HX_METHOD) continue;
			/* method signature without `this` must fit the field's */
			hx_fun_type *a = mt->fun, *b = ft->fun;
			bool ok = a->nargs == b->nargs + 1 && hx_safe_cast(a->ret, b->ret);
			for (int k = 0; ok && k < b->nargs; k++)
				ok = hx_safe_cast(b->args[k], a->args[k + 1]);
			if (ok) f[i] = ot->methods[m];
		}
	}
	if (co >= 0) {
		*(vvirtual **)((char *)obj + co) = v;
		HX_WB(obj, v);
	}
	return v;
}

static vvirtual *view_of_dynobj(hx_type *vt, vdynobj *o) {
	for (vvirtual *v = o->virtuals; v; v = v->next)
		if (v->t == vt || v->t->virt == vt->virt) return v;
	vvirtual *v = alloc_view(vt, (vdynamic *)o);
	v->next = o->virtuals;
	o->virtuals = v;
	HX_WB(o, v);
	hx_dynobj_update_virtuals(o);
	return v;
}

vvirtual *hx_virtual_make_value(vvirtual *v) {
	if (v->value) return v;
	hx_virtual_type *vt = v->t->virt;
	vdynobj *o = hx_alloc_dynobj();
	void **f = hx_vfields(v);
	for (int i = 0; i < vt->nfields; i++) {
		hx_type *t = vt->fields[i].t;
		void *d = hx_dynobj_slot(o, vt->fields[i].hash, t);
		memcpy(d, f[i], (size_t)hx_type_size(t));
		if (hx_is_ptr(t)) HX_WB(o->values, *(void **)d);
	}
	v->value = (vdynamic *)o;
	HX_WB(v, o);
	v->next = o->virtuals;
	o->virtuals = v;
	HX_WB(o, v);
	hx_dynobj_update_virtuals(o);
	return v;
}

vvirtual *hx_to_virtual(hx_type *vt, vdynamic *obj) {
	if (!obj) return NULL;
	switch (obj->t->kind) {
	case HX_OBJ: return view_of_obj(vt, obj);
	case HX_DYNOBJ: return view_of_dynobj(vt, (vdynobj *)obj);
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)obj;
		if (v->t == vt || hx_safe_cast(v->t, vt)) return v;
		if (!v->value) hx_virtual_make_value(v);
		return hx_to_virtual(vt, v->value);
	}
	default:
		hx_error("Can't cast %s to %s", hx_ustr_to_utf8(hx_type_str(obj->t)), hx_ustr_to_utf8(hx_type_str(vt)));
	}
}

vdynamic *hxn_std_get_virtual_value(vdynamic *v) { return v ? ((vvirtual *)v)->value : NULL; }
