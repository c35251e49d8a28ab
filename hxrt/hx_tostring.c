//go:build ignore

/* hx_tostring.c: Std.string of any value, in HashLink 1.12's exact formats. */
#include "hx.h"
#include <stdio.h>
#include <stdlib.h>

typedef struct { hx_uchar *d; int len, cap; } ubuf;
typedef struct vlist { void *v; struct vlist *next; } vlist;

static void put(ubuf *b, const hx_uchar *s, int n) {
	if (b->len + n + 1 > b->cap) {
		int nc = b->cap ? b->cap * 2 : 64;
		while (nc < b->len + n + 1) nc *= 2;
		b->d = (hx_uchar *)realloc(b->d, (size_t)nc * 2);
		b->cap = nc;
	}
	memcpy(b->d + b->len, s, (size_t)n * 2);
	b->len += n;
}
static void putu(ubuf *b, const hx_uchar *s) { put(b, s, hx_ustrlen(s)); }
static void puta(ubuf *b, const char *s) {
	hx_uchar tmp[64];
	int n = 0;
	while (*s) {
		tmp[n++] = (hx_uchar)(uint8_t)*s++;
		if (n == 64) { put(b, tmp, n); n = 0; }
	}
	put(b, tmp, n);
}
static void putf(ubuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void putf(ubuf *b, const char *fmt, ...) {
	char tmp[64];
	va_list a;
	va_start(a, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, a);
	va_end(a);
	puta(b, tmp);
}

static void rec(ubuf *b, vdynamic *v, vlist *stack);

static bool seen(vlist *stack, void *v) {
	for (; stack; stack = stack->next)
		if (stack->v == v) return true;
	return false;
}

static void addr(ubuf *b, void *data, hx_type *t, vlist *stack) {
	switch (t->kind) {
	case HX_UI8: putf(b, "%d", *(uint8_t *)data); break;
	case HX_UI16: putf(b, "%d", *(uint16_t *)data); break;
	case HX_I32: putf(b, "%d", *(int32_t *)data); break;
	case HX_I64: putf(b, "%lld", (long long)*(int64_t *)data); break;
	case HX_F32: putf(b, "%.9f", *(float *)data); break;
	case HX_F64: putf(b, "%.17g", *(double *)data); break;
	case HX_BYTES: putu(b, *(hx_uchar **)data); break;
	case HX_BOOL: puta(b, *(uint8_t *)data ? "true" : "false"); break;
	case HX_TYPE: case HX_REF: case HX_ABSTRACT: {
		vdynamic tmp = {t, {.ptr = *(void **)data}};
		rec(b, tmp.v.ptr ? &tmp : NULL, stack);
		break;
	}
	default: rec(b, *(vdynamic **)data, stack); break;
	}
}

static void rec(ubuf *b, vdynamic *v, vlist *stack) {
	if (!v) { puta(b, "null"); return; }
	vlist l = {v, stack};
	switch (v->t->kind) {
	case HX_VOID: puta(b, "void"); break;
	case HX_UI8: putf(b, "%d", v->v.ui8); break;
	case HX_UI16: putf(b, "%d", v->v.ui16); break;
	case HX_I32: putf(b, "%d", v->v.i); break;
	case HX_I64: putf(b, "%lld", (long long)v->v.i64); break;
	case HX_F32: putf(b, "%.9f", v->v.f); break;
	case HX_F64: putf(b, "%.17g", v->v.d); break;
	case HX_BOOL: puta(b, v->v.b ? "true" : "false"); break;
	case HX_BYTES: putu(b, (hx_uchar *)v->v.bytes); break;
	case HX_FUN: putf(b, "function#%p", (void *)v); break;
	case HX_METHOD: putf(b, "method#%p", v->v.ptr); break;
	case HX_OBJ: case HX_STRUCT: {
		hx_obj_type *o = v->t->obj;
		if (o->m_string) {
			void *self = v->t->kind == HX_STRUCT ? v->v.ptr : (void *)v;
			hx_uchar *s = ((hx_uchar * (*)(void *)) o->m_string)(self);
			if (s) putu(b, s); else puta(b, "null");
		} else {
			if (v->t->kind == HX_STRUCT) puta(b, "@");
			putu(b, o->name);
		}
		break;
	}
	case HX_ARRAY: {
		varray *a = (varray *)v;
		int stride = hx_type_size(a->at);
		if (seen(stack, v)) { puta(b, "..."); return; }
		puta(b, "[");
		for (int i = 0; i < a->size; i++) {
			if (i) puta(b, ", ");
			addr(b, (char *)(a + 1) + (size_t)i * stride, a->at, &l);
		}
		puta(b, "]");
		break;
	}
	case HX_TYPE: putu(b, hx_type_str((hx_type *)v->v.ptr)); break;
	case HX_REF: puta(b, "ref"); break;
	case HX_VIRTUAL: {
		vvirtual *vv = (vvirtual *)v;
		if (vv->value) { rec(b, vv->value, stack); return; }
		if (seen(stack, v)) { puta(b, "..."); return; }
		hx_virtual_type *vt = v->t->virt;
		puta(b, "{");
		for (int i = 0; i < vt->nlookup; i++) {
			const hx_lookup *f = &vt->lookup[i];
			if (i) puta(b, ", ");
			putu(b, hx_field_name(f->hash));
			puta(b, " : ");
			addr(b, hx_vfields(vv)[f->offset], vt->fields[f->offset].t, &l);
		}
		puta(b, "}");
		break;
	}
	case HX_DYNOBJ: {
		vdynobj *o = (vdynobj *)v;
		static const hx_uchar sname[] = {'_', '_', 's', 't', 'r', 'i', 'n', 'g', 0};
		if (seen(stack, v)) { puta(b, "..."); return; }
		hx_lookup *f = hx_dynobj_find(o, hx_hash_gen(sname, false));
		if (f && f->t->kind == HX_FUN && f->t->fun->nargs == 0 && f->t->fun->ret->kind == HX_BYTES) {
			vclosure *c = (vclosure *)o->values[f->offset];
			if (c) {
				hx_uchar *s = c->has_value ? ((hx_uchar * (*)(void *)) c->fun)(c->value) : ((hx_uchar * (*)(void)) c->fun)();
				putu(b, s);
				break;
			}
		}
		puta(b, "{");
		for (int i = 0; i < o->nfields; i++) {
			hx_lookup *fl = &o->lookup[i];
			if (i) puta(b, ", ");
			putu(b, hx_field_name(fl->hash));
			puta(b, " : ");
			addr(b, hx_dynobj_addr(o, fl), fl->t, &l);
		}
		puta(b, "}");
		break;
	}
	case HX_ABSTRACT:
		puta(b, "~");
		putu(b, v->t->abs_name);
		putf(b, ":%p", v->v.ptr);
		break;
	case HX_ENUM: {
		const hx_enum_construct *c = &v->t->tenum->constructs[((venum *)v)->index];
		if (!c->nparams) { putu(b, c->name); break; }
		if (seen(stack, v)) { puta(b, "..."); return; }
		putu(b, c->name);
		puta(b, "(");
		for (int i = 0; i < c->nparams; i++) {
			if (i) puta(b, ",");
			addr(b, (char *)v + c->offsets[i], c->params[i], &l);
		}
		puta(b, ")");
		break;
	}
	case HX_NULL: puta(b, "_null_"); break;
	default: putf(b, "%pH", (void *)v); break;
	}
}

uint8_t *hxn_std_itos(int32_t v, int32_t *len);
uint8_t *hxn_std_ftos(double d, int32_t *len);

hx_uchar *hx_value_to_string(vdynamic *v, int32_t *len) {
	int32_t tmp;
	if (v && v->t->kind == HX_I32) return (hx_uchar *)hxn_std_itos(v->v.i, len ? len : &tmp);
	if (v && v->t->kind == HX_F64) return (hx_uchar *)hxn_std_ftos(v->v.d, len ? len : &tmp);
	ubuf b = {0};
	if (!v) puta(&b, "null");
	else if (v->t->kind == HX_BOOL) puta(&b, v->v.b ? "true" : "false");
	else rec(&b, v, NULL);
	hx_uchar *out = (hx_uchar *)hx_alloc_bytes((b.len + 1) * 2);
	if (b.len) memcpy(out, b.d, (size_t)b.len * 2);
	out[b.len] = 0;
	free(b.d);
	if (len) *len = b.len;
	return out;
}

uint8_t *hxn_std_value_to_string(vdynamic *v, int32_t *len) { return (uint8_t *)hx_value_to_string(v, len); }
