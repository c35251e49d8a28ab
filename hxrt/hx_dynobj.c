//go:build ignore

/* hx_dynobj.c: dynamic anonymous objects (hash-sorted fields) and their
 * virtual views, which are re-pointed whenever the storage moves. */
#include "hx.h"

vdynobj *hx_alloc_dynobj(void) {
	vdynobj *o = (vdynobj *)hx_gc_alloc(sizeof(vdynobj), HX_MEM_DYNAMIC);
	o->t = &hxt_dynobj;
	return o;
}

hx_type *hx_dynobj_type(void) { return &hxt_dynobj; }

static int find_pos(vdynobj *o, int32_t h) { /* first entry with hash >= h */
	int lo = 0, hi = o->nfields;
	while (lo < hi) {
		int mid = (lo + hi) >> 1;
		if (o->lookup[mid].hash < h) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

hx_lookup *hx_dynobj_find(vdynobj *o, int32_t h) {
	int p = find_pos(o, h);
	return p < o->nfields && o->lookup[p].hash == h ? &o->lookup[p] : NULL;
}

void *hx_dynobj_addr(vdynobj *o, hx_lookup *l) {
	return hx_is_ptr(l->t) ? (void *)&o->values[l->offset] : (void *)(o->raw + l->offset);
}

/* Re-point every virtual view after storage changes. */
void hx_dynobj_update_virtuals(vdynobj *o) {
	for (vvirtual *v = o->virtuals; v; v = v->next) {
		hx_virtual_type *vt = v->t->virt;
		void **f = hx_vfields(v);
		for (int i = 0; i < vt->nfields; i++) {
			hx_lookup *l = hx_dynobj_find(o, vt->fields[i].hash);
			f[i] = l && hx_same_type(l->t, vt->fields[i].t) ? hx_dynobj_addr(o, l) : NULL;
		}
	}
}

/* Adds field h of type t (zeroed) and returns its lookup entry. */
hx_lookup *hx_dynobj_add(vdynobj *o, int32_t h, hx_type *t) {
	int pos = find_pos(o, h);
	if (o->nfields == o->lookup_cap) {
		int ncap = o->lookup_cap ? o->lookup_cap * 2 : 4;
		hx_lookup *nl = (hx_lookup *)hx_alloc_bytes(ncap * (int32_t)sizeof(hx_lookup));
		if (o->nfields) memcpy(nl, o->lookup, o->nfields * sizeof(hx_lookup));
		o->lookup = nl;
		HX_WB(o, nl);
		o->lookup_cap = ncap;
	}
	memmove(o->lookup + pos + 1, o->lookup + pos, (o->nfields - pos) * sizeof(hx_lookup));
	hx_lookup *l = &o->lookup[pos];
	l->hash = h;
	l->t = t;
	o->nfields++;
	bool moved = false;
	if (hx_is_ptr(t)) {
		if (o->nvalues == o->values_cap) {
			int ncap = o->values_cap ? o->values_cap * 2 : 4;
			void **nv = (void **)hx_alloc_raw(ncap * 8);
			if (o->nvalues) memcpy(nv, o->values, o->nvalues * 8);
			o->values = nv;
			HX_WB(o, nv);
			o->values_cap = ncap;
			moved = true;
		}
		l->offset = o->nvalues++;
	} else {
		int sz = hx_type_size(t);
		int off = (o->raw_size + sz - 1) & ~(sz - 1);
		if (off + sz > o->raw_cap) {
			int ncap = o->raw_cap ? o->raw_cap * 2 : 32;
			while (ncap < off + sz) ncap *= 2;
			char *nr = (char *)hx_alloc_bytes(ncap);
			if (o->raw_size) memcpy(nr, o->raw, o->raw_size);
			o->raw = nr;
			HX_WB(o, nr);
			o->raw_cap = ncap;
			moved = true;
		}
		l->offset = off;
		o->raw_size = off + sz;
	}
	(void)moved;
	hx_dynobj_update_virtuals(o);
	return l;
}

/* Field h for a store of type t: created or re-typed as needed. */
void *hx_dynobj_slot(vdynobj *o, int32_t h, hx_type *t) {
	hx_lookup *l = hx_dynobj_find(o, h);
	if (l && l->t != t) {
		if (hx_is_ptr(l->t) && hx_is_ptr(t)) {
			l->t = t;
			hx_dynobj_update_virtuals(o);
		} else if (!hx_is_ptr(l->t) && !hx_is_ptr(t) && hx_type_size(l->t) == hx_type_size(t)) {
			l->t = t;
			hx_dynobj_update_virtuals(o);
		} else {
			/* kind changes: drop the old slot (its storage stays unused) */
			int pos = (int)(l - o->lookup);
			memmove(o->lookup + pos, o->lookup + pos + 1, (o->nfields - pos - 1) * sizeof(hx_lookup));
			o->nfields--;
			l = NULL;
		}
	}
	if (!l) l = hx_dynobj_add(o, h, t);
	return hx_dynobj_addr(o, l);
}

bool hx_dynobj_delete(vdynobj *o, int32_t h) {
	hx_lookup *l = hx_dynobj_find(o, h);
	if (!l) return false;
	int pos = (int)(l - o->lookup);
	memmove(o->lookup + pos, o->lookup + pos + 1, (o->nfields - pos - 1) * sizeof(hx_lookup));
	o->nfields--;
	hx_dynobj_update_virtuals(o);
	return true;
}

vdynobj *hx_dynobj_copy(vdynobj *src) {
	vdynobj *o = hx_alloc_dynobj();
	for (int i = 0; i < src->nfields; i++) {
		hx_lookup *l = &src->lookup[i];
		void *d = hx_dynobj_slot(o, l->hash, l->t);
		void *s = hx_dynobj_addr(src, l);
		memcpy(d, s, hx_type_size(l->t));
		if (hx_is_ptr(l->t)) HX_WB(o->values, *(void **)d);
	}
	return o;
}
