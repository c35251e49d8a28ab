//go:build ignore

/* hx_hash.c: field-name hashes and the hash -> name table.
 * A name whose hash is taken by another name gets the next free value, in
 * registration order; the generated code computed its hashes the same way and
 * hx_main registers its names in that order first, so both agree.
 * A mutex guards the table (threads may hash names concurrently). */
#include "hx.h"
#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct { int32_t hash; bool used; const hx_uchar *name; } name_slot;
static name_slot *slots;
static uint32_t cap, count;

static uint32_t mix(int32_t h) { return (uint32_t)h * 2654435761u; }

static void grow(void) {
	name_slot *old = slots;
	uint32_t oldcap = cap;
	cap = cap ? cap * 2 : 1024;
	slots = (name_slot *)calloc(cap, sizeof(name_slot));
	for (uint32_t i = 0; i < oldcap; i++) {
		if (!old[i].used) continue;
		uint32_t j = mix(old[i].hash) & (cap - 1);
		while (slots[j].used) j = (j + 1) & (cap - 1);
		slots[j] = old[i];
	}
	free(old);
}

static name_slot *find(int32_t h) {
	if (!cap) return NULL;
	uint32_t j = mix(h) & (cap - 1);
	while (slots[j].used) {
		if (slots[j].hash == h) return &slots[j];
		j = (j + 1) & (cap - 1);
	}
	return NULL;
}

static int32_t raw_hash(const hx_uchar *name) {
	int32_t h = 0;
	while (*name) h = (int32_t)((uint32_t)h * 223u + *name++);
	return h % 0x1FFFFF7B;
}

static hx_uchar *dup_static(const hx_uchar *s) {
	int32_t n = hx_ustrlen(s);
	hx_uchar *d = (hx_uchar *)malloc((size_t)(n + 1) * 2);
	memcpy(d, s, (size_t)(n + 1) * 2);
	return d;
}

/* Per-thread memo of registered names, indexed by raw hash: Reflect.field and
 * friends hash their name on every call, and a name seen before then takes no
 * lock. Entries point at the table's own copies, which are never freed; the
 * memo is only read and written by its thread (hashing never suspends). */
typedef struct { int32_t raw, hash; const hx_uchar *name; } hash_memo;
static __thread hash_memo memo[256];

int32_t hx_hash_gen(const hx_uchar *name, bool cache) {
	int32_t raw = raw_hash(name), h = raw;
	if (!cache) return h;
	hash_memo *e = &memo[(uint32_t)raw & 255];
	if (e->name && e->raw == raw && hx_ustr_cmp(e->name, name) == 0) return e->hash;
	const hx_uchar *stored;
	pthread_mutex_lock(&lock);
	for (;;) {
		name_slot *s = find(h);
		if (!s) break;
		if (hx_ustr_cmp(s->name, name) == 0) {
			stored = s->name;
			goto done;
		}
		h++;
	}
	if ((count + 1) * 2 > cap) grow();
	uint32_t j = mix(h) & (cap - 1);
	while (slots[j].used) j = (j + 1) & (cap - 1);
	slots[j].used = true;
	slots[j].hash = h;
	slots[j].name = stored = dup_static(name);
	count++;
done:
	pthread_mutex_unlock(&lock);
	*e = (hash_memo){raw, h, stored};
	return h;
}

int32_t hx_hash_utf8(const char *name) {
	/* names are short: convert on the C stack, no GC allocation */
	hx_uchar buf[256];
	const uint8_t *p = (const uint8_t *)name;
	size_t n = strlen(name);
	if (n >= 255) return hx_hash_gen(hx_ustr_from_utf8(name), true);
	int k = 0;
	while (*p) {
		uint32_t c = *p++;
		if (c >= 0xC0 && c < 0xE0) c = ((c & 0x1F) << 6) | (*p++ & 0x3F);
		else if (c >= 0xE0 && c < 0xF0) { c = ((c & 0x0F) << 12) | ((p[0] & 0x3F) << 6) | (p[1] & 0x3F); p += 2; }
		else if (c >= 0xF0) {
			c = ((c & 0x07) << 18) | ((p[0] & 0x3F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			p += 3;
		}
		if (c >= 0x10000) {
			c -= 0x10000;
			buf[k++] = (hx_uchar)(0xD800 | (c >> 10));
			buf[k++] = (hx_uchar)(0xDC00 | (c & 0x3FF));
		} else buf[k++] = (hx_uchar)c;
	}
	buf[k] = 0;
	return hx_hash_gen(buf, true);
}

const hx_uchar *hx_field_name(int32_t hash) {
	static const hx_uchar unknown[] = {'?', '?', '?', 0};
	pthread_mutex_lock(&lock);
	name_slot *s = find(hash);
	const hx_uchar *n = s ? s->name : unknown;
	pthread_mutex_unlock(&lock);
	return n; /* names are never freed */
}

/* Per-thread memo of hashes of names in the program image (string constants:
 * Reflect.field(o, "x") hashes the same static bytes on every call), keyed by
 * address. Strings are immutable and the image is never freed, so an address
 * there always holds the same name; heap strings may die and their memory be
 * reused, so they go through hx_hash_gen's memo, which compares names. */
extern char __executable_start[] __attribute__((weak)), _edata[] __attribute__((weak)); /* GNU ld */
typedef struct { const void *name; int32_t hash; } addr_memo;
static __thread addr_memo amemo[64];

int32_t hx_hash_static(const hx_uchar *name) {
	/* (without the linker's symbols the range is empty: no memo) */
	if ((uintptr_t)name - (uintptr_t)__executable_start >= (uintptr_t)_edata - (uintptr_t)__executable_start)
		return hx_hash_gen(name, true);
	addr_memo *e = &amemo[((uintptr_t)name >> 1) & 63];
	if (e->name == name) return e->hash;
	int32_t h = hx_hash_gen(name, true);
	*e = (addr_memo){name, h};
	return h;
}

/* natives */
int32_t hxn_std_hash(uint8_t *name) { return hx_hash_static((const hx_uchar *)name); }
uint8_t *hxn_std_field_name(int32_t hash) { return (uint8_t *)hx_field_name(hash); }
