//go:build ignore

/* hx_n_map.c: the hash maps behind haxe.ds.StringMap/IntMap/ObjectMap
 * (hl.types.BytesMap, IntMap, Int64Map, ObjectMap).
 *
 * Iteration order is observable in Haxe output, so the table evolves exactly
 * like HashLink's: a prime number of cells, each the head of a chain of entry
 * slots (new entries go first in their chain); entry slots come from a free
 * list; when no slot is left the capacity grows by 1.5 (3 at first) and the
 * cell count becomes the first prime >= capacity/4. If the cell count does not
 * change (and the capacity does not cross 128, where HashLink switches its
 * link width), the slots are just extended and the chains kept; otherwise
 * every entry is re-inserted walking the old cells and chains in order.
 * keys()/values() walk the cells in order and each chain from its head.
 * Which slot an entry occupies is not observable, so the free list is ours.
 */
#include "hx_natives.h"

enum { MK_BYTES, MK_INT, MK_INT64, MK_OBJ };

struct hxn_map {
	int32_t *cells;   /* ncells chain heads (-1: empty); NOPTR */
	int32_t *nexts;   /* next slot in the chain, or in the free list; NOPTR */
	void *keys;       /* hx_uchar*[] / vdynamic*[] (RAW) or int32_t[] / int64_t[] (NOPTR) */
	uint32_t *hashes; /* bytes keys only; NOPTR */
	vdynamic **values; /* RAW */
	int32_t free_head; /* 1 + first freed slot (0: none), linked through nexts */
	int32_t unused;    /* slots [unused, maxentries) never used yet */
	int32_t ncells, nentries, maxentries;
	int32_t kind;
};

/* Successive primes, about doubling (HashLink's list). */
static const int32_t primes[] = {7, 17, 37, 79, 163, 331, 673, 1361, 2729, 5471, 10949, 21911, 43853, 87613,
	175229, 350459, 700919, 1401857, 2803727, 5607457, 11214943, 22429903, 44859823, 89719661, 179424673,
	373587883, 776531401, 1611623773};

typedef union {
	hx_uchar *b;
	int32_t i;
	int64_t l;
	vdynamic *o;
} mkey;

static uint32_t key_hash(int kind, mkey k) {
	switch (kind) {
	case MK_BYTES: return (uint32_t)hxn_hash(k.b);
	case MK_INT: return (uint32_t)k.i;
	case MK_INT64: return (uint32_t)k.l ^ (uint32_t)((uint64_t)k.l >> 32);
	default: return (uint32_t)(uintptr_t)k.o;
	}
}

static int key_size(int kind) { return kind == MK_INT ? 4 : 8; }

static mkey key_at(const hxn_map *m, int c) {
	mkey k;
	switch (m->kind) {
	case MK_INT: k.i = ((int32_t *)m->keys)[c]; break;
	case MK_INT64: k.l = ((int64_t *)m->keys)[c]; break;
	default: k.o = ((vdynamic **)m->keys)[c]; break;
	}
	return k;
}

static void key_put(hxn_map *m, int c, mkey k) {
	switch (m->kind) {
	case MK_INT: ((int32_t *)m->keys)[c] = k.i; break;
	case MK_INT64: ((int64_t *)m->keys)[c] = k.l; break;
	default:
		((vdynamic **)m->keys)[c] = k.o;
		HX_WB(m->keys, k.o);
		break;
	}
}

static bool key_match(const hxn_map *m, int c, mkey k, uint32_t hash) {
	switch (m->kind) {
	case MK_BYTES: return m->hashes[c] == hash && hxn_ucmp(((hx_uchar **)m->keys)[c], k.b) == 0;
	case MK_INT: return ((int32_t *)m->keys)[c] == k.i;
	case MK_INT64: return ((int64_t *)m->keys)[c] == k.l;
	default: return ((vdynamic **)m->keys)[c] == k.o;
	}
}

static hxn_map *map_alloc(int kind) {
	hxn_map *m = (hxn_map *)hx_gc_alloc(sizeof(hxn_map), HX_MEM_RAW);
	m->kind = kind;
	return m;
}

static void map_clear(hxn_map *m) {
	int kind = m->kind;
	memset(m, 0, sizeof *m);
	m->kind = kind;
}

static int find_slot(const hxn_map *m, mkey k) {
	if (!m->values) return -1;
	uint32_t hash = key_hash(m->kind, k);
	for (int c = m->cells[hash % (uint32_t)m->ncells]; c >= 0; c = m->nexts[c])
		if (key_match(m, c, k, hash)) return c;
	return -1;
}

static int take_slot(hxn_map *m) {
	if (m->free_head) {
		int c = m->free_head - 1;
		m->free_head = m->nexts[c];
		return c;
	}
	if (m->unused < m->maxentries) return m->unused++;
	return -1;
}

static void map_set(hxn_map *m, mkey k, vdynamic *v);

static void resize(hxn_map *m) {
	hxn_map old = *m;
	int kind = m->kind, ks = key_size(kind);
	int nentries = m->maxentries ? ((m->maxentries * 3) + 1) >> 1 : 3;
	int ncells = nentries >> 2, i = 0;
	while (primes[i] < ncells) i++;
	ncells = primes[i];
	bool ptr_keys = kind == MK_BYTES || kind == MK_OBJ;
	void *keys = hx_gc_alloc((size_t)nentries * ks, ptr_keys ? HX_MEM_RAW : HX_MEM_NOPTR);
	vdynamic **values = (vdynamic **)hx_gc_alloc((size_t)nentries * sizeof(vdynamic *), HX_MEM_RAW);
	uint32_t *hashes = kind == MK_BYTES ? (uint32_t *)hx_gc_alloc((size_t)nentries * 4, HX_MEM_NOPTR) : NULL;
	int32_t *nexts = (int32_t *)hx_gc_alloc((size_t)nentries * 4, HX_MEM_NOPTR);
	m->keys = keys, m->values = values, m->hashes = hashes, m->nexts = nexts;
	HX_WB(m, keys), HX_WB(m, values), HX_WB(m, hashes), HX_WB(m, nexts);
	m->maxentries = nentries;
	if (old.ncells == ncells && (nentries < 128 || old.maxentries >= 128)) {
		/* same cells: extend the slots, chains unchanged */
		for (int c = 0; c < old.maxentries; c++) {
			nexts[c] = old.nexts[c];
			values[c] = old.values[c];
			HX_WB(values, values[c]);
			if (ptr_keys) {
				((void **)keys)[c] = ((void **)old.keys)[c];
				HX_WB(keys, ((void **)keys)[c]);
			} else memcpy((char *)keys + (size_t)c * ks, (char *)old.keys + (size_t)c * ks, (size_t)ks);
			if (hashes) hashes[c] = old.hashes[c];
		}
		m->free_head = 0;
		m->unused = old.maxentries;
		return;
	}
	int32_t *cells = (int32_t *)hx_gc_alloc((size_t)ncells * 4, HX_MEM_NOPTR);
	memset(cells, 0xFF, (size_t)ncells * 4);
	m->cells = cells;
	HX_WB(m, cells);
	m->ncells = ncells;
	m->nentries = 0;
	m->free_head = 0;
	m->unused = 0;
	for (i = 0; i < old.ncells; i++)
		for (int c = old.cells[i]; c >= 0; c = old.nexts[c]) map_set(m, key_at(&old, c), old.values[c]);
}

static void map_set(hxn_map *m, mkey k, vdynamic *v) {
	uint32_t hash = key_hash(m->kind, k);
	int c, ckey = 0;
	if (m->values) {
		ckey = (int)(hash % (uint32_t)m->ncells);
		for (c = m->cells[ckey]; c >= 0; c = m->nexts[c])
			if (key_match(m, c, k, hash)) {
				m->values[c] = v;
				HX_WB(m->values, v);
				return;
			}
	}
	c = take_slot(m);
	if (c < 0) {
		resize(m);
		ckey = (int)(hash % (uint32_t)m->ncells);
		c = take_slot(m);
	}
	key_put(m, c, k);
	if (m->hashes) m->hashes[c] = hash;
	m->nexts[c] = m->cells[ckey];
	m->cells[ckey] = c;
	m->values[c] = v;
	HX_WB(m->values, v);
	m->nentries++;
}

static bool map_remove(hxn_map *m, mkey k) {
	if (!m->cells) return false;
	uint32_t hash = key_hash(m->kind, k);
	int ckey = (int)(hash % (uint32_t)m->ncells), prev = -1;
	for (int c = m->cells[ckey]; c >= 0; prev = c, c = m->nexts[c]) {
		if (!key_match(m, c, k, hash)) continue;
		if (prev >= 0) m->nexts[prev] = m->nexts[c];
		else m->cells[ckey] = m->nexts[c];
		if (m->kind == MK_BYTES || m->kind == MK_OBJ) ((void **)m->keys)[c] = NULL;
		m->values[c] = NULL;
		m->nexts[c] = m->free_head;
		m->free_head = c + 1;
		m->nentries--;
		return true;
	}
	return false;
}

static varray *map_keys(hxn_map *m, hx_type *kt) {
	varray *a = hx_alloc_array(kt, m->nentries);
	int p = 0;
	for (int i = 0; i < m->ncells; i++)
		for (int c = m->cells[i]; c >= 0; c = m->nexts[c]) {
			mkey k = key_at(m, c);
			switch (m->kind) {
			case MK_INT: hx_aptr(a, int32_t)[p++] = k.i; break;
			case MK_INT64: hx_aptr(a, int64_t)[p++] = k.l; break;
			default:
				hx_aptr(a, void *)[p++] = k.o;
				HX_WB(a, k.o);
				break;
			}
		}
	return a;
}

static varray *map_values(hxn_map *m) {
	varray *a = hx_alloc_array(&hxt_dyn, m->nentries);
	int p = 0;
	for (int i = 0; i < m->ncells; i++)
		for (int c = m->cells[i]; c >= 0; c = m->nexts[c]) {
			hx_aptr(a, vdynamic *)[p++] = m->values[c];
			HX_WB(a, m->values[c]);
		}
	return a;
}

static vdynamic *map_get(hxn_map *m, mkey k) {
	int c = find_slot(m, k);
	return c < 0 ? NULL : m->values[c];
}

/* ObjectMap keys: a virtual stands for its underlying value (made a dynobj if
 * it owns its data); boxed bytes/type/abstract/ref stand for their pointer. */
static mkey obj_key(vdynamic *k) {
	mkey r;
	if (k) switch (k->t->kind) {
		case HX_VIRTUAL: k = hx_virtual_make_value((vvirtual *)k)->value; break;
		case HX_BYTES: case HX_TYPE: case HX_ABSTRACT: case HX_REF: k = (vdynamic *)k->v.ptr; break;
		default: break;
		}
	r.o = k;
	return r;
}

static mkey bkey(vbyte *k) { mkey r; r.b = (hx_uchar *)k; return r; }
static mkey ikey(int32_t k) { mkey r; r.i = k; return r; }
static mkey lkey(int64_t k) { mkey r; r.l = k; return r; }

#define HXN_MAP_DEF(P, K, KIND, MAKE, KT)                                                              \
	hxn_map *hxn_std_##P##alloc(void) { return map_alloc(KIND); }                                    \
	void hxn_std_##P##set(hxn_map *m, K key, vdynamic *v) { map_set(m, MAKE(key), v); }              \
	bool hxn_std_##P##exists(hxn_map *m, K key) { return find_slot(m, MAKE(key)) >= 0; }            \
	vdynamic *hxn_std_##P##get(hxn_map *m, K key) { return map_get(m, MAKE(key)); }                  \
	bool hxn_std_##P##remove(hxn_map *m, K key) { return map_remove(m, MAKE(key)); }                 \
	varray *hxn_std_##P##keys(hxn_map *m) { return map_keys(m, KT); }                                \
	varray *hxn_std_##P##values(hxn_map *m) { return map_values(m); }                                \
	void hxn_std_##P##clear(hxn_map *m) { map_clear(m); }                                            \
	int32_t hxn_std_##P##size(hxn_map *m) { return m->nentries; }

HXN_MAP_DEF(hb, vbyte *, MK_BYTES, bkey, &hxt_bytes)
HXN_MAP_DEF(hi, int32_t, MK_INT, ikey, &hxt_i32)
HXN_MAP_DEF(hi64, int64_t, MK_INT64, lkey, &hxt_i64)
HXN_MAP_DEF(ho, vdynamic *, MK_OBJ, obj_key, &hxt_dyn)
