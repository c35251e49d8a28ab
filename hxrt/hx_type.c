//go:build ignore

/* hx_type.c: the basic runtime types and relations between types
 * (same type, safe cast, size, printable names). */
#include "hx.h"
#include <stdio.h>

hx_type hxt_void = {HX_VOID}, hxt_ui8 = {HX_UI8}, hxt_ui16 = {HX_UI16}, hxt_i32 = {HX_I32},
	hxt_i64 = {HX_I64}, hxt_f32 = {HX_F32}, hxt_f64 = {HX_F64}, hxt_bool = {HX_BOOL},
	hxt_bytes = {HX_BYTES}, hxt_dyn = {HX_DYN}, hxt_array = {HX_ARRAY}, hxt_type = {HX_TYPE},
	hxt_dynobj = {HX_DYNOBJ};

int32_t hx_type_size(const hx_type *t) {
	switch (t->kind) {
	case HX_VOID: return 0;
	case HX_UI8: case HX_BOOL: return 1;
	case HX_UI16: return 2;
	case HX_I32: case HX_F32: return 4;
	default: return 8;
	}
}

static bool same_fun(hx_fun_type *a, hx_fun_type *b) {
	if (a == b) return true;
	if (a->nargs != b->nargs || !hx_same_type(a->ret, b->ret)) return false;
	for (int i = 0; i < a->nargs; i++)
		if (!hx_same_type(a->args[i], b->args[i])) return false;
	return true;
}

bool hx_same_type(hx_type *a, hx_type *b) {
	if (a == b) return true;
	if (a->kind != b->kind) return false;
	switch (a->kind) {
	case HX_FUN: case HX_METHOD: return same_fun(a->fun, b->fun);
	case HX_OBJ: case HX_STRUCT: return a->obj == b->obj;
	case HX_VIRTUAL: return a->virt == b->virt;
	case HX_ENUM: return a->tenum == b->tenum;
	case HX_ABSTRACT: return hx_ustr_cmp(a->abs_name, b->abs_name) == 0;
	case HX_REF: case HX_NULL: case HX_PACKED: return hx_same_type(a->tparam, b->tparam);
	default: return true;
	}
}

bool hx_obj_is_instance(hx_type *t, hx_type *of) {
	while (t) {
		if (t == of || t->obj == of->obj) return true;
		t = t->obj->super;
	}
	return false;
}

bool hx_safe_cast(hx_type *t, hx_type *to) {
	if (t == to) return true;
	if (to->kind == HX_DYN) return hx_is_dynamic(t);
	if (t->kind != to->kind) return false;
	switch (t->kind) {
	case HX_VIRTUAL: {
		hx_virtual_type *a = t->virt, *b = to->virt;
		if (a == b) return true;
		if (a->nfields < b->nfields) return false;
		for (int i = 0; i < b->nfields; i++)
			if (a->fields[i].hash != b->fields[i].hash || !hx_same_type(a->fields[i].t, b->fields[i].t))
				return false;
		return true;
	}
	case HX_OBJ: case HX_STRUCT: return hx_obj_is_instance(t, to);
	case HX_FUN: case HX_METHOD: {
		hx_fun_type *a = t->fun, *b = to->fun;
		if (a->nargs != b->nargs) return false;
		for (int i = 0; i < a->nargs; i++) {
			hx_type *ta = a->args[i], *tb = b->args[i];
			if (!hx_safe_cast(tb, ta) && (ta->kind != HX_DYN || !hx_is_dynamic(tb))) return false;
		}
		return hx_safe_cast(a->ret, to->fun->ret);
	}
	default: return hx_same_type(t, to);
	}
}

/* Appends the printable name of t to buf (UTF-8), as HashLink's hl_type_str. */
static void type_name_utf8(hx_type *t, char *buf, size_t cap, int depth) {
	static const char *basic[] = {"void", "i8", "i16", "i32", "i64", "f32", "f64", "bool",
		"bytes", "dynamic", NULL, NULL, "array", "type", NULL, NULL, "dynobj", NULL, NULL, NULL,
		NULL, NULL, NULL, "guid"};
	size_t n = strlen(buf);
	char *p = buf + n;
	size_t left = cap - n;
	if (left < 2) return;
	if (depth > 8) { snprintf(p, left, "..."); return; }
	if (t->kind < HX_LAST_KIND && basic[t->kind]) { snprintf(p, left, "%s", basic[t->kind]); return; }
	switch (t->kind) {
	case HX_OBJ: case HX_STRUCT: {
		char *s = hx_ustr_to_utf8(t->obj->name);
		snprintf(p, left, "%s%s", t->kind == HX_STRUCT ? "@" : "", s);
		return;
	}
	case HX_ENUM: {
		char *s = hx_ustr_to_utf8(t->tenum->name);
		snprintf(p, left, "enum<%s>", s);
		return;
	}
	case HX_ABSTRACT: {
		char *s = hx_ustr_to_utf8(t->abs_name);
		snprintf(p, left, "%s", s);
		return;
	}
	case HX_REF: case HX_NULL: case HX_PACKED:
		snprintf(p, left, "%s<", t->kind == HX_REF ? "ref" : t->kind == HX_NULL ? "null" : "packed");
		type_name_utf8(t->tparam, buf, cap, depth + 1);
		n = strlen(buf);
		if (n + 1 < cap) strcat(buf, ">");
		return;
	case HX_FUN: case HX_METHOD:
		snprintf(p, left, "(");
		type_name_utf8(t->fun->ret, buf, cap, depth + 1);
		if (strlen(buf) + 3 < cap) strcat(buf, " (");
		for (int i = 0; i < t->fun->nargs; i++) {
			if (i && strlen(buf) + 2 < cap) strcat(buf, ",");
			type_name_utf8(t->fun->args[i], buf, cap, depth + 1);
		}
		if (strlen(buf) + 3 < cap) strcat(buf, "))");
		return;
	case HX_VIRTUAL:
		snprintf(p, left, "virtual<");
		for (int i = 0; i < t->virt->nfields; i++) {
			char *s = hx_ustr_to_utf8(t->virt->fields[i].name);
			if (i && strlen(buf) + 2 < cap) strcat(buf, ",");
			if (strlen(buf) + strlen(s) + 2 < cap) { strcat(buf, s); strcat(buf, ":"); }
			type_name_utf8(t->virt->fields[i].t, buf, cap, depth + 1);
		}
		if (strlen(buf) + 2 < cap) strcat(buf, ">");
		return;
	default:
		snprintf(p, left, "???");
	}
}

hx_uchar *hx_type_str(hx_type *t) {
	char buf[512];
	buf[0] = 0;
	type_name_utf8(t, buf, sizeof buf, 0);
	return hx_ustr_from_utf8(buf);
}

/* natives */
uint8_t *hxn_std_type_str(hx_type *t) { return (uint8_t *)hx_type_str(t); }
bool hxn_std_type_safe_cast(hx_type *a, hx_type *b) { return hx_safe_cast(a, b); }
bool hxn_std_sys_is64(void) { return true; }
void hxn_std_breakpoint(void) {}

uint8_t *hxn_std_type_name(hx_type *t) {
	switch (t->kind) {
	case HX_OBJ: case HX_STRUCT: return (uint8_t *)t->obj->name;
	case HX_ENUM: return (uint8_t *)t->tenum->name;
	case HX_ABSTRACT: return (uint8_t *)t->abs_name;
	default: return NULL;
	}
}

int32_t hxn_std_type_args_count(hx_type *t) {
	return (t->kind == HX_FUN || t->kind == HX_METHOD) ? t->fun->nargs : 0;
}

hx_type *hxn_std_type_super(hx_type *t) {
	if ((t->kind == HX_OBJ || t->kind == HX_STRUCT) && t->obj->super) return t->obj->super;
	return &hxt_void;
}

bool hxn_std_type_set_global(hx_type *t, vdynamic *v) {
	void **g = NULL;
	if (t->kind == HX_OBJ || t->kind == HX_STRUCT) g = t->obj->global;
	else if (t->kind == HX_ENUM) g = t->tenum->global;
	if (!g) return false;
	*g = v;
	HX_WB_GLOBAL(g, v);
	return true;
}

vdynamic *hxn_std_type_get_global(hx_type *t) {
	void **g = NULL;
	if (t->kind == HX_OBJ || t->kind == HX_STRUCT) g = t->obj->global;
	else if (t->kind == HX_ENUM) g = t->tenum->global;
	return g ? (vdynamic *)*g : NULL;
}
