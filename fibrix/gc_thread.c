//go:build ignore
/*
 * gc_thread.c: registered threads, the heap lock and stop-the-world.
 *
 * A thread is RUNNING or SAFE. It is SAFE (its callee-saved registers and
 * stack pointer saved in its gc_thread) while it waits for the heap lock, while
 * it waits at a safepoint, and inside gc_enter_safe/gc_leave_safe. A collector
 * holds the heap lock, raises `stopping` (and gc_poll_requested), and waits
 * until every other registered thread is SAFE; threads that were RUNNING reach
 * SAFE at their next slow-path allocation or safepoint poll. Stopped threads
 * resume by taking the heap lock, which the collector holds until it is done.
 * A thread that never allocates nor polls holds up a collection: long native
 * work belongs in a safe region.
 */
#define _GNU_SOURCE /* pthread_getattr_np */
#include "gc_internal.h"
#include <sched.h>
#include <stdlib.h>

gc_thread gc_thread_none; /* runs always empty: an unregistered thread goes to the slow path */
__thread gc_tcache *gc_tls = &gc_thread_none.tc;
volatile int gc_poll_requested;
static _Atomic int stopping;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
gc_world gc_world_hooks;
bool gc_world_set;

void gc_set_world(const gc_world *w) {
	if (w) gc_world_hooks = *w;
	gc_world_set = w != NULL;
}

void gc_heap_setup(void); /* gc_collect.c */

static void *own_stack_top(void) {
	pthread_attr_t a;
	void *addr;
	size_t size;
	if (pthread_getattr_np(pthread_self(), &a) != 0) gc_fatal("cannot find the thread's stack");
	pthread_attr_getstack(&a, &addr, &size);
	pthread_attr_destroy(&a);
	return (char *)addr + size;
}

static gc_thread *current(void) { return (gc_thread *)gc_tcache_current(); }

/* With the job runtime's world hooks: takes the heap lock, counted as stopped
 * while it waits, so that a collection another worker runs meanwhile (holding
 * the lock while it waits for every worker) can finish. */
static void lock_heap_stopped(void) {
	if (pthread_mutex_trylock(&gc_h.mutex) == 0) return;
	gc_world_hooks.blocking_enter();
	pthread_mutex_lock(&gc_h.mutex);
	gc_world_hooks.blocking_leave();
}

void gc_register_thread(void *stack_top) {
	if (current() != &gc_thread_none) return;
	pthread_once(&init_once, gc_heap_setup);
	gc_thread *t = calloc(1, sizeof(gc_thread));
	if (!t) gc_fatal("out of memory");
	t->thread_top = t->stack_top = stack_top ? stack_top : own_stack_top();
	atomic_store(&t->state, GC_SAFE); /* not holding up a collection until listed */
	if (gc_world_set) lock_heap_stopped();
	else pthread_mutex_lock(&gc_h.mutex);
	atomic_store(&t->state, GC_RUNNING);
	t->next = gc_h.threads;
	if (t->next) t->next->prev = t;
	gc_h.threads = t;
	gc_tls = &t->tc;
	pthread_mutex_unlock(&gc_h.mutex);
}

void gc_init(void *stack_top) {
	gc_register_thread(stack_top);
}

void gc_unregister_thread(void) {
	gc_thread *t = current();
	if (t == &gc_thread_none) return;
	gc_lock(t);
	gc_h.dead_nalloc += t->tc.nalloc;
	gc_h.dead_nbytes += t->tc.nbytes;
	if (t->prev) t->prev->next = t->next;
	else gc_h.threads = t->next;
	if (t->next) t->next->prev = t->prev;
	gc_tls = &gc_thread_none.tc;
	gc_unlock();
	free(t); /* its runs' slots are unmarked: the next cycle reclaims them */
}

gc_thread *gc_thread_self(void) {
	gc_thread *t = current();
	if (GC_UNLIKELY(t == &gc_thread_none)) {
		gc_register_thread(NULL);
		t = current();
	}
	return t;
}

void gc_set_stack_top(void *top) {
	gc_thread *t = gc_thread_self();
	t->stack_top = top ? top : t->thread_top;
}

/* Noinline: the saved stack pointer then lies below every caller's frame, and
 * callee-saved registers the callers still hold are in t->regs. */
__attribute__((noinline)) void gc_lock(gc_thread *t) {
	GC_SAVE_CONTEXT(t);
	if (gc_world_set) {
		lock_heap_stopped();
		return;
	}
	atomic_store(&t->state, GC_SAFE);
	pthread_mutex_lock(&gc_h.mutex);
	atomic_store(&t->state, GC_RUNNING);
}

void gc_unlock(void) { pthread_mutex_unlock(&gc_h.mutex); }

void gc_stop_world(gc_thread *self) {
	__atomic_store_n(&gc_poll_requested, 1, __ATOMIC_SEQ_CST);
	if (gc_world_set) {
		gc_world_hooks.stop();
		return;
	}
	atomic_store(&stopping, 1);
	for (gc_thread *t = gc_h.threads; t; t = t->next) {
		if (t == self) continue;
		for (int spins = 0; atomic_load(&t->state) != GC_SAFE; spins++)
			if (spins > 64) sched_yield();
	}
}

void gc_start_world(void) {
	__atomic_store_n(&gc_poll_requested, 0, __ATOMIC_SEQ_CST);
	if (gc_world_set) gc_world_hooks.start();
	else atomic_store(&stopping, 0);
}

void gc_safepoint(void) {
	if (gc_world_set) {
		gc_world_hooks.safepoint();
		return;
	}
	if (!atomic_load(&stopping)) return;
	gc_thread *t = current();
	if (t == &gc_thread_none) return;
	gc_lock(t); /* SAFE until the collector releases the lock */
	gc_unlock();
}

__attribute__((noinline)) void gc_enter_safe(void) {
	if (gc_world_set) {
		gc_world_hooks.blocking_enter();
		return;
	}
	gc_thread *t = current();
	if (t == &gc_thread_none) return;
	GC_SAVE_CONTEXT(t);
	atomic_store(&t->state, GC_SAFE);
}

void gc_leave_safe(void) {
	if (gc_world_set) {
		gc_world_hooks.blocking_leave();
		return;
	}
	gc_thread *t = current();
	if (t == &gc_thread_none) return;
	for (;;) {
		atomic_store(&t->state, GC_RUNNING);
		if (!atomic_load(&stopping)) return;
		atomic_store(&t->state, GC_SAFE);
		pthread_mutex_lock(&gc_h.mutex); /* wait for the collection to end */
		pthread_mutex_unlock(&gc_h.mutex);
	}
}
