//go:build ignore

/* hx_field.c: field access by name hash on any receiver (ODynGet/ODynSet,
 * virtual slow paths, Reflect). */
#include "hx.h"

vclosure *hx_obj_method_closure(vdynamic *o, const hx_lookup *l) {
	int m = -l->offset - 1;
	hx_obj_type *ot = o->t->obj;
	return hx_alloc_closure_ptr(ot->method_types[m], ot->methods[m], o);
}

/* Per-thread memo of where data field h of a class or of a virtual (with its
 * own storage) lives: byte offset in the instance, or field index in the
 * virtual's table; ft its type. Types are static and never change, and a
 * type pointer says which of the two off is. */
typedef struct { hx_type *t; int32_t h, off; hx_type *ft; } slot_memo;
static __thread slot_memo smemo[512];

/* Two-way: a (type, field) pair has two places, so that two hot pairs
 * that hash alike do not evict each other on every access. */
static inline slot_memo *slot_at(hx_type *t, int32_t h) {
	uint32_t k = ((uint32_t)((uintptr_t)t >> 4) * 2654435761u) ^ (uint32_t)h;
	return &smemo[(k * 0x85EBCA6Bu >> 23) & ~1u];
}
static inline slot_memo *memo_find(hx_type *t, int32_t h) {
	slot_memo *e = slot_at(t, h);
	if (e[0].t == t && e[0].h == h) return &e[0];
	if (e[1].t == t && e[1].h == h) return &e[1];
	return NULL;
}
static inline slot_memo *memo_put(hx_type *t, int32_t h, int32_t off, hx_type *ft) {
	slot_memo *e = slot_at(t, h);
	e[1] = e[0];
	e[0] = (slot_memo){t, h, off, ft};
	return e;
}

/* The address and type of data field h of instance o of class type o->t
 * (memoised), or NULL when the class has no such data field; *other is then
 * the field's lookup entry (a method) or NULL. */
static inline void *obj_slot(vdynamic *o, int32_t h, hx_type **ft, const hx_lookup **other) {
	slot_memo *e = memo_find(o->t, h);
	if (!e) {
		const hx_lookup *l = hx_obj_resolve(o->t, h);
		if (!l) {
			*other = NULL;
			return NULL;
		}
		/* a method is memoised too: off < 0, ft holds its (static) lookup entry */
		e = memo_put(o->t, h, l->offset, l->offset < 0 ? (hx_type *)l : l->t);
	}
	if (e->off < 0) {
		*other = (const hx_lookup *)e->ft;
		return NULL;
	}
	*ft = e->ft;
	return (char *)o + e->off;
}

/* Finds the storage of field h of o: its address and type. tmp holds a
 * value computed on the fly (bound method, __get_field result). */
static inline __attribute__((always_inline)) void *field_addr(vdynamic *o, int32_t h, hx_type **ft, void **tmp) {
	if (!o) hx_null_access();
again: /* a loop, not recursion, so that it inlines into the hot getters */
	switch (o->t->kind) {
	case HX_DYNOBJ: {
		hx_lookup *l = hx_dynobj_find((vdynobj *)o, h);
		if (!l) return NULL;
		*ft = l->t;
		return hx_dynobj_addr((vdynobj *)o, l);
	}
	case HX_OBJ: {
		const hx_lookup *l;
		void *a = obj_slot(o, h, ft, &l);
		if (a) return a;
		if (l) {
			*tmp = hx_obj_method_closure(o, l);
			*ft = ((vclosure *)*tmp)->t;
			return tmp;
		}
		if (o->t->obj->m_get_field) {
			*tmp = ((vdynamic * (*)(void *, int32_t)) o->t->obj->m_get_field)(o, h);
			*ft = &hxt_dyn;
			return tmp;
		}
		return NULL;
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)o;
		if (v->value) {
			o = v->value;
			goto again;
		}
		slot_memo *e = memo_find(v->t, h);
		if (e) {
			*ft = e->ft;
			return hx_vfields(v)[e->off];
		}
		const hx_lookup *l = hx_virt_resolve(v->t, h);
		if (!l) return NULL;
		e = memo_put(v->t, h, l->offset, v->t->virt->fields[l->offset].t);
		*ft = e->ft;
		return hx_vfields(v)[l->offset];
	}
	default: hx_error("Invalid field access");
	}
}

int32_t hx_dyn_geti(vdynamic *o, int32_t h, hx_type *t) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	return a ? hx_dyn_casti(a, ft, t) : 0;
}
int64_t hx_dyn_geti64(vdynamic *o, int32_t h) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	return a ? hx_dyn_casti64(a, ft) : 0;
}
float hx_dyn_getf(vdynamic *o, int32_t h) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	return a ? hx_dyn_castf(a, ft) : 0;
}
double hx_dyn_getd(vdynamic *o, int32_t h) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	return a ? hx_dyn_castd(a, ft) : 0;
}
/* The Dynamic of the field stored at a with type ft (hx_dyn_castp to dyn). */
static inline vdynamic *field_dyn(void *a, hx_type *ft) {
	if (ft->kind == HX_I32) return hx_box_i32(*(int32_t *)a);
	if (hx_is_dynamic(ft)) return *(vdynamic **)a;
	return (vdynamic *)hx_dyn_castp(a, ft, &hxt_dyn);
}

void *hx_dyn_getp(vdynamic *o, int32_t h, hx_type *t) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	if (!a) return NULL;
	if (t->kind == HX_DYN) return field_dyn(a, ft);
	return hx_dyn_castp(a, ft, t);
}

/* hx_dyn_toi(hx_dyn_getp(o, h, dyn)): a number or Bool field is read as its
 * box would be; anything else goes through its Dynamic (same errors). */
int32_t hx_dyn_get_toi(vdynamic *o, int32_t h, hx_type *to) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	if (!a) return 0;
	switch (ft->kind) {
	case HX_I32: return *(int32_t *)a;
	case HX_UI8: case HX_UI16: case HX_I64: case HX_F32: case HX_F64: case HX_BOOL: return hx_dyn_casti(a, ft, to);
	default: return hx_dyn_toi(field_dyn(a, ft), to);
	}
}
/* hx_dyn_getp(o, h, dyn), except that an Int (stored as such or boxed) is
 * returned in *out, with HX_NUM_I32 as the result. */
vdynamic hx_num_i32_marker;
vdynamic *hx_dyn_get_num(vdynamic *o, int32_t h, int32_t *out) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	if (!a) return NULL;
	if (ft->kind == HX_I32) {
		*out = *(int32_t *)a;
		return HX_NUM_I32;
	}
	vdynamic *d = field_dyn(a, ft);
	if (d && d->t->kind == HX_I32) {
		*out = d->v.i;
		return HX_NUM_I32;
	}
	return d;
}

/* Records in a site's cache where Int field h of o's type lives, when it
 * is a class field or a field of a virtual with its own storage. */
enum { IC_I32, IC_PTR, IC_F64 }; /* what a site's cache holds places of */
static inline bool ic_wanted(hx_type *ft, int want) {
	switch (want) {
	case IC_I32: return ft->kind == HX_I32;
	case IC_F64: return ft->kind == HX_F64;
	default: return hx_is_dynamic(ft);
	}
}
static void ic_fill_kind(hx_field_ic *ic, vdynamic *o, int32_t h, int want) {
	if (!o) return;
	hx_type *t = o->t, *ft;
	int32_t off, virt;
	if (t->kind == HX_OBJ) {
		const hx_lookup *l;
		void *a = obj_slot(o, h, &ft, &l);
		if (!a || !ic_wanted(ft, want)) return;
		off = (int32_t)((char *)a - (char *)o);
		virt = 0;
	} else if (t->kind == HX_VIRTUAL && !((vvirtual *)o)->value) {
		const hx_lookup *l = hx_virt_resolve(t, h);
		if (!l || !ic_wanted(t->virt->fields[l->offset].t, want) || !hx_vfields((vvirtual *)o)[l->offset]) return;
		off = l->offset;
		virt = 1;
	} else
		return;
	ic[1] = ic[0];
	ic[0] = (hx_field_ic){t, off, virt};
}
static void ic_fill(hx_field_ic *ic, vdynamic *o, int32_t h) { ic_fill_kind(ic, o, h, IC_I32); }
vdynamic *hx_dyn_getp_fill(vdynamic *o, int32_t h, hx_field_ic *ic) {
	vdynamic *r = (vdynamic *)hx_dyn_getp(o, h, &hxt_dyn);
	ic_fill_kind(ic, o, h, IC_PTR);
	return r;
}
int32_t hx_dyn_get_toi_fill(vdynamic *o, int32_t h, hx_type *to, hx_field_ic *ic) {
	int32_t r = hx_dyn_get_toi(o, h, to);
	ic_fill(ic, o, h);
	return r;
}
vdynamic *hx_dyn_get_num_fill(vdynamic *o, int32_t h, int32_t *out, hx_field_ic *ic) {
	vdynamic *r = hx_dyn_get_num(o, h, out);
	ic_fill(ic, o, h);
	return r;
}
void hx_dyn_seti_fill(vdynamic *o, int32_t h, int32_t v, hx_field_ic *ic) {
	hx_dyn_seti(o, h, &hxt_i32, v);
	ic_fill(ic, o, h);
}

double hx_dyn_get_tod_fill(vdynamic *o, int32_t h, hx_field_ic *ic) {
	double r = hx_dyn_get_tod(o, h);
	ic_fill_kind(ic, o, h, IC_F64);
	return r;
}
void hx_dyn_setd_fill(vdynamic *o, int32_t h, double v, hx_field_ic *ic) {
	hx_dyn_setd(o, h, v);
	ic_fill_kind(ic, o, h, IC_F64);
}

double hx_dyn_get_tod(vdynamic *o, int32_t h) {
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	if (!a) return 0;
	switch (ft->kind) {
	case HX_F64: return *(double *)a;
	case HX_I32: return *(int32_t *)a;
	case HX_UI8: case HX_UI16: case HX_I64: case HX_F32: case HX_BOOL: return hx_dyn_castd(a, ft);
	default: return hx_dyn_tod(field_dyn(a, ft));
	}
}

/* Storage for a store of a value of type t into field h of o (see HL's
 * rules: dynobj grows or re-types; a class must have the field). Returns the
 * address and the field's type; the caller converts. */
static inline __attribute__((always_inline)) void *store_addr(vdynamic *o, int32_t h, hx_type *t, hx_type **ft, vdynamic **owner) {
	if (!o) hx_null_access();
again: /* a loop, not recursion, so that it inlines into the setters */
	*owner = o;
	switch (o->t->kind) {
	case HX_DYNOBJ: {
		*ft = t;
		void *a = hx_dynobj_slot((vdynobj *)o, h, t);
		if (hx_is_ptr(t)) *owner = (vdynamic *)((vdynobj *)o)->values; /* the block written */
		return a;
	}
	case HX_OBJ: {
		const hx_lookup *method;
		void *a = obj_slot(o, h, ft, &method);
		if (!a)
			hx_error("%s does not have field %s", hx_ustr_to_utf8(o->t->obj->name), hx_ustr_to_utf8(hx_field_name(h)));
		return a;
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)o;
		if (v->value) {
			o = v->value;
			goto again;
		}
		slot_memo *e = memo_find(v->t, h);
		if (e && (e->ft == t || hx_same_type_q(e->ft, t))) {
			*ft = t;
			return hx_vfields(v)[e->off];
		}
		const hx_lookup *l = hx_virt_resolve(v->t, h);
		if (l && hx_same_type_q(v->t->virt->fields[l->offset].t, t)) {
			memo_put(v->t, h, l->offset, v->t->virt->fields[l->offset].t);
			*ft = t;
			return hx_vfields(v)[l->offset];
		}
		hx_virtual_make_value(v);
		o = v->value;
		goto again;
	}
	default: hx_error("Invalid field access");
	}
}

void hx_dyn_seti(vdynamic *o, int32_t h, hx_type *t, int32_t v) {
	hx_type *ft; vdynamic *own;
	void *a = store_addr(o, h, t, &ft, &own);
	if (ft == t || ft->kind == t->kind) {
		switch (t->kind) {
		case HX_UI8: case HX_BOOL: *(uint8_t *)a = (uint8_t)v; return;
		case HX_UI16: *(uint16_t *)a = (uint16_t)v; return;
		default: *(int32_t *)a = v; return;
		}
	}
	vdynamic tmp = {t, {.i = v}}; /* a pointer field keeps the box: a real one then */
	hx_write_dyn(a, ft, hx_is_ptr(ft) ? hx_make_dyn(&v, t) : &tmp);
	if (hx_is_ptr(ft)) HX_WB(own, *(void **)a);
}
void hx_dyn_seti64(vdynamic *o, int32_t h, int64_t v) {
	hx_type *ft; vdynamic *own;
	void *a = store_addr(o, h, &hxt_i64, &ft, &own);
	if (ft->kind == HX_I64) { *(int64_t *)a = v; return; }
	vdynamic tmp = {&hxt_i64, {.i64 = v}};
	hx_write_dyn(a, ft, hx_is_ptr(ft) ? hx_make_dyn(&v, &hxt_i64) : &tmp);
	if (hx_is_ptr(ft)) HX_WB(own, *(void **)a);
}
void hx_dyn_setf(vdynamic *o, int32_t h, float v) {
	hx_type *ft; vdynamic *own;
	void *a = store_addr(o, h, &hxt_f32, &ft, &own);
	if (ft->kind == HX_F32) { *(float *)a = v; return; }
	vdynamic tmp = {&hxt_f32, {.f = v}};
	hx_write_dyn(a, ft, hx_is_ptr(ft) ? hx_make_dyn(&v, &hxt_f32) : &tmp);
	if (hx_is_ptr(ft)) HX_WB(own, *(void **)a);
}
void hx_dyn_setd(vdynamic *o, int32_t h, double v) {
	hx_type *ft; vdynamic *own;
	void *a = store_addr(o, h, &hxt_f64, &ft, &own);
	if (ft->kind == HX_F64) { *(double *)a = v; return; }
	vdynamic tmp = {&hxt_f64, {.d = v}};
	hx_write_dyn(a, ft, hx_is_ptr(ft) ? hx_make_dyn(&v, &hxt_f64) : &tmp);
	if (hx_is_ptr(ft)) HX_WB(own, *(void **)a);
}
void hx_dyn_setp(vdynamic *o, int32_t h, hx_type *t, void *v) {
	hx_type *ft; vdynamic *own;
	void *a = store_addr(o, h, t, &ft, &own);
	if (ft == t || hx_same_type(ft, t)) *(void **)a = v;
	else if (hx_is_dynamic(t)) hx_write_dyn(a, ft, (vdynamic *)v);
	else {
		vdynamic *b = hx_make_dyn(&v, t);
		hx_write_dyn(a, ft, b);
	}
	if (hx_is_ptr(ft)) HX_WB(own, *(void **)a);
}

/* natives: Reflect */
vdynamic *hxn_std_obj_get_field(vdynamic *o, int32_t h) {
	if (!o) return NULL;
	switch (o->t->kind) {
	case HX_OBJ: case HX_DYNOBJ: case HX_VIRTUAL: break;
	default: return NULL;
	}
	return (vdynamic *)hx_dyn_getp(o, h, &hxt_dyn);
}

void hxn_std_obj_set_field(vdynamic *o, int32_t h, vdynamic *v);
bool hxn_std_obj_has_field(vdynamic *o, int32_t h);

static inline bool has_fields(vdynamic *o) {
	switch (o->t->kind) {
	case HX_OBJ: case HX_DYNOBJ: case HX_VIRTUAL: return true;
	default: return false;
	}
}
vdynamic *hx_reflect_get(vdynamic *o, int32_t h) {
	if (!o || !has_fields(o)) return NULL;
	hx_type *ft; void *tmp;
	void *a = field_addr(o, h, &ft, &tmp);
	return a ? field_dyn(a, ft) : NULL;
}
int32_t hx_reflect_get_toi(vdynamic *o, int32_t h, hx_type *to) {
	if (!o || !has_fields(o)) return 0;
	return hx_dyn_get_toi(o, h, to);
}
int32_t hx_reflect_get_toi_fill(vdynamic *o, int32_t h, hx_type *to, hx_field_ic *ic) {
	int32_t r = hx_reflect_get_toi(o, h, to);
	if (o && has_fields(o)) ic_fill(ic, o, h);
	return r;
}
vdynamic *hx_reflect_get_fill(vdynamic *o, int32_t h, hx_field_ic *ic) {
	vdynamic *r = hx_reflect_get(o, h);
	if (o && has_fields(o)) ic_fill_kind(ic, o, h, IC_PTR);
	return r;
}
void hx_reflect_set(vdynamic *o, int32_t h, vdynamic *v) { hxn_std_obj_set_field(o, h, v); }
bool hx_reflect_has(vdynamic *o, int32_t h) { return hxn_std_obj_has_field(o, h); }

void hxn_std_obj_set_field(vdynamic *o, int32_t h, vdynamic *v) {
	if (!o) hx_null_access();
	if (v == NULL) { hx_dyn_setp(o, h, &hxt_dyn, NULL); return; }
	switch (v->t->kind) {
	case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL: hx_dyn_seti(o, h, v->t, v->v.i); break;
	case HX_I64: hx_dyn_seti64(o, h, v->v.i64); break;
	case HX_F32: hx_dyn_setf(o, h, v->v.f); break;
	case HX_F64: hx_dyn_setd(o, h, v->v.d); break;
	default:
		if (hx_is_dynamic(v->t)) hx_dyn_setp(o, h, v->t, v);
		else hx_dyn_setp(o, h, v->t, v->v.ptr);
	}
}

bool hxn_std_obj_has_field(vdynamic *o, int32_t h) {
	if (!o) return false;
	switch (o->t->kind) {
	case HX_DYNOBJ: return hx_dynobj_find((vdynobj *)o, h) != NULL;
	case HX_OBJ: {
		hx_type *ft;
		const hx_lookup *l;
		return obj_slot(o, h, &ft, &l) != NULL; /* a data field */
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)o;
		if (v->value) return hxn_std_obj_has_field(v->value, h);
		if (memo_find(v->t, h)) return true;
		const hx_lookup *l = hx_virt_resolve(v->t, h);
		if (l) memo_put(v->t, h, l->offset, v->t->virt->fields[l->offset].t);
		return l != NULL;
	}
	default: return false;
	}
}

bool hxn_std_obj_delete_field(vdynamic *o, int32_t h) {
	if (!o) return false;
	if (o->t->kind == HX_VIRTUAL) {
		vvirtual *v = (vvirtual *)o;
		if (!v->value) hx_virtual_make_value(v);
		return hxn_std_obj_delete_field(v->value, h);
	}
	if (o->t->kind != HX_DYNOBJ) return false;
	return hx_dynobj_delete((vdynobj *)o, h);
}

varray *hxn_std_obj_fields(vdynamic *o) {
	if (!o) return NULL;
	switch (o->t->kind) {
	case HX_DYNOBJ: {
		vdynobj *d = (vdynobj *)o;
		varray *a = hx_alloc_array(&hxt_bytes, d->nfields);
		for (int i = 0; i < d->nfields; i++) hx_aptr(a, const hx_uchar *)[i] = hx_field_name(d->lookup[i].hash);
		return a;
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)o;
		if (v->value) return hxn_std_obj_fields(v->value);
		hx_virtual_type *vt = v->t->virt;
		varray *a = hx_alloc_array(&hxt_bytes, vt->nfields);
		for (int i = 0; i < vt->nfields; i++) hx_aptr(a, const hx_uchar *)[i] = vt->fields[i].name;
		return a;
	}
	case HX_OBJ: {
		int n = 0;
		for (hx_type *c = o->t; c; c = c->obj->super)
			for (int j = 0; j < c->obj->nfields; j++)
				if (c->obj->fields[j].name[0]) n++;
		varray *a = hx_alloc_array(&hxt_bytes, n);
		/* HashLink's order: the class's own fields, then its parent's */
		int k = 0;
		for (hx_type *c = o->t; c; c = c->obj->super)
			for (int j = 0; j < c->obj->nfields; j++)
				if (c->obj->fields[j].name[0]) hx_aptr(a, const hx_uchar *)[k++] = c->obj->fields[j].name;
		return a;
	}
	default: return NULL;
	}
}

vdynamic *hxn_std_obj_copy(vdynamic *o) {
	if (!o) return NULL;
	if (o->t->kind == HX_VIRTUAL) {
		vvirtual *v = (vvirtual *)o;
		if (!v->value) hx_virtual_make_value(v);
		o = v->value;
	}
	if (o->t->kind != HX_DYNOBJ) return NULL;
	return (vdynamic *)hx_dynobj_copy((vdynobj *)o);
}
