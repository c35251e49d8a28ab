//go:build ignore

/* hx_cast.c: boxing, dynamic casts between any two types, dynamic compare. */
#include "hx.h"

static HX_NORETURN void invalid_cast(hx_type *from, hx_type *to) {
	hx_error("Can't cast %s to %s", hx_ustr_to_utf8(hx_type_str(from)), hx_ustr_to_utf8(hx_type_str(to)));
}

vdynamic *hx_make_dyn(void *data, hx_type *t) {
	vdynamic *v;
	switch (t->kind) {
	case HX_UI8: v = hx_alloc_dynamic(t); v->v.i = *(uint8_t *)data; return v;
	case HX_UI16: v = hx_alloc_dynamic(t); v->v.i = *(uint16_t *)data; return v;
	case HX_I32: return hx_box_i32(*(int32_t *)data);
	case HX_I64: case HX_GUID: v = hx_alloc_dynamic(t); v->v.i64 = *(int64_t *)data; return v;
	case HX_F32: v = hx_alloc_dynamic(t); v->v.f = *(float *)data; return v;
	case HX_F64: v = hx_alloc_dynamic(t); v->v.d = *(double *)data; return v;
	case HX_BOOL: return hx_alloc_dynbool(*(bool *)data);
	case HX_VOID: return NULL;
	case HX_BYTES: case HX_TYPE: case HX_REF: case HX_ABSTRACT: case HX_STRUCT: case HX_METHOD: {
		void *p = *(void **)data;
		if (!p) return NULL;
		v = hx_alloc_dynamic(t);
		v->v.ptr = p;
		return v;
	}
	default: return *(vdynamic **)data;
	}
}

/* For a Dynamic source, continue with the runtime type and the boxed data. */
#define UNWRAP_DYN(data, t, zero)                               \
	if ((t)->kind == HX_DYN) {                                  \
		vdynamic *v_ = *(vdynamic **)(data);                    \
		if (!v_) return zero;                                   \
		t = v_->t;                                              \
		if (!hx_is_dynamic(t)) data = &v_->v;                   \
	}

int32_t hx_dyn_casti(void *data, hx_type *t, hx_type *to) {
	UNWRAP_DYN(data, t, 0)
	switch (t->kind) {
	case HX_UI8: return *(uint8_t *)data;
	case HX_UI16: return *(uint16_t *)data;
	case HX_I32: return *(int32_t *)data;
	case HX_I64: return (int32_t) * (int64_t *)data;
	case HX_F32: return hx_ftoi(*(float *)data);
	case HX_F64: return hx_ftoi(*(double *)data);
	case HX_BOOL: return *(bool *)data;
	case HX_NULL: {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return 0;
		return hx_dyn_casti(&v->v, t->tparam, to);
	}
	default: invalid_cast(t, to);
	}
}

int64_t hx_dyn_casti64(void *data, hx_type *t) {
	UNWRAP_DYN(data, t, 0)
	switch (t->kind) {
	case HX_UI8: return *(uint8_t *)data;
	case HX_UI16: return *(uint16_t *)data;
	case HX_I32: return *(int32_t *)data;
	case HX_I64: case HX_GUID: return *(int64_t *)data;
	case HX_F32: return hx_ftoi64(*(float *)data);
	case HX_F64: return hx_ftoi64(*(double *)data);
	case HX_BOOL: return *(bool *)data;
	case HX_NULL: {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return 0;
		return hx_dyn_casti64(&v->v, t->tparam);
	}
	default: invalid_cast(t, &hxt_i64);
	}
}

double hx_dyn_castd(void *data, hx_type *t) {
	UNWRAP_DYN(data, t, 0)
	switch (t->kind) {
	case HX_UI8: return *(uint8_t *)data;
	case HX_UI16: return *(uint16_t *)data;
	case HX_I32: return *(int32_t *)data;
	case HX_I64: return (double)*(int64_t *)data;
	case HX_F32: return *(float *)data;
	case HX_F64: return *(double *)data;
	case HX_BOOL: return *(bool *)data;
	case HX_NULL: {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return 0;
		return hx_dyn_castd(&v->v, t->tparam);
	}
	default: invalid_cast(t, &hxt_f64);
	}
}

float hx_dyn_castf(void *data, hx_type *t) {
	UNWRAP_DYN(data, t, 0)
	switch (t->kind) {
	case HX_UI8: return *(uint8_t *)data;
	case HX_UI16: return *(uint16_t *)data;
	case HX_I32: return (float)*(int32_t *)data;
	case HX_I64: return (float)*(int64_t *)data;
	case HX_F32: return *(float *)data;
	case HX_F64: return (float)*(double *)data;
	case HX_BOOL: return *(bool *)data;
	case HX_NULL: {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return 0;
		return hx_dyn_castf(&v->v, t->tparam);
	}
	default: invalid_cast(t, &hxt_f32);
	}
}

vclosure *hx_make_fun_wrapper(vclosure *c, hx_type *to);

void *hx_dyn_castp(void *data, hx_type *t, hx_type *to) {
	if (to->kind == HX_DYN) { /* what the rest would do, without its type tests */
		if (t->kind == HX_I32) return hx_box_i32(*(int32_t *)data);
		return hx_is_dynamic(t) ? *(vdynamic **)data : hx_make_dyn(data, t);
	}
	if (t->kind == HX_DYN || t->kind == HX_NULL) {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return NULL;
		if (to->kind == HX_NULL && hx_same_type(v->t, to->tparam)) return v;
		t = v->t;
		if (!hx_is_dynamic(t)) data = &v->v;
	} else if (hx_is_dynamic(t)) {
		vdynamic *v = *(vdynamic **)data;
		if (!v) return NULL;
		t = v->t;
	}
	if (t == to || hx_safe_cast(t, to)) return *(void **)data;
	switch (t->kind) {
	case HX_OBJ: case HX_STRUCT:
		if (to->kind == t->kind) {
			if (hx_obj_is_instance(t, to)) return *(void **)data;
			if (t->obj->m_cast) {
				vdynamic *r = ((vdynamic * (*)(void *, hx_type *)) t->obj->m_cast)(*(void **)data, to);
				if (r) return r;
			}
		} else if (to->kind == HX_VIRTUAL && t->kind == HX_OBJ)
			return hx_to_virtual(to, *(vdynamic **)data);
		else if (to->kind == HX_DYN && t->kind == HX_OBJ)
			return *(void **)data;
		break;
	case HX_FUN:
		if (to->kind == HX_FUN) {
			vclosure *c = *(vclosure **)data;
			if (!c) return NULL;
			c = hx_make_fun_wrapper(c, to);
			if (c) return c;
		} else if (to->kind == HX_DYN) return *(void **)data;
		break;
	case HX_DYNOBJ:
		if (to->kind == HX_VIRTUAL) return hx_to_virtual(to, *(vdynamic **)data);
		if (to->kind == HX_DYN) return *(void **)data;
		break;
	case HX_VIRTUAL:
		if (to->kind == HX_VIRTUAL) return hx_to_virtual(to, *(vdynamic **)data);
		if (to->kind == HX_OBJ) {
			vvirtual *v = *(vvirtual **)data;
			if (!v->value) break;
			return hx_dyn_castp(&v->value, v->value->t, to);
		}
		break;
	case HX_NULL: case HX_ARRAY:
		if (to->kind == HX_DYN) return *(void **)data;
		break;
	default: break;
	}
	if (to->kind == HX_DYN) return hx_make_dyn(data, t);
	if (to->kind == HX_NULL) {
		if (to->tparam->kind == t->kind) return hx_make_dyn(data, t);
		switch (to->tparam->kind) {
		case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL: {
			int32_t v = hx_dyn_casti(data, t, to->tparam);
			if (to->tparam->kind == HX_BOOL) return hx_alloc_dynbool(v != 0);
			vdynamic *d = hx_alloc_dynamic(to->tparam);
			d->v.i = v;
			return d;
		}
		case HX_I64: {
			int64_t v = hx_dyn_casti64(data, t);
			return hx_make_dyn(&v, to->tparam);
		}
		case HX_F32: {
			float f = hx_dyn_castf(data, t);
			return hx_make_dyn(&f, to->tparam);
		}
		case HX_F64: {
			double d = hx_dyn_castd(data, t);
			return hx_make_dyn(&d, to->tparam);
		}
		default: break;
		}
	}
	if (to->kind == HX_REF) {
		hx_type *p = to->tparam;
		switch (p->kind) {
		case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL: {
			int32_t *r = (int32_t *)hx_alloc_bytes(8);
			*r = hx_dyn_casti(data, t, p);
			return r;
		}
		case HX_I64: { int64_t *r = (int64_t *)hx_alloc_bytes(8); *r = hx_dyn_casti64(data, t); return r; }
		case HX_F32: { float *r = (float *)hx_alloc_bytes(8); *r = hx_dyn_castf(data, t); return r; }
		case HX_F64: { double *r = (double *)hx_alloc_bytes(8); *r = hx_dyn_castd(data, t); return r; }
		default: {
			void **r = (void **)hx_alloc_raw(8);
			*r = hx_dyn_castp(data, t, p);
			HX_WB(r, *r);
			return r;
		}
		}
	}
	invalid_cast(t, to);
}

void hx_write_dyn(void *data, hx_type *t, vdynamic *v) {
	switch (t->kind) {
	case HX_UI8: *(uint8_t *)data = (uint8_t)hx_dyn_casti(&v, &hxt_dyn, t); break;
	case HX_UI16: *(uint16_t *)data = (uint16_t)hx_dyn_casti(&v, &hxt_dyn, t); break;
	case HX_I32: *(int32_t *)data = hx_dyn_casti(&v, &hxt_dyn, t); break;
	case HX_BOOL: *(bool *)data = hx_dyn_casti(&v, &hxt_dyn, t) != 0; break;
	case HX_I64: case HX_GUID: *(int64_t *)data = hx_dyn_casti64(&v, &hxt_dyn); break;
	case HX_F32: *(float *)data = hx_dyn_castf(&v, &hxt_dyn); break;
	case HX_F64: *(double *)data = hx_dyn_castd(&v, &hxt_dyn); break;
	case HX_VOID: break;
	default: *(void **)data = hx_dyn_castp(&v, &hxt_dyn, t); break;
	}
}

static int32_t dcompare(double a, double b) {
	double d = a - b;
	if (d != d) return a == b ? 0 : HX_INVALID_COMPARISON;
	return d == 0 ? 0 : d > 0 ? 1 : -1;
}

int32_t hx_dyn_compare(vdynamic *a, vdynamic *b) {
	if (a == b) return 0;
	if (!a) return -1;
	if (!b) return 1;
	int ka = a->t->kind, kb = b->t->kind;
	if (ka == kb) {
		switch (ka) {
		case HX_UI8: return (int)a->v.ui8 - (int)b->v.ui8;
		case HX_UI16: return (int)a->v.ui16 - (int)b->v.ui16;
		case HX_I32: {
			int32_t d = (int32_t)((uint32_t)a->v.i - (uint32_t)b->v.i);
			return d == HX_INVALID_COMPARISON ? -1 : d;
		}
		case HX_I64: return a->v.i64 == b->v.i64 ? 0 : a->v.i64 < b->v.i64 ? -1 : 1;
		case HX_F32: return dcompare(a->v.f, b->v.f);
		case HX_F64: return dcompare(a->v.d, b->v.d);
		case HX_BOOL: return (int)a->v.b - (int)b->v.b;
		case HX_OBJ: case HX_STRUCT:
			if (a->t->obj->m_compare)
				return ((int32_t(*)(void *, vdynamic *))a->t->obj->m_compare)(a, b);
			return a > b ? 1 : -1;
		case HX_ENUM: return a > b ? 1 : -1;
		case HX_TYPE: case HX_BYTES: return a->v.ptr != b->v.ptr;
		case HX_FUN: {
			vclosure *ca = (vclosure *)a, *cb = (vclosure *)b;
			if (ca->has_value == 2) return hx_dyn_compare((vdynamic *)((vclosure_wrapper *)ca)->wrapped, b);
			if (cb->has_value == 2) return hx_dyn_compare(a, (vdynamic *)((vclosure_wrapper *)cb)->wrapped);
			if (ca->fun != cb->fun) return HX_INVALID_COMPARISON;
			return hx_dyn_compare((vdynamic *)ca->value, (vdynamic *)cb->value);
		}
		case HX_VIRTUAL:
			if (((vvirtual *)a)->value && ((vvirtual *)b)->value)
				return hx_dyn_compare(((vvirtual *)a)->value, ((vvirtual *)b)->value);
			return HX_INVALID_COMPARISON;
		default: return HX_INVALID_COMPARISON;
		}
	}
	if (ka == HX_F64 && kb == HX_I32) return dcompare(a->v.d, (double)b->v.i);
	if (ka == HX_I32 && kb == HX_F64) return dcompare((double)a->v.i, b->v.d);
	if (ka == HX_F64 && kb == HX_F32) return dcompare(a->v.d, (double)b->v.f);
	if (ka == HX_F32 && kb == HX_F64) return dcompare((double)a->v.f, b->v.d);
	if ((ka == HX_OBJ || ka == HX_DYNOBJ) && kb == HX_VIRTUAL) return hx_dyn_compare(a, ((vvirtual *)b)->value);
	if (ka == HX_VIRTUAL && (kb == HX_OBJ || kb == HX_DYNOBJ)) return hx_dyn_compare(((vvirtual *)a)->value, b);
	return HX_INVALID_COMPARISON;
}

/* natives */
int32_t hxn_std_dyn_compare(vdynamic *a, vdynamic *b) { return hx_dyn_compare(a, b); }
int32_t hxn_std_ptr_compare(vdynamic *a, vdynamic *b) { return a == b ? 0 : a > b ? 1 : -1; }
vdynamic *hxn_std_value_cast(vdynamic *v, hx_type *t) {
	if (t->kind == HX_DYN || v == NULL || hx_safe_cast(v->t, t)) return v;
	invalid_cast(v->t, t);
}

/* Dynamic arithmetic (Dynamic op Dynamic): numbers only, float results for
 * + - * / %, i32 for the bit operations, as HashLink's hl_dyn_op. */
static bool is_number(hx_type *t) { return t->kind >= HX_UI8 && t->kind <= HX_BOOL; }

vdynamic *hxn_std_dyn_op(int32_t op, vdynamic *a, vdynamic *b) {
	static const char *names[] = {"+", "-", "*", "%", "/", "<<", ">>", ">>>", "&", "|", "^"};
	if (op < 0 || op > 10) hx_error("Invalid op %d", op);
	if (!a && !b) {
		if (op == 3 || op == 4) {
			vdynamic *d = hx_alloc_dynamic(&hxt_f64);
			d->v.d = NAN;
			return d;
		}
		return NULL;
	}
	if ((!a || is_number(a->t)) && (!b || is_number(b->t))) {
		if (op <= 4) {
			double x = hx_dyn_castd(&a, &hxt_dyn), y = hx_dyn_castd(&b, &hxt_dyn), r;
			switch (op) {
			case 0: r = x + y; break;
			case 1: r = x - y; break;
			case 2: r = x * y; break;
			case 3: r = fmod(x, y); break;
			default: r = x / y; break;
			}
			vdynamic *d = hx_alloc_dynamic(&hxt_f64);
			d->v.d = r;
			return d;
		}
		int32_t x = hx_dyn_casti(&a, &hxt_dyn, &hxt_i32), y = hx_dyn_casti(&b, &hxt_dyn, &hxt_i32), r;
		switch (op) {
		case 5: r = (int32_t)((uint32_t)x << (y & 31)); break;
		case 6: r = x >> (y & 31); break;
		case 7: r = (int32_t)((uint32_t)x >> (y & 31)); break;
		case 8: r = x & y; break;
		case 9: r = x | y; break;
		default: r = x ^ y; break;
		}
		return hx_alloc_int(r);
	}
	hx_error("Can't perform dyn op %s %s %s", a ? hx_ustr_to_utf8(hx_type_str(a->t)) : "null", names[op],
	         b ? hx_ustr_to_utf8(hx_type_str(b->t)) : "null");
}
