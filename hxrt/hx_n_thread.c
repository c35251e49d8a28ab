//go:build ignore

/* hx_n_thread.c: threads and synchronisation (sys.thread.*) on pthreads.
 *
 * Handles owning OS objects are finalizable GC blocks; the pthread objects
 * themselves live in malloc'd memory so that they never move. A deque is a
 * RAW block (its messages are GC pointers) that keeps a finalizable block
 * with its mutex and condition alive. Waits run in the collector's safe
 * region; they re-check their condition outside it before touching the heap.
 *
 * Threads here are OS threads: a mutex is owned by a thread, so a fiber that
 * migrates while holding one would break it (fine while Haxe threads are OS
 * threads).
 */
#define _GNU_SOURCE
#include "hx_natives.h"
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static void *xmalloc(size_t n) {
	void *p = calloc(1, n);
	if (!p) abort();
	return p;
}

/* Absolute CLOCK_REALTIME deadline `sec` seconds from now. */
static struct timespec deadline(double sec) {
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	if (!(sec > 0)) sec = 0;
	double whole = (double)(int64_t)sec;
	t.tv_sec += (time_t)whole;
	t.tv_nsec += (long)((sec - whole) * 1e9);
	if (t.tv_nsec >= 1000000000L) t.tv_sec++, t.tv_nsec -= 1000000000L;
	return t;
}

/* ---- threads ------------------------------------------------------------------ */

/* A Haxe thread is identified by its runtime context, which follows it if it
 * runs on a fiber that migrates between OS threads. */
void *hxn_std_thread_current(void) { return hx_ctx_current(); }

typedef struct {
	vclosure *c;
	void *handle;
	sem_t started;
} thread_start;

static void *thread_main(void *arg) {
	thread_start *s = (thread_start *)arg;
	vclosure *volatile c = s->c;
	hx_ctx *ctx = (hx_ctx *)xmalloc(sizeof(hx_ctx));
	gc_register_thread(NULL);
	gc_add_root((void **)&ctx->exc_value);
	gc_add_root((void **)&ctx->exc_handler);
	/* stack limit: the thread's lowest address plus a margin for the handler */
	pthread_attr_t attr;
	void *addr = NULL;
	size_t size = 0;
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstack(&attr, &addr, &size);
		pthread_attr_destroy(&attr);
	}
	ctx->stack_base = (char *)addr + size;
	ctx->stack_limit = size > (512 << 10) ? (char *)addr + (128 << 10) : (char *)addr;
	hx_tls_ctx = ctx;
	s->handle = ctx;
	sem_post(&s->started); /* s belongs to the creator from here on */
	hx_trap top;
	top.prev = NULL;
	top.frame = NULL;
	ctx->trap = &top;
	if (_setjmp(top.buf)) {
		int32_t len;
		hx_uchar *msg = hx_value_to_string(ctx->exc_value, &len);
		fflush(stdout);
		fprintf(stderr, "Uncaught exception: %s\n", hxn_ustr_to_utf8(msg, NULL));
		fflush(stderr);
	} else {
		if (c->has_value) ((void (*)(void *))c->fun)(c->value);
		else ((void (*)(void))c->fun)();
	}
	ctx->trap = NULL;
	hx_tls_ctx = NULL;
	gc_remove_root((void **)&ctx->exc_value);
	gc_remove_root((void **)&ctx->exc_handler);
	gc_unregister_thread();
	free(ctx);
	return NULL;
}

void *hxn_std_thread_create(vclosure *c) {
	thread_start *s = (thread_start *)xmalloc(sizeof(thread_start));
	s->c = c;
	gc_add_root((void **)&s->c); /* until the thread holds it on its stack */
	sem_init(&s->started, 0, 0);
	pthread_t t;
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&attr, 8 << 20);
	int r = pthread_create(&t, &attr, thread_main, s);
	pthread_attr_destroy(&attr);
	void *h = NULL;
	if (r == 0) {
		HXN_BLOCKING_BEGIN();
		while (sem_wait(&s->started) != 0 && errno == EINTR) {}
		HXN_BLOCKING_END();
		h = s->handle;
	}
	gc_remove_root((void **)&s->c);
	sem_destroy(&s->started);
	free(s);
	return h;
}

void hxn_std_thread_set_name(void *t, vbyte *name) {
	if (t == hx_ctx_current()) {
		char buf[16];
		snprintf(buf, sizeof buf, "%s", (const char *)name);
		pthread_setname_np(pthread_self(), buf);
	}
}

void hxn_std_thread_yield(void) { sched_yield(); }

vbyte *hxn_std_thread_get_name(void *t) {
	char buf[16];
	if (t != hx_ctx_current() || pthread_getname_np(pthread_self(), buf, sizeof buf) != 0) return NULL;
	return hxn_cstr_dup(buf); /* UTF-8, like the name given */
}

/* ---- thread-local storage -------------------------------------------------------
 * gc_value: the slot holds a GC pointer, kept in a malloc'd cell registered as
 * a root for as long as it is set (as HashLink does). */

struct hxn_tls {
	void (*finalize)(hxn_tls *);
	pthread_key_t key;
	bool gc;
};

static void tls_finalize(hxn_tls *t) { pthread_key_delete(t->key); }

hxn_tls *hxn_std_tls_alloc(bool gc_value) {
	hxn_tls *t = (hxn_tls *)hx_gc_alloc(sizeof(hxn_tls), HX_MEM_FINALIZER);
	if (pthread_key_create(&t->key, NULL) != 0) hx_error("Failed to allocate TLS");
	t->gc = gc_value;
	t->finalize = tls_finalize;
	return t;
}

vdynamic *hxn_std_tls_get(hxn_tls *t) {
	void *v = pthread_getspecific(t->key);
	if (!t->gc) return (vdynamic *)v;
	return v ? *(vdynamic **)v : NULL;
}

void hxn_std_tls_set(hxn_tls *t, vdynamic *v) {
	if (!t->gc) {
		pthread_setspecific(t->key, v);
		return;
	}
	void **cell = (void **)pthread_getspecific(t->key);
	if (!cell) {
		if (!v) return;
		cell = (void **)xmalloc(sizeof(void *));
		gc_add_root(cell);
		pthread_setspecific(t->key, cell);
	} else if (!v) {
		gc_remove_root(cell);
		free(cell);
		pthread_setspecific(t->key, NULL);
		return;
	}
	*cell = v;
	HX_WB_GLOBAL(cell, v);
}

/* ---- recursive mutex ------------------------------------------------------------ */

struct hxn_mutex {
	void (*finalize)(hxn_mutex *);
	pthread_mutex_t *m;
	bool gc; /* HashLink: waits run in the safe region (here they always do) */
};

static void mutex_finalize(hxn_mutex *l) {
	pthread_mutex_destroy(l->m);
	free(l->m);
	l->m = NULL;
}

hxn_mutex *hxn_std_mutex_alloc(bool gc_thread) {
	hxn_mutex *l = (hxn_mutex *)hx_gc_alloc(sizeof(hxn_mutex), HX_MEM_FINALIZER);
	pthread_mutexattr_t a;
	l->m = (pthread_mutex_t *)xmalloc(sizeof(pthread_mutex_t));
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(l->m, &a);
	pthread_mutexattr_destroy(&a);
	l->gc = gc_thread;
	l->finalize = mutex_finalize;
	return l;
}

/* A contended wait always runs in the safe region (whatever gc_thread says):
 * the owner may be allocating and need this thread stopped. */
void hxn_std_mutex_acquire(hxn_mutex *l) {
	if (pthread_mutex_trylock(l->m) == 0) return;
	HXN_BLOCKING_BEGIN();
	pthread_mutex_lock(l->m);
	HXN_BLOCKING_END();
}

bool hxn_std_mutex_try_acquire(hxn_mutex *l) { return pthread_mutex_trylock(l->m) == 0; }
void hxn_std_mutex_release(hxn_mutex *l) { pthread_mutex_unlock(l->m); }

void hxn_std_mutex_free(hxn_mutex *l) {
	if (!l->finalize) return;
	l->finalize = NULL;
	mutex_finalize(l);
}

/* ---- mutex + condition shared by deques, locks and conditions ------------------------ */

typedef struct hxn_sync {
	void (*finalize)(struct hxn_sync *);
	struct sync_os {
		pthread_mutex_t m;
		pthread_cond_t c;
	} *os;
	int32_t counter; /* locks */
} hxn_sync;

static void sync_finalize(hxn_sync *s) {
	pthread_mutex_destroy(&s->os->m);
	pthread_cond_destroy(&s->os->c);
	free(s->os);
	s->os = NULL;
}

static hxn_sync *sync_alloc(void) {
	hxn_sync *s = (hxn_sync *)hx_gc_alloc(sizeof(hxn_sync), HX_MEM_FINALIZER);
	s->os = (struct sync_os *)xmalloc(sizeof(struct sync_os));
	pthread_mutex_init(&s->os->m, NULL);
	pthread_cond_init(&s->os->c, NULL);
	s->finalize = sync_finalize;
	return s;
}

/* ---- deque (thread messages) ---------------------------------------------------- */

typedef struct tqueue {
	vdynamic *msg;
	struct tqueue *next;
} tqueue;

struct hxn_deque {
	tqueue *first, *last;
	hxn_sync *sync;
};

hxn_deque *hxn_std_deque_alloc(void) {
	hxn_deque *q = (hxn_deque *)hx_gc_alloc(sizeof(hxn_deque), HX_MEM_RAW);
	q->sync = sync_alloc();
	HX_WB(q, q->sync);
	return q;
}

void hxn_std_deque_add(hxn_deque *q, vdynamic *msg) {
	tqueue *t = (tqueue *)hx_gc_alloc(sizeof(tqueue), HX_MEM_RAW);
	t->msg = msg;
	HX_WB(t, msg);
	pthread_mutex_lock(&q->sync->os->m);
	if (q->last == NULL) q->first = t, HX_WB(q, t);
	else q->last->next = t, HX_WB(q->last, t);
	q->last = t;
	HX_WB(q, t);
	pthread_cond_signal(&q->sync->os->c);
	pthread_mutex_unlock(&q->sync->os->m);
}

void hxn_std_deque_push(hxn_deque *q, vdynamic *msg) {
	tqueue *t = (tqueue *)hx_gc_alloc(sizeof(tqueue), HX_MEM_RAW);
	t->msg = msg;
	HX_WB(t, msg);
	pthread_mutex_lock(&q->sync->os->m);
	t->next = q->first;
	HX_WB(t, t->next);
	q->first = t;
	HX_WB(q, t);
	if (q->last == NULL) q->last = t;
	pthread_cond_signal(&q->sync->os->c);
	pthread_mutex_unlock(&q->sync->os->m);
}

vdynamic *hxn_std_deque_pop(hxn_deque *q, bool block) {
	struct sync_os *os = q->sync->os;
	for (;;) {
		pthread_mutex_lock(&os->m);
		if (q->first) {
			vdynamic *msg = q->first->msg;
			q->first = q->first->next;
			if (q->first == NULL) q->last = NULL;
			else pthread_cond_signal(&os->c);
			pthread_mutex_unlock(&os->m);
			return msg;
		}
		if (!block) {
			pthread_mutex_unlock(&os->m);
			return NULL;
		}
		HXN_BLOCKING_BEGIN();
		while (q->first == NULL) pthread_cond_wait(&os->c, &os->m);
		pthread_mutex_unlock(&os->m);
		HXN_BLOCKING_END();
	}
}

/* ---- lock (sys.thread.Lock, hl_ver >= 1.11) ---------------------------------------- */

struct hxn_lock {
	hxn_sync s;
};

hxn_lock *hxn_std_lock_create(void) { return (hxn_lock *)sync_alloc(); }

void hxn_std_lock_release(hxn_lock *l) {
	pthread_mutex_lock(&l->s.os->m);
	l->s.counter++;
	pthread_cond_signal(&l->s.os->c);
	pthread_mutex_unlock(&l->s.os->m);
}

/* timeout: null = forever, else seconds. false when it ran out. */
bool hxn_std_lock_wait(hxn_lock *l, vdynamic *timeout) {
	struct sync_os *os = l->s.os;
	struct timespec t;
	if (timeout) t = deadline(timeout->v.d);
	bool ok = true;
	HXN_BLOCKING_BEGIN();
	pthread_mutex_lock(&os->m);
	while (l->s.counter == 0) {
		if (timeout) {
			if (pthread_cond_timedwait(&os->c, &os->m, &t) == ETIMEDOUT && l->s.counter == 0) {
				ok = false;
				break;
			}
		} else pthread_cond_wait(&os->c, &os->m);
	}
	if (ok) {
		l->s.counter--;
		if (l->s.counter > 0) pthread_cond_signal(&os->c);
	}
	pthread_mutex_unlock(&os->m);
	HXN_BLOCKING_END();
	return ok;
}

/* ---- semaphores and conditions (newer HashLink) ------------------------------------ */

typedef struct hxn_semaphore {
	void (*finalize)(struct hxn_semaphore *);
	sem_t *sem;
} hxn_semaphore;

static void sem_finalize(hxn_semaphore *s) {
	sem_destroy(s->sem);
	free(s->sem);
	s->sem = NULL;
}

hxn_semaphore *hxn_std_semaphore_alloc(int32_t value) {
	hxn_semaphore *s = (hxn_semaphore *)hx_gc_alloc(sizeof(hxn_semaphore), HX_MEM_FINALIZER);
	s->sem = (sem_t *)xmalloc(sizeof(sem_t));
	sem_init(s->sem, 0, (unsigned)value);
	s->finalize = sem_finalize;
	return s;
}

void hxn_std_semaphore_acquire(hxn_semaphore *s) {
	HXN_BLOCKING_BEGIN();
	while (sem_wait(s->sem) != 0 && errno == EINTR) {}
	HXN_BLOCKING_END();
}

bool hxn_std_semaphore_try_acquire(hxn_semaphore *s, vdynamic *timeout) {
	if (!timeout) return sem_trywait(s->sem) == 0;
	struct timespec t = deadline(timeout->v.d);
	int r;
	HXN_BLOCKING_BEGIN();
	while ((r = sem_timedwait(s->sem, &t)) != 0 && errno == EINTR) {}
	HXN_BLOCKING_END();
	return r == 0;
}

void hxn_std_semaphore_release(hxn_semaphore *s) { sem_post(s->sem); }

void hxn_std_semaphore_free(hxn_semaphore *s) {
	if (!s->finalize) return;
	s->finalize = NULL;
	sem_finalize(s);
}

typedef struct hxn_condition {
	hxn_sync s;
} hxn_condition;

hxn_condition *hxn_std_condition_alloc(void) {
	hxn_condition *c = (hxn_condition *)sync_alloc();
	/* the condition's mutex is taken recursively by Haxe code */
	pthread_mutexattr_t a;
	pthread_mutex_destroy(&c->s.os->m);
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&c->s.os->m, &a);
	pthread_mutexattr_destroy(&a);
	return c;
}

void hxn_std_condition_acquire(hxn_condition *c) {
	if (pthread_mutex_trylock(&c->s.os->m) == 0) return;
	HXN_BLOCKING_BEGIN();
	pthread_mutex_lock(&c->s.os->m);
	HXN_BLOCKING_END();
}

bool hxn_std_condition_try_acquire(hxn_condition *c) { return pthread_mutex_trylock(&c->s.os->m) == 0; }
void hxn_std_condition_release(hxn_condition *c) { pthread_mutex_unlock(&c->s.os->m); }

void hxn_std_condition_wait(hxn_condition *c) {
	HXN_BLOCKING_BEGIN();
	pthread_cond_wait(&c->s.os->c, &c->s.os->m);
	HXN_BLOCKING_END();
}

bool hxn_std_condition_timed_wait(hxn_condition *c, double timeout) {
	struct timespec t = deadline(timeout);
	HXN_BLOCKING_BEGIN();
	int r = pthread_cond_timedwait(&c->s.os->c, &c->s.os->m, &t);
	HXN_BLOCKING_END();
	return r == 0;
}

void hxn_std_condition_signal(hxn_condition *c) { pthread_cond_signal(&c->s.os->c); }
void hxn_std_condition_broadcast(hxn_condition *c) { pthread_cond_broadcast(&c->s.os->c); }

/* ---- atomics (newer HashLink) ------------------------------------------------------ */

int32_t hxn_std_atomic_add32(int32_t *a, int32_t b) { return __atomic_fetch_add(a, b, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_sub32(int32_t *a, int32_t b) { return __atomic_fetch_sub(a, b, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_and32(int32_t *a, int32_t b) { return __atomic_fetch_and(a, b, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_or32(int32_t *a, int32_t b) { return __atomic_fetch_or(a, b, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_xor32(int32_t *a, int32_t b) { return __atomic_fetch_xor(a, b, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_compare_exchange32(int32_t *a, int32_t expected, int32_t replacement) {
	__atomic_compare_exchange_n(a, &expected, replacement, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return expected;
}
vdynamic *hxn_std_atomic_compare_exchange_ptr(vdynamic **a, vdynamic *expected, vdynamic *replacement) {
	if (__atomic_compare_exchange_n(a, &expected, replacement, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		HX_WB_GLOBAL(a, replacement);
	return expected;
}
int32_t hxn_std_atomic_exchange32(int32_t *a, int32_t v) { return __atomic_exchange_n(a, v, __ATOMIC_SEQ_CST); }
vdynamic *hxn_std_atomic_exchange_ptr(vdynamic **a, vdynamic *v) {
	vdynamic *old = __atomic_exchange_n(a, v, __ATOMIC_SEQ_CST);
	HX_WB_GLOBAL(a, v);
	return old;
}
int32_t hxn_std_atomic_load32(int32_t *a) { return __atomic_load_n(a, __ATOMIC_SEQ_CST); }
vdynamic *hxn_std_atomic_load_ptr(vdynamic **a) { return __atomic_load_n(a, __ATOMIC_SEQ_CST); }
int32_t hxn_std_atomic_store32(int32_t *a, int32_t v) {
	__atomic_store_n(a, v, __ATOMIC_SEQ_CST);
	return v;
}
vdynamic *hxn_std_atomic_store_ptr(vdynamic **a, vdynamic *v) {
	__atomic_store_n(a, v, __ATOMIC_SEQ_CST);
	HX_WB_GLOBAL(a, v);
	return v;
}
