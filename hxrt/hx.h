/*
 * hx.h: the contract between generated code and the Fiberus runtime.
 *
 * Every C file that compiler/cgen writes includes this header and nothing else
 * of the runtime. It fixes:
 *   - the value model (runtime types, boxes, closures, arrays, virtuals, enums),
 *     laid out as HashLink's so that Haxe std code compiled to bytecode works;
 *   - allocation through the collector with the type's pointer layout (fast path
 *     inlined from fibrix/gc.h);
 *   - the write barrier on every pointer store into the heap or a global;
 *   - the function prologue: shadow frame (for .hx stack traces) and stack-limit
 *     check (deep recursion raises the Haxe exception "Stack overflow");
 *   - the safepoint poll on loop back-edges;
 *   - exceptions: setjmp traps chained off the current fiber's context;
 *   - the runtime entry points for dynamic operations (dyn get/set/cast/call);
 *   - natives: (lib, name) is the C function hxn_<lib>_<name> ('?' dropped),
 *     declared by the generated code with the C types of hx_ctype below;
 *   - the module descriptor the generated main() hands to hx_main().
 *
 * Per-fiber state (traps, shadow frames, stack limit, exception) lives in an
 * hx_ctx owned by the running fiber. Generated code reads it once at function
 * entry with hx_ctx_current(): the value is the fiber's, so it stays right even
 * if the fiber migrates to another thread. Never cache per-thread state.
 */
#ifndef HX_H
#define HX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <setjmp.h>
#include <math.h>

#define HX_LIKELY(x) __builtin_expect(!!(x), 1)
#define HX_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HX_NORETURN __attribute__((noreturn))
#define HX_NOINLINE __attribute__((noinline))
#define HX_REG __attribute__((unused)) /* generated registers may be write-only */

typedef uint16_t hx_uchar; /* one UTF-16 code unit */

/* ------------------------------------------------------------------------- */
/* Runtime types. Kind numbers are observable by Haxe code (OGetTID).          */

enum hx_kind {
	HX_VOID = 0, HX_UI8 = 1, HX_UI16 = 2, HX_I32 = 3, HX_I64 = 4, HX_F32 = 5,
	HX_F64 = 6, HX_BOOL = 7, HX_BYTES = 8, HX_DYN = 9, HX_FUN = 10, HX_OBJ = 11,
	HX_ARRAY = 12, HX_TYPE = 13, HX_REF = 14, HX_VIRTUAL = 15, HX_DYNOBJ = 16,
	HX_ABSTRACT = 17, HX_ENUM = 18, HX_NULL = 19, HX_METHOD = 20, HX_STRUCT = 21,
	HX_PACKED = 22, HX_GUID = 23, HX_LAST_KIND
};

typedef struct hx_type hx_type;

typedef struct hx_fun_type {
	hx_type **args;
	hx_type *ret;
	int32_t nargs;
	hx_type *closure_type; /* this type minus its first argument (bound closures), or NULL */
	hx_type *parent;       /* for a closure_type: the full type it was derived from */
} hx_fun_type;

/* A named slot of an object, virtual or enum constructor. */
typedef struct hx_field {
	const hx_uchar *name; /* UTF-16, 0-terminated */
	hx_type *t;
	int32_t hash;         /* field-name hash, computed at compile time */
} hx_field;

/* Lookup entry, sorted by hash: a data field (offset >= 0, byte offset in the
 * instance) or a method (offset = -(m + 1), m indexes hx_obj_type.methods). */
typedef struct hx_lookup {
	int32_t hash;
	int32_t offset;
	hx_type *t;
} hx_lookup;

typedef struct hx_proto {
	const hx_uchar *name;
	int32_t findex;
	int32_t pindex; /* virtual slot, -1 when final */
	int32_t hash;
} hx_proto;

typedef struct hx_binding {
	int32_t field;  /* absolute field number */
	int32_t offset; /* its byte offset */
	void *fun;      /* implementation */
	hx_type *ft;    /* implementation's full type */
	bool bound;     /* true: closure bound to the new object (one more argument) */
} hx_binding;

typedef struct hx_obj_type {
	const hx_uchar *name;
	hx_type *super;           /* NULL when none */
	void **global;            /* C global holding the class object, or NULL */
	int32_t nfields;          /* own fields */
	int32_t nproto;
	int32_t nbindings;
	int32_t ntotal_fields;    /* with the parents' */
	const hx_field *fields;   /* own fields */
	const hx_proto *protos;
	const hx_binding *bindings;
	const int32_t *field_offsets; /* absolute field number -> byte offset */
	int32_t size;             /* instance size in bytes */
	bool has_ptrs;            /* any pointer field: scan precisely with hx_type.mark_bits */
	int32_t nlookup;          /* every data field and method of the hierarchy */
	const hx_lookup *lookup;
	int32_t nmethods;
	void **methods;           /* every method by m (see hx_lookup), own and inherited */
	hx_type **method_types;   /* full types (with this) */
	/* special methods found in the hierarchy, or NULL */
	void *m_string;           /* __string: (this) -> bytes */
	void *m_compare;          /* __compare: (this, dyn) -> i32 */
	void *m_cast;             /* __cast: (this, type) -> dyn */
	void *m_get_field;        /* __get_field: (this, i32) -> dyn */
} hx_obj_type;

typedef struct hx_virtual_type {
	int32_t nfields;
	const hx_field *fields;     /* in the order field numbers use */
	const int32_t *data_offsets; /* offset of each field's storage in an owned virtual */
	int32_t data_size;          /* total size of an owned virtual (header, slots, data) */
	int32_t nlookup;
	const hx_lookup *lookup;    /* offset = field number */
} hx_virtual_type;

typedef struct hx_enum_construct {
	const hx_uchar *name;
	int32_t nparams;
	hx_type **params;
	const int32_t *offsets; /* byte offset of each param in the value */
	int32_t size;           /* value size */
	bool has_ptrs;
	const uint32_t *mark_bits; /* pointer words of this constructor's layout */
} hx_enum_construct;

typedef struct hx_enum_type {
	const hx_uchar *name;
	int32_t nconstructs;
	const hx_enum_construct *constructs;
	void **global;      /* C global holding the Enum object, or NULL */
	struct venum **singletons; /* per constructor: shared value when it has no params */
} hx_enum_type;

struct hx_type {
	int32_t kind; /* enum hx_kind: first, Haxe code reads it */
	union {
		const hx_uchar *abs_name; /* HX_ABSTRACT */
		hx_fun_type *fun;         /* HX_FUN, HX_METHOD */
		hx_obj_type *obj;         /* HX_OBJ, HX_STRUCT */
		hx_enum_type *tenum;      /* HX_ENUM */
		hx_virtual_type *virt;    /* HX_VIRTUAL */
		hx_type *tparam;          /* HX_REF, HX_NULL, HX_PACKED */
	};
	void **vobj_proto;          /* HX_OBJ: virtual method table by pindex */
	const uint32_t *mark_bits;  /* HX_OBJ/HX_STRUCT: bit i = word i of an instance holds a
	                               GC pointer (the type word 0 of an obj never does) */
};

/* The basic types, defined by the runtime (generated code refers to them). */
extern hx_type hxt_void, hxt_ui8, hxt_ui16, hxt_i32, hxt_i64, hxt_f32, hxt_f64,
	hxt_bool, hxt_bytes, hxt_dyn, hxt_array, hxt_type, hxt_dynobj;

/* ------------------------------------------------------------------------- */
/* Values.                                                                     */

typedef struct vdynamic {
	hx_type *t;
	union {
		bool b;
		uint8_t ui8;
		uint16_t ui16;
		int32_t i;
		float f;
		double d;
		uint8_t *bytes;
		void *ptr;
		int64_t i64;
	} v;
} vdynamic;

typedef struct vobj {
	hx_type *t;
} vobj;

typedef struct vclosure {
	hx_type *t;
	void *fun;
	int32_t has_value; /* 0 plain, 1 bound (fun(value, ...)), 2 wrapper */
	int32_t stack_count;
	void *value;
} vclosure;

typedef struct vclosure_wrapper {
	vclosure cl;
	vclosure *wrapped;
} vclosure_wrapper;

typedef struct varray {
	hx_type *t;  /* &hxt_array */
	hx_type *at; /* element type */
	int32_t size;
	int32_t _pad;
} varray; /* followed by size elements */

#define hx_aptr(a, T) ((T *)(((varray *)(a)) + 1))

typedef struct vvirtual {
	hx_type *t;
	vdynamic *value;
	struct vvirtual *next;
} vvirtual; /* followed by void *fields[nfields], then owned data */

#define hx_vfields(v) ((void **)(((vvirtual *)(v)) + 1))

typedef struct venum {
	hx_type *t;
	int32_t index;
} venum; /* followed by the constructor's params */

/* Anonymous object built dynamically. Pointer fields live in values[], others
 * in raw[] (naturally aligned); lookup is sorted by hash (HL 1.12 enumerates
 * fields in that order). Virtual views of it are chained through virtuals. */
typedef struct vdynobj {
	hx_type *t;        /* &hxt_dynobj */
	hx_lookup *lookup; /* offset: index in values[] (pointer type) or byte offset in raw[] */
	char *raw;
	void **values;
	int32_t nfields, raw_size, nvalues, lookup_cap;
	int32_t raw_cap, values_cap;
	struct vvirtual *virtuals;
} vdynobj;

/* ------------------------------------------------------------------------- */
/* Allocation and write barrier (collector API; fast paths are inline).         */

enum hx_mem_kind {
	HX_MEM_DYNAMIC = 0,   /* first word is an hx_type*: scanned precisely from it */
	HX_MEM_RAW = 1,       /* every word may be a pointer */
	HX_MEM_NOPTR = 2,     /* never scanned */
	HX_MEM_FINALIZER = 3, /* first word: void (*)(void*) run when unreachable; not scanned */
};

#include "gc.h" /* fibrix: gc_alloc(size, kind), gc_write_barrier(owner, value), gc_poll flag */

/* Zeroed block of `size` bytes. */
#define hx_gc_alloc(size, kind) gc_alloc((size), (kind))

/* Store of a pointer into a heap object (owner), array, enum, ref or global. */
#define HX_WB(owner, value) gc_write_barrier((void *)(owner), (void *)(value))
#define HX_WB_GLOBAL(slot, value) gc_write_barrier_global((void **)(slot), (void *)(value))

/* Loop back-edge poll: the runtime's way to stop a running fiber. */
#define HX_POLL()                                                      \
	do {                                                               \
		if (HX_UNLIKELY(gc_poll_requested)) gc_safepoint();            \
	} while (0)

/* Boxes of the ints -128..127 are shared static values, as in newer HashLink:
 * boxes are never written after creation, and these are not GC memory. */
extern vdynamic hx_small_ints[256];
static inline vdynamic *hx_box_i32(int32_t v) {
	if ((uint32_t)v + 128u < 256u) return &hx_small_ints[v + 128];
	vdynamic *d = (vdynamic *)hx_gc_alloc(sizeof(vdynamic), HX_MEM_NOPTR);
	d->t = &hxt_i32;
	d->v.i = v;
	return d;
}

void *hx_alloc_obj(hx_type *t);             /* obj/struct: zeroed, header, bindings */
vdynobj *hx_alloc_dynobj(void);
vvirtual *hx_alloc_virtual(hx_type *t);     /* owned data */
venum *hx_alloc_enum(hx_type *t, int index);/* params zeroed */
vdynamic *hx_alloc_dynamic(hx_type *t);     /* a box, value zero */
vdynamic *hx_alloc_dynbool(bool b);
varray *hx_alloc_array(hx_type *at, int size);
vclosure *hx_alloc_closure_void(hx_type *t, void *fun);
vclosure *hx_alloc_closure_ptr(hx_type *fullt, void *fun, void *v);

/* ------------------------------------------------------------------------- */
/* Per-fiber context, frames, traps.                                            */

typedef struct hx_frame {
	struct hx_frame *prev;
	int32_t fid;  /* findex of the running function */
	int32_t line; /* position of the call or throw in progress: HX_POS(file, line) */
} hx_frame;

/* A source position packed in 32 bits: debug file index (11 bits) and line. */
#define HX_POS(file, line) ((int32_t)(((uint32_t)(file) << 21) | ((uint32_t)(line) & 0x1FFFFF)))
#define HX_POS_FILE(p) ((int32_t)((uint32_t)(p) >> 21))
#define HX_POS_LINE(p) ((int32_t)((uint32_t)(p) & 0x1FFFFF))

typedef struct hx_trap {
	jmp_buf buf;
	struct hx_trap *prev;
	hx_frame *frame; /* the frame that installed it (restored on catch) */
} hx_trap;

#define HX_MAX_STACK 256

typedef struct hx_ctx {
	hx_trap *trap;         /* innermost handler */
	hx_frame *frame;       /* innermost shadow frame */
	char *stack_limit;     /* below it, a function entry raises Stack overflow */
	vdynamic *exc_value;   /* value being thrown */
	int32_t exc_flags;
	int32_t exc_stack_count;
	/* Frames captured at throw: HX_MAX_STACK entries, allocated at the
	 * context's first throw (most fibers never throw). */
	struct hx_exc_frame { int32_t fid, line; } *exc_stack;
	void *fiber;           /* owning fiber (runtime use) */
	hx_trap *trap_uncaught; /* set_error_handler: the handler runs for throws reaching it */
	struct vclosure *exc_handler;
	char *stack_base;       /* highest address of the context's stack (diagnostics) */
} hx_ctx;

#define HX_EXC_RETHROW 1

/* The running fiber's context. The TLS slot is read with a volatile asm so that
 * no compiler caches a thread's TLS address across a call that may suspend. */
extern __thread hx_ctx *hx_tls_ctx;
static inline hx_ctx *hx_ctx_current(void) {
	hx_ctx *c;
	__asm__ volatile("movq hx_tls_ctx@gottpoff(%%rip), %0\n\tmovq %%fs:(%0), %0" : "=r"(c));
	return c;
}

HX_NORETURN void hx_stack_overflow(hx_ctx *ctx);

/* Prologue and epilogue of every generated function that can call code or
 * throw (a function with neither never appears in a stack trace and cannot
 * recurse, so the generator omits both). */
#define HX_ENTER(ctx, fr, FID)                                                     \
	hx_ctx *ctx = hx_ctx_current();                                                \
	hx_frame fr;                                                                   \
	fr.prev = ctx->frame;                                                          \
	fr.fid = (FID);                                                                \
	fr.line = 0;                                                                   \
	ctx->frame = &fr;                                                              \
	if (HX_UNLIKELY((char *)__builtin_frame_address(0) < ctx->stack_limit))        \
		hx_stack_overflow(ctx)
#define HX_LEAVE(ctx, fr) (ctx->frame = fr.prev)

/* A frameless function (no calls, so no recursion and a bounded stack) that
 * can still throw, e.g. a null check: on the throw path only, right before the
 * noreturn call, it pushes the frame HX_ENTER would have pushed, so the trace
 * shows it. The thrower unwinds to a trap's frame or ends the fiber, so nothing
 * pops it. */
#define HX_THROW_FRAME(FID, LINE)                                                  \
	hx_ctx *ctx_ = hx_ctx_current();                                               \
	hx_frame fr_;                                                                  \
	fr_.prev = ctx_->frame;                                                        \
	fr_.fid = (FID);                                                               \
	fr_.line = (LINE);                                                             \
	ctx_->frame = &fr_

/* OTrap: evaluates to nonzero when an exception lands here (the thrower popped
 * the trap and restored ctx->frame). OEndTrap pops it. */
#define HX_TRAP(ctx, fr, tr)                                                       \
	(tr.prev = ctx->trap, tr.frame = &fr, ctx->trap = &tr, _setjmp(tr.buf))
#define HX_ENDTRAP(ctx, tr) (ctx->trap = tr.prev)

HX_NORETURN void hx_throw(vdynamic *v);
HX_NORETURN void hx_rethrow(vdynamic *v);
HX_NORETURN void hx_null_access(void);
HX_NORETURN void hx_null_access_field(int32_t hfield); /* "Null access .<field>" */
HX_NORETURN void hx_error(const char *fmt, ...); /* throws a boxed bytes string */
HX_NORETURN void hx_assert(void);

/* ------------------------------------------------------------------------- */
/* Dynamic operations (semantics: hl-bytecode.md sections 2.13, 3.3-3.6).       */

int32_t hx_dyn_geti(vdynamic *o, int32_t hfield, hx_type *t);
int64_t hx_dyn_geti64(vdynamic *o, int32_t hfield);
float hx_dyn_getf(vdynamic *o, int32_t hfield);
double hx_dyn_getd(vdynamic *o, int32_t hfield);
void *hx_dyn_getp(vdynamic *o, int32_t hfield, hx_type *t);
/* Fused forms of the generated code (cgen dynfuse.go): exactly the Dynamic
 * get (or Reflect native) followed by hx_dyn_toi/hx_dyn_tod, without the box,
 * and Reflect.field/setField/hasField with the name's hash known. */
int32_t hx_dyn_get_toi(vdynamic *o, int32_t hfield, hx_type *to);
double hx_dyn_get_tod(vdynamic *o, int32_t hfield);
extern vdynamic hx_num_i32_marker;
#define HX_NUM_I32 (&hx_num_i32_marker)
vdynamic *hx_dyn_get_num(vdynamic *o, int32_t hfield, int32_t *out);

/* Per-site inline caches (a static __thread pair in the generated code) of
 * where a field lives (an Int, a Float or a Dynamic-compatible pointer: each
 * site caches one kind) for the last two receiver types: a class instance
 * (byte offset) or a virtual with its own storage (field index). Types never
 * change, so a hit is exactly what the full lookup would find. The *_fill
 * slow paths write the cache only for such plain fields, whose access runs
 * no Haxe code (no __get_field), so the fiber cannot have moved to another
 * thread (another thread's cache) in between. */
typedef struct { hx_type *t; int32_t off, virt; } hx_field_ic;
static inline void *hx_ic_addr(hx_field_ic *ic, vdynamic *o) {
	hx_type *t = o->t;
	hx_field_ic *e = ic[0].t == t ? &ic[0] : ic[1].t == t ? &ic[1] : NULL;
	if (!e) return NULL;
	if (!e->virt) return (char *)o + e->off;
	vvirtual *v = (vvirtual *)o;
	return v->value ? NULL : hx_vfields(v)[e->off];
}
#define hx_ic_int(ic, o) ((int32_t *)hx_ic_addr(ic, o))
int32_t hx_dyn_get_toi_fill(vdynamic *o, int32_t hfield, hx_type *to, hx_field_ic *ic);
int32_t hx_reflect_get_toi_fill(vdynamic *o, int32_t hfield, hx_type *to, hx_field_ic *ic);
vdynamic *hx_dyn_get_num_fill(vdynamic *o, int32_t hfield, int32_t *out, hx_field_ic *ic);
void hx_dyn_seti_fill(vdynamic *o, int32_t hfield, int32_t v, hx_field_ic *ic);
static inline int32_t hx_dyn_get_toi_ic(vdynamic *o, int32_t h, hx_type *to, hx_field_ic *ic) {
	int32_t *p;
	if (HX_LIKELY(o != NULL) && (p = hx_ic_int(ic, o)) != NULL) return *p;
	return hx_dyn_get_toi_fill(o, h, to, ic);
}
static inline int32_t hx_reflect_get_toi_ic(vdynamic *o, int32_t h, hx_type *to, hx_field_ic *ic) {
	int32_t *p;
	if (HX_LIKELY(o != NULL) && (p = hx_ic_int(ic, o)) != NULL) return *p;
	return hx_reflect_get_toi_fill(o, h, to, ic);
}
static inline vdynamic *hx_dyn_get_num_ic(vdynamic *o, int32_t h, int32_t *out, hx_field_ic *ic) {
	int32_t *p;
	if (HX_LIKELY(o != NULL) && (p = hx_ic_int(ic, o)) != NULL) {
		*out = *p;
		return HX_NUM_I32;
	}
	return hx_dyn_get_num_fill(o, h, out, ic);
}
/* The same for a field holding a Dynamic-compatible pointer (its own
 * Dynamic): hx_dyn_getp(o, h, dyn) and Reflect.field. */
vdynamic *hx_dyn_getp_fill(vdynamic *o, int32_t hfield, hx_field_ic *ic);
vdynamic *hx_reflect_get_fill(vdynamic *o, int32_t hfield, hx_field_ic *ic);
static inline vdynamic *hx_dyn_getp_ic(vdynamic *o, int32_t h, hx_field_ic *ic) {
	vdynamic **p;
	if (HX_LIKELY(o != NULL) && (p = (vdynamic **)hx_ic_addr(ic, o)) != NULL) return *p;
	return hx_dyn_getp_fill(o, h, ic);
}
static inline vdynamic *hx_reflect_get_ic(vdynamic *o, int32_t h, hx_field_ic *ic) {
	vdynamic **p;
	if (HX_LIKELY(o != NULL) && (p = (vdynamic **)hx_ic_addr(ic, o)) != NULL) return *p;
	return hx_reflect_get_fill(o, h, ic);
}

/* Per-site cache of Std.isOfType(v, cls) for class instances and virtuals
 * with their own storage: the std code's answer depends on cls and v's type
 * only. cls is a class object (a global, never freed). */
typedef struct { void *cls; hx_type *t; int32_t r; } hx_isof_ic;
static inline bool hx_isof_cacheable(vdynamic *v) {
	return v && (v->t->kind == HX_OBJ || (v->t->kind == HX_VIRTUAL && !((vvirtual *)v)->value));
}
static inline int hx_isof_cached(hx_isof_ic *ic, vdynamic *v, void *cls) {
	if (!hx_isof_cacheable(v)) return -1;
	if (ic[0].t == v->t && ic[0].cls == cls) return ic[0].r;
	if (ic[1].t == v->t && ic[1].cls == cls) return ic[1].r;
	return -1;
}
static inline void hx_isof_fill(hx_isof_ic *ic, vdynamic *v, void *cls, bool r) {
	if (!cls || !hx_isof_cacheable(v)) return;
	ic[1] = ic[0];
	ic[0] = (hx_isof_ic){cls, v->t, r};
}

/* The same for Float fields: hx_dyn_get_tod and hx_dyn_setd. */
double hx_dyn_get_tod_fill(vdynamic *o, int32_t hfield, hx_field_ic *ic);
void hx_dyn_setd_fill(vdynamic *o, int32_t hfield, double v, hx_field_ic *ic);
static inline double hx_dyn_get_tod_ic(vdynamic *o, int32_t h, hx_field_ic *ic) {
	double *p;
	if (HX_LIKELY(o != NULL) && (p = (double *)hx_ic_addr(ic, o)) != NULL) return *p;
	return hx_dyn_get_tod_fill(o, h, ic);
}
static inline void hx_dyn_setd_ic(vdynamic *o, int32_t h, double v, hx_field_ic *ic) {
	double *p;
	if (HX_LIKELY(o != NULL) && (p = (double *)hx_ic_addr(ic, o)) != NULL) *p = v;
	else hx_dyn_setd_fill(o, h, v, ic);
}

/* hx_dyn_seti(o, h, &hxt_i32, v) */
static inline void hx_dyn_seti_ic(vdynamic *o, int32_t h, int32_t v, hx_field_ic *ic) {
	int32_t *p;
	if (HX_LIKELY(o != NULL) && (p = hx_ic_int(ic, o)) != NULL) *p = v;
	else hx_dyn_seti_fill(o, h, v, ic);
}
vdynamic *hx_reflect_get(vdynamic *o, int32_t hfield);
int32_t hx_reflect_get_toi(vdynamic *o, int32_t hfield, hx_type *to);
void hx_reflect_set(vdynamic *o, int32_t hfield, vdynamic *v);
bool hx_reflect_has(vdynamic *o, int32_t hfield);
vdynamic *hx_reflect_call_noargs(vdynamic *f, bool *handled);
void hx_dyn_seti(vdynamic *o, int32_t hfield, hx_type *t, int32_t v);
void hx_dyn_seti64(vdynamic *o, int32_t hfield, int64_t v);
void hx_dyn_setf(vdynamic *o, int32_t hfield, float v);
void hx_dyn_setd(vdynamic *o, int32_t hfield, double v);
void hx_dyn_setp(vdynamic *o, int32_t hfield, hx_type *t, void *v);

/* Casts take the address of the source value and its static type. */
int32_t hx_dyn_casti(void *data, hx_type *t, hx_type *to);
int64_t hx_dyn_casti64(void *data, hx_type *t);
float hx_dyn_castf(void *data, hx_type *t);
double hx_dyn_castd(void *data, hx_type *t);
void *hx_dyn_castp(void *data, hx_type *t, hx_type *to);

/* Casts of a Dynamic value, inline for the usual cases (a boxed Int or
 * Float, an instance of exactly class `to`), else the general casts above.
 * hx_dyn_top is for class (HX_OBJ) targets only: a box of a pointer type
 * (bytes, type...) casts to its payload, not to itself. */
static inline int32_t hx_dyn_toi(vdynamic *v, hx_type *to) {
	if (HX_LIKELY(v != NULL) && HX_LIKELY(v->t->kind == HX_I32)) return v->v.i;
	return hx_dyn_casti(&v, &hxt_dyn, to);
}
static inline double hx_dyn_tod(vdynamic *v) {
	if (HX_LIKELY(v != NULL)) {
		if (v->t->kind == HX_F64) return v->v.d;
		if (v->t->kind == HX_I32) return v->v.i;
	}
	return hx_dyn_castd(&v, &hxt_dyn);
}
static inline void *hx_dyn_top(vdynamic *v, hx_type *to) {
	if (v == NULL || v->t == to) return v;
	if (v->t->kind == HX_OBJ) /* an instance of a subclass: as hx_safe_cast would say */
		for (hx_type *s = v->t->obj->super; s; s = s->obj->super)
			if (s == to) return v;
	return hx_dyn_castp(&v, &hxt_dyn, to);
}
/* Std.__add__'s Int + Int case (the generated code calls it first): the sum
 * boxed, or NULL for any other operands. */
static inline vdynamic *hx_dyn_add_int(vdynamic *a, vdynamic *b) {
	if (a && b && a->t->kind == HX_I32 && b->t->kind == HX_I32)
		return hx_box_i32((int32_t)((uint32_t)a->v.i + (uint32_t)b->v.i));
	return NULL;
}

#define HX_INVALID_COMPARISON ((int32_t)0xAABBCCDD)
int32_t hx_dyn_compare(vdynamic *a, vdynamic *b);
bool hx_same_type(hx_type *a, hx_type *b);
/* hx_same_type, inline when the answer is plain (OJEq/OJNotEq on types). */
static inline bool hx_same_type_q(hx_type *a, hx_type *b) {
	return a == b || (a->kind == b->kind && hx_same_type(a, b));
}
bool hx_safe_cast(hx_type *from, hx_type *to);

vvirtual *hx_to_virtual(hx_type *vt, vdynamic *obj);

/* Call a closure with boxed arguments; returns the boxed result. */
vdynamic *hx_dyn_call(vclosure *c, vdynamic **args, int nargs);
/* Call method `hfield` of o dynamically (virtual slow path). args: pointers as is,
 * other values by address. Non-pointer results land in ret->v. */
void *hx_dyn_call_obj(vdynamic *o, hx_type *ft, int32_t hfield, void **args, vdynamic *ret);

/* Float to int with x86 semantics (NaN and out of range give INT32_MIN). */
static inline int32_t hx_ftoi(double d) {
	if (HX_LIKELY(d > -2147483649.0 && d < 2147483648.0)) return (int32_t)d;
	return INT32_MIN;
}
static inline int64_t hx_ftoi64(double d) {
	if (HX_LIKELY(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return (int64_t)d;
	return INT64_MIN;
}
/* Pure math natives (std@math_*): the generator calls these inlines directly,
 * and the hxn_std_math_* functions (for closures and dynamic calls) wrap them. */
static inline double hx_math_abs(double a) { return fabs(a); }
static inline bool hx_math_isnan(double a) { return a != a; }
static inline bool hx_math_isfinite(double a) { return isfinite(a); }
static inline double hx_math_fceil(double a) { return ceil(a); }
static inline double hx_math_ffloor(double a) { return floor(a); }
static inline double hx_math_fround(double a) { return floor(a + 0.5); }
static inline int32_t hx_math_ceil(double a) { return hx_ftoi(ceil(a)); }
static inline int32_t hx_math_floor(double a) { return hx_ftoi(floor(a)); }
static inline int32_t hx_math_round(double a) { return hx_ftoi(floor(a + 0.5)); }
static inline double hx_math_sqrt(double a) { return sqrt(a); }

static inline int32_t hx_sdiv(int32_t a, int32_t b) {
	return b == 0 ? 0 : b == -1 ? (int32_t)(0u - (uint32_t)a) : a / b;
}
static inline int32_t hx_smod(int32_t a, int32_t b) { return (b == 0 || b == -1) ? 0 : a % b; }
static inline int64_t hx_sdiv64(int64_t a, int64_t b) {
	return b == 0 ? 0 : b == -1 ? (int64_t)(0ull - (uint64_t)a) : a / b;
}
static inline int64_t hx_smod64(int64_t a, int64_t b) { return (b == 0 || b == -1) ? 0 : a % b; }
static inline uint32_t hx_udiv(uint32_t a, uint32_t b) { return b == 0 ? 0 : a / b; }
static inline uint32_t hx_umod(uint32_t a, uint32_t b) { return b == 0 ? 0 : a % b; }

/* ------------------------------------------------------------------------- */
/* The module the generated code describes, handed to the runtime at start.    */

typedef struct hx_function_info {
	const char *name; /* "Main.main", "Main.~meth.0", "fun$12", ".init" */
	const char *file; /* debug file of its first op */
} hx_function_info;

typedef struct hx_module {
	hx_type **types;
	int32_t ntypes;
	void **functions;              /* by findex (natives included) */
	hx_type **function_types;      /* by findex */
	const hx_function_info *finfo; /* by findex */
	int32_t nfunctions;
	const char *const *debug_files;
	int32_t ndebug_files;
	void ***roots;                 /* addresses of pointer-typed globals */
	int32_t nroots;
	const char *const *field_names; /* every field name (UTF-8), registered in this order */
	int32_t nfield_names;
	/* Call fun of type t with args (pointers as is, others by address); a
	 * non-pointer result is stored in out->v and its address returned. */
	void *(*static_call)(void *fun, hx_type *t, void **args, vdynamic *out);
	/* A C function with t's native signature that forwards to hx_wrapper_call. */
	void *(*get_wrapper)(hx_type *t);
	void (*entry)(void);           /* the bytecode entrypoint */
} hx_module;

/* Runs the program: initialises the runtime, calls m->entry on a fresh fiber
 * context, reports an uncaught exception on stderr. Returns the exit code. */
int hx_main(const hx_module *m, int argc, char **argv);

/* Used by generated wrappers (hx_module.get_wrapper). */
void *hx_wrapper_call(void *closure_self, void **args, vdynamic *ret);

/* ------------------------------------------------------------------------- */
/* Runtime services shared by the runtime's own C files and the natives.        */

extern const hx_module *hx_mod; /* the running program */

/* Value classes of the calling convention (static_call / wrappers / args). */
enum { HX_CV_VOID, HX_CV_INT, HX_CV_F32, HX_CV_F64, HX_CV_I64, HX_CV_PTR };
static inline int hx_cv(const hx_type *t) {
	switch (t->kind) {
	case HX_VOID: return HX_CV_VOID;
	case HX_UI8: case HX_UI16: case HX_I32: case HX_BOOL: return HX_CV_INT;
	case HX_F32: return HX_CV_F32;
	case HX_F64: return HX_CV_F64;
	case HX_I64: case HX_GUID: return HX_CV_I64;
	default: return HX_CV_PTR;
	}
}
static inline bool hx_is_ptr(const hx_type *t) { return t->kind >= HX_BYTES && t->kind != HX_GUID; }
static inline bool hx_is_dynamic(const hx_type *t) {
	switch (t->kind) {
	case HX_DYN: case HX_FUN: case HX_OBJ: case HX_ARRAY: case HX_VIRTUAL:
	case HX_DYNOBJ: case HX_ENUM: case HX_NULL: return true;
	default: return false;
	}
}
int32_t hx_type_size(const hx_type *t); /* bytes of a value of t in a field/array slot */

/* Memory: */
uint8_t *hx_alloc_bytes(int32_t size);        /* no pointers inside, zeroed */
void *hx_alloc_raw(int32_t size);             /* every word may be a pointer, zeroed */
vdynamic *hx_alloc_int(int32_t v);            /* box of an i32 */

/* UTF-16 strings (0-terminated): */
int32_t hx_ustrlen(const hx_uchar *s);
hx_uchar *hx_ustr_from_utf8(const char *s);   /* new GC copy */
char *hx_ustr_to_utf8(const hx_uchar *s);     /* new GC copy */
int hx_ustr_cmp(const hx_uchar *a, const hx_uchar *b);

/* Field names: hashes agree with the generated code (names registered at start). */
int32_t hx_hash_gen(const hx_uchar *name, bool cache); /* cache: register the name */
int32_t hx_hash_utf8(const char *name);        /* registers */
int32_t hx_hash_static(const hx_uchar *name);  /* registers; O(1) again for a constant of the image */
const hx_uchar *hx_field_name(int32_t hash);    /* "???" when unknown */

/* Boxing and generic value access, for a value stored at data with type t. */
vdynamic *hx_make_dyn(void *data, hx_type *t);
void hx_write_dyn(void *data, hx_type *t, vdynamic *v); /* convert v to t and store */

/* Printing: */
hx_uchar *hx_value_to_string(vdynamic *v, int32_t *len); /* Std.string */
hx_uchar *hx_type_str(hx_type *t);                        /* "i32", "virtual<...>", ... */

/* Objects: */
const hx_lookup *hx_obj_resolve(hx_type *t, int32_t hfield); /* obj/struct lookup, NULL if none */
const hx_lookup *hx_virt_resolve(hx_type *vt, int32_t hfield); /* virtual's lookup, NULL if none */
vclosure *hx_obj_method_closure(vdynamic *o, const hx_lookup *l); /* method bound to o */
hx_type *hx_dynobj_type(void);
vvirtual *hx_virtual_make_value(vvirtual *v); /* make an owned virtual a view of a new dynobj */
const hx_lookup *hx_lookup_find(const hx_lookup *l, int32_t n, int32_t hash); /* binary search */
/* dynobj internals */
hx_lookup *hx_dynobj_find(vdynobj *o, int32_t h);
void *hx_dynobj_addr(vdynobj *o, hx_lookup *l);
void *hx_dynobj_slot(vdynobj *o, int32_t h, hx_type *t); /* create or re-type for a store */
bool hx_dynobj_delete(vdynobj *o, int32_t h);
vdynobj *hx_dynobj_copy(vdynobj *o);
void hx_dynobj_update_virtuals(vdynobj *o);
bool hx_obj_is_instance(hx_type *t, hx_type *of); /* t is of or a subclass */

/* Calls: */
vdynamic *hx_call_method(vdynamic *c, varray *args); /* call_method native */
void *hx_static_call(void *fun, hx_type *t, void **args, vdynamic *out);

/* Precise scanning of an HX_MEM_DYNAMIC block for the collector: calls
 * visit(slot, arg) for every slot of the block that may hold a GC pointer
 * (slots may also hold NULL or pointers to static data). Returns false when
 * the block is not a typed value (then scan it conservatively).
 * vvirtual field slots are interior pointers (into the viewed object, into the
 * virtual itself, or into a dynobj's storage) and are NOT visited: after a
 * collection that moved objects, call hx_gc_after_move on every live block
 * of kind HX_VIRTUAL or HX_DYNOBJ (moved or not) to recompute them. */
bool hx_gc_scan_object(void *obj, void (*visit)(void **slot, void *arg), void *arg);
void hx_gc_after_move(void *obj);

/* Contexts for new threads and fibers: hx_ctx_init prepares ctx for a stack
 * whose lowest usable address is stack_lo and size bytes long (stack_lo NULL:
 * the calling thread's own stack); the caller then publishes it (hx_tls_ctx,
 * or the fiber switcher) before running Haxe code. hx_dyn_call_safe runs a
 * closure under a top-level trap of the current context: an exception is
 * returned as the result with *is_exc set (HashLink's hl_dyn_call_safe). */
void hx_ctx_init(hx_ctx *ctx, void *stack_lo, size_t size);
vdynamic *hx_dyn_call_safe(vclosure *c, vdynamic **args, int nargs, bool *is_exc);
/* The uncaught-exception report (stderr) for value v with ctx's captured stack. */
void hx_report_uncaught(hx_ctx *ctx, vdynamic *v);

/* Program arguments (argv[1..] of the native program), for sys_args. */
extern int hx_argc;
extern char **hx_argv;

#endif
