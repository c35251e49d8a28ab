/*
 * fiber.h: fibers for the Fiberus runtime. A fiber is a stack plus a saved
 * stack pointer; fiber_swap switches the running thread from one context to
 * another (x86-64 System V: callee-saved registers, MXCSR and the x87 control
 * word are preserved; see fiber_swap and fiber_switch.S).
 *
 * Stacks come from a pool: big reservations (mmap, MAP_NORESERVE) carved into
 * slots of [guard | stack | struct fiber]; pages are committed on first touch.
 * The guard is installed with MADV_GUARD_INSTALL (Linux 6.13+, no extra VMA,
 * so vm.max_map_count never limits the fiber count) or, on older kernels, with
 * mprotect while the map-count budget allows it. A native overflow into a guard
 * is reported as "fiber stack overflow" by a SIGSEGV handler running on an
 * alternate signal stack (fiber_signals_install, fiber_thread_init).
 *
 * This layer knows nothing of threads or scheduling (jobs/ does that).
 */
#ifndef FIBER_H
#define FIBER_H
#include <stddef.h>
#include <stdint.h>
#include <stdatomic.h>

/* A saved execution context: a fiber's or a thread's own stack. */
typedef struct fiber_ctx {
	void *sp;   /* saved stack pointer while not running */
	void *tsan; /* thread sanitizer fiber handle (only under -fsanitize=thread) */
} fiber_ctx;

typedef enum fiber_state {
	FIBER_FREE = 0,  /* in the pool, holds no live data */
	FIBER_RUNNING,   /* running on a thread (stack scanned from gc_sp) */
	FIBER_READY,     /* runnable, in a queue (scanned from ctx.sp) */
	FIBER_SUSPENDED  /* parked on something (scanned from ctx.sp) */
} fiber_state;

typedef struct fiber fiber;
typedef void (*fiber_entry)(void *arg, void *msg);

/* Lives at the top of its own stack slot (no separate allocation). */
struct fiber {
	void *link;            /* queue link owned by the scheduler; keep first */
	fiber_ctx ctx;
	char *stack_lo;        /* usable stack is [stack_lo, stack_hi) */
	char *stack_hi;
	uint64_t id;           /* set by fiber_create (fibers the scheduler recycles keep theirs) */
	void *user;            /* per-fiber user pointer, kept across pool reuse (hxrt: hx_ctx*) */
	_Atomic int state;     /* fiber_state */
	/* Stack pointer recorded when a running fiber stops for the GC. Atomic
	 * (relaxed): a deadlock report may walk fibers while workers record it. */
	_Atomic(void *) gc_sp;
	const char *wait_reason; /* what a suspended fiber waits on (deadlock reports) */
	void *wait_obj;
	int64_t wait_arg;
	void *sched;           /* scheduler data (jobs/) */
	uint32_t pool;         /* pool index */
	uint32_t slot;         /* slot index in its pool */
	/* jobs/ timed waits: sequence << 2 | state. Zeroed once with the slot and
	 * never reset: a stale timer of a finished wait compares against it. */
	_Atomic uint64_t timed;
};

/* ---- context switch (fiber_swap below, fiber_switch.S) ----------------- */

/* Calls fn(arg, sp) with every callee-saved register pushed on the stack just
 * above sp (so a conservative scan of [sp, hi) sees them). */
void fiber_call_spilled(void (*fn)(void *arg, void *sp), void *arg);
/* Calls fn(arg) on another stack (stack_top, 16-byte aligned), then returns. */
void fiber_call_on_stack(void (*fn)(void *arg), void *arg, void *stack_top);

#ifdef __SANITIZE_THREAD__
void *__tsan_get_current_fiber(void);
void *__tsan_create_fiber(unsigned flags);
void __tsan_destroy_fiber(void *fiber);
void __tsan_switch_to_fiber(void *fiber, unsigned flags);
#endif

/* Registers a switch does not keep: all but rsp and rbp (saved by the asm).
 * The compiler saves whatever of them is live, exactly as around a call. */
#ifdef __AVX512F__
#define FIBER_CLOBBERS_AVX512                                                            \
	, "xmm16", "xmm17", "xmm18", "xmm19", "xmm20", "xmm21", "xmm22", "xmm23", "xmm24", \
	"xmm25", "xmm26", "xmm27", "xmm28", "xmm29", "xmm30", "xmm31", "k0", "k1", "k2",  \
	"k3", "k4", "k5", "k6", "k7"
#else
#define FIBER_CLOBBERS_AVX512
#endif
#define FIBER_CLOBBERS                                                                   \
	"rbx", "rcx", "rdx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "xmm0",  \
	"xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",     \
	"xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "st", "st(1)", "st(2)", "st(3)",      \
	"st(4)", "st(5)", "st(6)", "st(7)", "mm0", "mm1", "mm2", "mm3", "mm4", "mm5", "mm6", \
	"mm7", "memory", "cc", "fpsr" FIBER_CLOBBERS_AVX512

/* Switches from context `from` to context `to`; returns, in the resumed
 * context, the msg given by whoever switched back to it. Inline so that the
 * switch is a jump, not a call (see fiber_switch.S): it steps over the red
 * zone, pushes rbp and the address of label 1, and jumps to the shared half,
 * which saves the control words and sp and jumps to the other context's
 * resume address. */
static inline __attribute__((always_inline)) void *fiber_swap(fiber_ctx *from, fiber_ctx *to,
                                                              void *msg) {
#ifdef __SANITIZE_THREAD__
	__tsan_switch_to_fiber(to->tsan, 0);
#endif
	void **save_sp = &from->sp;
	void *to_sp = to->sp, *m = msg;
	__asm__ volatile("subq $128, %%rsp\n\t"
	                 "pushq %%rbp\n\t"
	                 "leaq 1f(%%rip), %%rcx\n\t"
	                 "pushq %%rcx\n\t"
	                 "jmp fiber_switch_jump\n"
	                 "1:\tpopq %%rbp\n\t"
	                 "addq $128, %%rsp"
	                 : "+D"(save_sp), "+S"(to_sp), "+a"(m)
	                 :
	                 : FIBER_CLOBBERS);
	return m;
}

/* Makes ctx describe the calling thread's own stack (call once per thread). */
void fiber_ctx_init_thread(fiber_ctx *ctx);

/* ---- pool ---------------------------------------------------------------- */

typedef struct fiber_config {
	size_t stack_size;   /* default stack size in bytes (default 64 KiB, FIBERUS_STACK_SIZE) */
	size_t guard_size;   /* guard below each stack (default 16 KiB) */
	size_t max_fibers;   /* hard cap on live fibers (default 16M) */
} fiber_config;

/* Initialises the pool (idempotent; a NULL cfg takes the defaults). */
int fiber_pool_init(const fiber_config *cfg);
size_t fiber_default_stack_size(void);
/* Takes a fiber with at least stack_size bytes of stack (0: default; larger
 * sizes are rounded up to the default times a power of two) from the
 * pool; it will start with entry(arg, msg) when first switched to. NULL when
 * out of memory or past max_fibers. Thread-safe. */
fiber *fiber_create(size_t stack_size, fiber_entry entry, void *arg);
/* Rearms a fiber (not running) to start afresh at entry(arg, msg). */
void fiber_reset(fiber *f, fiber_entry entry, void *arg);
/* Returns a fiber that is not running to the pool. Thread-safe. */
void fiber_release(fiber *f);
/* Live (not free) fibers. */
size_t fiber_live_count(void);

/* Whether guard pages are installed with MADV_GUARD_INSTALL (1), mprotect (2)
 * or not at all (0, map-count budget exhausted). */
int fiber_guard_mode(void);

/* ---- hooks for the collector and the language runtime ---------------------- */

/* Per-fiber user pointer. The slot survives pool reuse, so a runtime can hang
 * one lazily created context per fiber and reuse it. */
static inline void fiber_set_user(fiber *f, void *p) { f->user = p; }
static inline void *fiber_user(fiber *f) { return f->user; }

/* The switch hook runs on the thread that resumes a fiber, right after the
 * switch and before the fiber's code continues (also when a fiber starts, and
 * with NULL when a thread goes back to its own stack). hxrt installs one that
 * sets hx_tls_ctx = fiber_user(f) (allocating the context on first use). Set it
 * once before starting workers. */
typedef void (*fiber_switch_hook)(fiber *f);
void fiber_set_switch_hook(fiber_switch_hook hook);
extern fiber_switch_hook fiber_hook;

/* Calls cb for every fiber that is not FREE, with the range [lo, hi) to scan
 * conservatively: for READY/SUSPENDED fibers lo is the saved sp, for RUNNING
 * fibers lo is gc_sp (recorded by jobs/ when the worker stopped; NULL when it
 * did not, in which case lo = stack_lo). Only valid while the world is stopped
 * (job_stw_begin), or for diagnostics. */
typedef void (*fiber_visit)(fiber *f, char *lo, char *hi, void *ctx);
void fiber_foreach(fiber_visit cb, void *ctx);

/* The fiber whose stack contains addr, or NULL. */
fiber *fiber_from_addr(const void *addr);

/* ---- signals ------------------------------------------------------------- */

/* Installs the SIGSEGV/SIGBUS handler that reports guard-page hits as
 * "fiber stack overflow" (others are passed to the previous handler). */
void fiber_signals_install(void);
/* Gives the calling thread an alternate signal stack (once per thread). */
void fiber_thread_init(void);

#endif
