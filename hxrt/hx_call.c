//go:build ignore

/* hx_call.c: closures and every dynamic way of calling a function
 * (Dynamic calls, Reflect.callMethod, wrappers between function types,
 * virtual-method slow path, var-args closures). */
#include "hx.h"

#define MAX_ARGS 9

static void varargs_stub(void) { hx_error("Variable fun args was not cast to typed function"); }

void *hx_static_call(void *fun, hx_type *t, void **args, vdynamic *out) {
	if (t->fun->nargs > MAX_ARGS) hx_error("Too many arguments");
	return hx_mod->static_call(fun, t, args, out);
}

/* Type of the underlying function of a bound closure. */
static hx_type *full_type(vclosure *c) {
	return c->t->fun->parent ? c->t->fun->parent : c->t;
}

vdynamic *hx_call_method(vdynamic *cd, varray *args) {
	vclosure *c = (vclosure *)cd;
	vdynamic **vargs = hx_aptr(args, vdynamic *);
	void *pargs[MAX_ARGS];
	union { double d; int32_t i; float f; int64_t l; } tmp[MAX_ARGS];
	vdynamic out;
	if (!c) hx_null_access();
	if (args->size > MAX_ARGS) hx_error("Too many arguments");
	if (c->has_value) {
		if (c->fun == (void *)varargs_stub) {
			vclosure *f = (vclosure *)c->value;
			return f->has_value ? ((vdynamic * (*)(void *, varray *)) f->fun)(f->value, args)
			                    : ((vdynamic * (*)(varray *)) f->fun)(args);
		}
		hx_error("Can't call closure with value");
	}
	hx_fun_type *ft = c->t->fun;
	if (args->size < ft->nargs) hx_error("Missing arguments : %d expected but %d passed", ft->nargs, args->size);
	for (int i = 0; i < ft->nargs; i++) {
		hx_type *t = ft->args[i];
		vdynamic *v = vargs[i];
		void *p;
		if (!v) {
			if (hx_is_ptr(t)) p = NULL;
			else { tmp[i].l = 0; p = &tmp[i]; }
		} else switch (t->kind) {
		case HX_BOOL: case HX_UI8: case HX_UI16: case HX_I32:
			tmp[i].i = hx_dyn_casti(vargs + i, &hxt_dyn, t); p = &tmp[i].i; break;
		case HX_I64: case HX_GUID: tmp[i].l = hx_dyn_casti64(vargs + i, &hxt_dyn); p = &tmp[i].l; break;
		case HX_F32: tmp[i].f = hx_dyn_castf(vargs + i, &hxt_dyn); p = &tmp[i].f; break;
		case HX_F64: tmp[i].d = hx_dyn_castd(vargs + i, &hxt_dyn); p = &tmp[i].d; break;
		default: /* a value of exactly the parameter's type passes as is */
			p = v->t == t && hx_is_dynamic(t) ? (void *)v : hx_dyn_castp(vargs + i, &hxt_dyn, t);
			break;
		}
		pargs[i] = p;
	}
	void *ret = hx_static_call(c->fun, c->t, pargs, &out);
	hx_type *tr = ft->ret;
	if (!hx_is_ptr(tr)) {
		if (tr->kind == HX_VOID) return NULL;
		return hx_make_dyn(&out.v, tr);
	}
	if (!ret || hx_is_dynamic(tr)) return (vdynamic *)ret;
	return hx_make_dyn(&ret, tr);
}

vdynamic *hx_dyn_call(vclosure *c, vdynamic **args, int nargs) {
	struct { varray a; vdynamic *args[MAX_ARGS + 1]; } tmp;
	vclosure ctmp;
	if (!c) hx_null_access();
	if (nargs > MAX_ARGS) hx_error("Too many arguments");
	while (c->has_value == 2) c = ((vclosure_wrapper *)c)->wrapped;
	tmp.a.t = &hxt_array;
	tmp.a.at = &hxt_dyn;
	tmp.a.size = nargs;
	if (c->has_value && c->fun != (void *)varargs_stub) {
		ctmp.t = full_type(c);
		ctmp.has_value = 0;
		ctmp.fun = c->fun;
		tmp.args[0] = hx_make_dyn(&c->value, ctmp.t->fun->args[0]);
		tmp.a.size++;
		for (int i = 0; i < nargs; i++) tmp.args[i + 1] = args[i];
		c = &ctmp;
	} else
		for (int i = 0; i < nargs; i++) tmp.args[i] = args[i];
	return hx_call_method((vdynamic *)c, &tmp.a);
}

/* Calls closure w with arguments typed by tfun (pointers as is, others by
 * address), converting them to w's parameter types and the result back. */
static void *call_adapted(vclosure *w, hx_fun_type *tfun, void **args, vdynamic *ret) {
	union { double d; int32_t i; float f; int64_t l; } tmp[MAX_ARGS];
	void *vargs[MAX_ARGS + 1];
	int p = 0;
	while (w->has_value == 2) w = ((vclosure_wrapper *)w)->wrapped;
	if (w->fun == (void *)varargs_stub) {
		w = (vclosure *)w->value;
		varray *a = hx_alloc_array(&hxt_dyn, tfun->nargs);
		for (int i = 0; i < tfun->nargs; i++) {
			hx_type *t = tfun->args[i];
			vdynamic *d = hx_make_dyn(hx_is_ptr(t) ? (void *)(args + i) : args[i], t);
			hx_aptr(a, vdynamic *)[i] = d;
			HX_WB(a, d);
		}
		if (w->has_value) vargs[p++] = w->value;
		vargs[p++] = a;
	} else {
		hx_fun_type *wt = w->t->fun;
		if (w->has_value) vargs[p++] = w->value;
		for (int i = 0; i < wt->nargs; i++) {
			hx_type *to = wt->args[i];
			void *v;
			hx_type *t;
			void *zero = NULL;
			if (i < tfun->nargs) {
				t = tfun->args[i];
				v = hx_is_ptr(t) ? (void *)(args + i) : args[i];
			} else {
				t = &hxt_dyn;
				v = &zero;
			}
			switch (to->kind) {
			case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL:
				tmp[i].i = hx_dyn_casti(v, t, to); v = &tmp[i].i; break;
			case HX_I64: case HX_GUID: tmp[i].l = hx_dyn_casti64(v, t); v = &tmp[i].l; break;
			case HX_F32: tmp[i].f = hx_dyn_castf(v, t); v = &tmp[i].f; break;
			case HX_F64: tmp[i].d = hx_dyn_castd(v, t); v = &tmp[i].d; break;
			default: v = hx_dyn_castp(v, t, to); break;
			}
			vargs[p++] = v;
		}
	}
	hx_type *wft = w->has_value ? full_type(w) : w->t;
	void *pret = hx_static_call(w->fun, wft, vargs, ret);
	hx_type *wr = w->t->fun->ret;
	void *aret = hx_is_ptr(wr) ? (void *)&pret : pret;
	if (!aret) aret = &pret;
	switch (tfun->ret->kind) {
	case HX_VOID: return NULL;
	case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL:
		ret->v.i = hx_dyn_casti(aret, wr, tfun->ret);
		if (tfun->ret->kind == HX_BOOL) ret->v.b = ret->v.i != 0;
		return &ret->v;
	case HX_I64: case HX_GUID: ret->v.i64 = hx_dyn_casti64(aret, wr); return &ret->v;
	case HX_F32: ret->v.f = hx_dyn_castf(aret, wr); return &ret->v;
	case HX_F64: ret->v.d = hx_dyn_castd(aret, wr); return &ret->v;
	default: return hx_dyn_castp(aret, wr, tfun->ret);
	}
}

void *hx_wrapper_call(void *self, void **args, vdynamic *ret) {
	vclosure_wrapper *c = (vclosure_wrapper *)self;
	return call_adapted(c->wrapped, c->cl.t->fun, args, ret);
}

vclosure *hx_make_fun_wrapper(vclosure *c, hx_type *to) {
	hx_type *ct = c->t;
	if (c->has_value == 2) ct = ((vclosure_wrapper *)c)->wrapped->t;
	if (c->fun != (void *)varargs_stub && ct->fun->nargs != to->fun->nargs) return NULL;
	void *fun = hx_mod->get_wrapper(to);
	if (!fun) hx_error("Unsupported function signature %s", hx_ustr_to_utf8(hx_type_str(to)));
	vclosure_wrapper *w = (vclosure_wrapper *)hx_gc_alloc(sizeof(vclosure_wrapper), HX_MEM_DYNAMIC);
	w->cl.t = to;
	w->cl.fun = fun;
	w->cl.has_value = 2;
	w->cl.value = w;
	w->wrapped = c;
	HX_WB(w, c);
	return &w->cl;
}

void *hx_dyn_call_obj(vdynamic *o, hx_type *ft, int32_t h, void **args, vdynamic *ret) {
	if (!o) hx_null_access();
	vclosure *c = NULL;
	switch (o->t->kind) {
	case HX_DYNOBJ: {
		hx_lookup *l = hx_dynobj_find((vdynobj *)o, h);
		if (l && l->t->kind != HX_FUN)
			hx_error("Field %s is of type %s and cannot be called", hx_ustr_to_utf8(hx_field_name(h)),
			         hx_ustr_to_utf8(hx_type_str(l->t)));
		if (l) c = ((vdynobj *)o)->values[l->offset];
		break;
	}
	case HX_OBJ: {
		const hx_lookup *l = hx_obj_resolve(o->t, h);
		if (l && l->offset < 0) c = hx_obj_method_closure(o, l);
		else if (l) {
			if (l->t->kind != HX_FUN && l->t->kind != HX_DYN)
				hx_error("Field %s is of type %s and cannot be called", hx_ustr_to_utf8(hx_field_name(h)),
				         hx_ustr_to_utf8(hx_type_str(l->t)));
			c = *(vclosure **)((char *)o + l->offset);
			if (c && c->t->kind != HX_FUN) hx_error("Invalid field access");
		}
		break;
	}
	case HX_VIRTUAL: {
		vvirtual *v = (vvirtual *)o;
		if (v->value) return hx_dyn_call_obj(v->value, ft, h, args, ret);
		c = (vclosure *)hx_dyn_getp(o, h, &hxt_dyn);
		break;
	}
	default: hx_error("Invalid field access");
	}
	if (!c) hx_error("%s has no method %s", hx_ustr_to_utf8(hx_type_str(o->t)), hx_ustr_to_utf8(hx_field_name(h)));
	return call_adapted(c, ft->fun, args, ret);
}

/* natives */
vdynamic *hxn_std_call_method(vdynamic *c, varray *args) { return hx_call_method(c, args); }

/* Reflect.callMethod(_, f, []) as the std code does it (a bound value goes
 * first, as Dynamic, to the unbound function; the parameters get nulls),
 * with the closure and array on the C stack instead of the heap. Only for
 * a plain function or one bound to a non-null Dynamic-typed value (the std
 * code treats the rest otherwise): *handled is false then, nothing done. */
vdynamic *hx_reflect_call_noargs(vdynamic *f, bool *handled) {
	vclosure *c = (vclosure *)f;
	struct { varray a; vdynamic *args[MAX_ARGS + 1]; } tmp;
	vclosure ctmp;
	*handled = false;
	if (!c || c->t->kind != HX_FUN || c->has_value == 2) return NULL;
	int need = c->t->fun->nargs, k = 0;
	if (need < 0 || need > MAX_ARGS) return NULL;
	if (c->has_value) {
		hx_type *ft = full_type(c);
		if (c->fun == (void *)varargs_stub || !c->value || !hx_is_dynamic(ft->fun->args[0])) return NULL;
		ctmp.t = ft;
		ctmp.fun = c->fun;
		ctmp.has_value = 0;
		ctmp.stack_count = 0;
		ctmp.value = NULL;
		tmp.args[k++] = (vdynamic *)c->value;
		c = &ctmp;
	}
	for (int i = 0; i < need; i++) tmp.args[k++] = NULL;
	tmp.a.t = &hxt_array;
	tmp.a.at = &hxt_dyn;
	tmp.a.size = k;
	*handled = true;
	return hx_call_method((vdynamic *)c, &tmp.a);
}

vdynamic *hxn_std_no_closure(vdynamic *d) {
	vclosure *c = (vclosure *)d;
	if (!c->has_value) return d;
	if (c->has_value == 2) return hxn_std_no_closure((vdynamic *)((vclosure_wrapper *)c)->wrapped);
	return (vdynamic *)hx_alloc_closure_void(full_type(c), c->fun);
}

vdynamic *hxn_std_make_closure(vdynamic *d, vdynamic *v) {
	vclosure *c = (vclosure *)d;
	if (c->has_value == 2) return hxn_std_make_closure((vdynamic *)((vclosure_wrapper *)c)->wrapped, v);
	hx_type *t = c->has_value ? full_type(c) : c->t;
	if (t->fun->nargs == 0 || !v || !hx_safe_cast(v->t, t->fun->args[0])) return NULL;
	return (vdynamic *)hx_alloc_closure_ptr(t, c->fun, v);
}

vdynamic *hxn_std_get_closure_value(vdynamic *d) {
	vclosure *c = (vclosure *)d;
	if (!c->has_value) return NULL;
	if (c->has_value == 2) return hxn_std_get_closure_value((vdynamic *)((vclosure_wrapper *)c)->wrapped);
	if (c->fun == (void *)varargs_stub) return NULL;
	return hx_make_dyn(&c->value, full_type(c)->fun->args[0]);
}

bool hxn_std_fun_compare(vdynamic *a, vdynamic *b) {
	if (a == b) return true;
	if (!a || !b || a->t->kind != HX_FUN || b->t->kind != HX_FUN) return false;
	vclosure *ca = (vclosure *)a, *cb = (vclosure *)b;
	if (ca->fun != cb->fun) return false;
	if (ca->has_value && ca->value != cb->value) return false;
	return true;
}

/* hl.Api.isPrimLoaded: HashLink answers false for the stub of an optional
 * ("?lib") native that failed to load. Every native of a Fiberus program is
 * linked (a missing one is a build warning and a stub that throws when called),
 * so any function value counts as loaded. */
bool hxn_std_is_prim_loaded(vdynamic *f) { return f != NULL; }

static hx_type *args_dyn[1] = {&hxt_array};
static hx_fun_type varargs_fun = {args_dyn, &hxt_dyn, 1, NULL, NULL};
static hx_type varargs_full = {HX_FUN, {.fun = &varargs_fun}, NULL, NULL};
static hx_fun_type varargs_cfun = {NULL, &hxt_dyn, -1, NULL, &varargs_full};
static hx_type varargs_type = {HX_FUN, {.fun = &varargs_cfun}, NULL, NULL};

vdynamic *hxn_std_make_var_args(vclosure *c) {
	vclosure *v = (vclosure *)hx_gc_alloc(sizeof(vclosure), HX_MEM_DYNAMIC);
	v->t = &varargs_type;
	v->fun = (void *)varargs_stub;
	v->has_value = 1;
	v->value = c;
	HX_WB(v, c);
	return (vdynamic *)v;
}
