/* n_thread.c: threads, TLS, recursive mutexes, deques, locks, semaphores,
 * conditions and atomics. */
#include "n_test.h"

static hxn_deque *q;
static hxn_tls *tls;
static hxn_mutex *mx;
static int shared;

static vdynamic *box(int v) {
	vdynamic *d = hx_alloc_dynamic(&hxt_i32);
	d->v.i = v;
	return d;
}

/* a bound closure body: env is the thread number */
static void worker(void *env) {
	int id = (int)(intptr_t)env;
	CHECK(hxn_std_tls_get(tls) == NULL); /* fresh thread: unset */
	hxn_std_tls_set(tls, box(id));
	for (int i = 0; i < 1000; i++) {
		hxn_std_mutex_acquire(mx);
		hxn_std_mutex_acquire(mx); /* recursive */
		shared++;
		hxn_std_mutex_release(mx);
		hxn_std_mutex_release(mx);
	}
	vdynamic *mine = hxn_std_tls_get(tls);
	hxn_std_deque_add(q, box(mine && mine->v.i == id ? id : -1));
}

static void thrower(void) { hx_error("boom in thread"); }

static void *handle_seen;
static void report_handle(void) {
	handle_seen = hxn_std_thread_current();
	hxn_std_deque_add(q, box(99));
}

int main(int argc, char **argv) {
	nt_init(argc, argv);
	void *me = hxn_std_thread_current();
	CHECK(me != NULL && me == hxn_std_thread_current());
	hxn_std_thread_set_name(me, (vbyte *)"hxn-main");
	CHECK(strcmp((char *)hxn_std_thread_get_name(me), "hxn-main") == 0);

	gc_add_root((void **)&q); /* globals are roots, as in generated programs */
	gc_add_root((void **)&tls);
	gc_add_root((void **)&mx);
	q = hxn_std_deque_alloc();
	tls = hxn_std_tls_alloc(true);
	mx = hxn_std_mutex_alloc(true);
	CHECK(hxn_std_deque_pop(q, false) == NULL);
	hxn_std_tls_set(tls, box(-7));

	/* deque order: add appends, push prepends */
	hxn_std_deque_add(q, box(1));
	hxn_std_deque_add(q, box(2));
	hxn_std_deque_push(q, box(0));
	CHECK_EQ_INT(hxn_std_deque_pop(q, false)->v.i, 0);
	CHECK_EQ_INT(hxn_std_deque_pop(q, false)->v.i, 1);
	CHECK_EQ_INT(hxn_std_deque_pop(q, true)->v.i, 2);
	CHECK(hxn_std_deque_pop(q, false) == NULL);

	enum { N = 4 };
	vclosure cl[N];
	for (int i = 0; i < N; i++) {
		cl[i] = (vclosure){NULL, (void *)worker, 1, 0, (void *)(intptr_t)(i + 1)};
		CHECK(hxn_std_thread_create(&cl[i]) != NULL);
	}
	int seen = 0;
	for (int i = 0; i < N; i++) {
		vdynamic *v = hxn_std_deque_pop(q, true);
		CHECK(v->v.i >= 1 && v->v.i <= N);
		seen |= 1 << v->v.i;
	}
	CHECK_EQ_INT(seen, 0x1E);
	CHECK_EQ_INT(shared, N * 1000);
	CHECK_EQ_INT(hxn_std_tls_get(tls)->v.i, -7); /* ours untouched */
	hxn_std_tls_set(tls, NULL);
	CHECK(hxn_std_tls_get(tls) == NULL);

	/* the handle returned to the creator is the thread's own thread_current */
	vclosure rc = {NULL, (void *)report_handle, 0, 0, NULL};
	void *h = hxn_std_thread_create(&rc);
	CHECK_EQ_INT(hxn_std_deque_pop(q, true)->v.i, 99);
	CHECK(h == handle_seen && h != me);

	/* an uncaught exception ends the thread, not the program */
	vclosure tc = {NULL, (void *)thrower, 0, 0, NULL};
	CHECK(hxn_std_thread_create(&tc) != NULL);

	/* mutex try from this thread */
	CHECK(hxn_std_mutex_try_acquire(mx));
	hxn_std_mutex_release(mx);
	hxn_std_mutex_free(mx);

	/* lock: counting, with timeouts */
	hxn_lock *l = hxn_std_lock_create();
	vdynamic *t = hx_alloc_dynamic(&hxt_f64);
	t->v.d = 0.05;
	CHECK(!hxn_std_lock_wait(l, t));
	hxn_std_lock_release(l);
	hxn_std_lock_release(l);
	CHECK(hxn_std_lock_wait(l, t));
	CHECK(hxn_std_lock_wait(l, NULL));
	CHECK(!hxn_std_lock_wait(l, t));

	hxn_semaphore *s = hxn_std_semaphore_alloc(1);
	CHECK(hxn_std_semaphore_try_acquire(s, NULL));
	CHECK(!hxn_std_semaphore_try_acquire(s, t));
	hxn_std_semaphore_release(s);
	hxn_std_semaphore_acquire(s);
	hxn_std_semaphore_free(s);

	hxn_condition *c = hxn_std_condition_alloc();
	hxn_std_condition_acquire(c);
	CHECK(hxn_std_condition_try_acquire(c));
	hxn_std_condition_release(c);
	CHECK(!hxn_std_condition_timed_wait(c, 0.02));
	hxn_std_condition_signal(c);
	hxn_std_condition_broadcast(c);
	hxn_std_condition_release(c);

	int32_t a = 5;
	CHECK_EQ_INT(hxn_std_atomic_add32(&a, 3), 5);
	CHECK_EQ_INT(hxn_std_atomic_compare_exchange32(&a, 8, 1), 8);
	CHECK_EQ_INT(hxn_std_atomic_compare_exchange32(&a, 8, 2), 1);
	CHECK_EQ_INT(hxn_std_atomic_exchange32(&a, 9), 1);
	CHECK_EQ_INT(hxn_std_atomic_load32(&a), 9);
	vdynamic *p = NULL, *b = box(3);
	CHECK(hxn_std_atomic_compare_exchange_ptr(&p, NULL, b) == NULL && p == b);
	NT_DONE();
}
