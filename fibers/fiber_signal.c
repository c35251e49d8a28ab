//go:build ignore
/*
 * fiber_signal.c: turns a native overflow into a fiber's guard area into a
 * clear report. The handler runs on an alternate signal stack (the faulting
 * stack is exhausted); faults elsewhere go to the previous handler.
 */
#define _GNU_SOURCE
#include "fiber.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

fiber *fiber_from_addr_guard(const void *addr, int *guard);

static struct sigaction old_segv, old_bus;
static _Atomic int installed;
#define ALT_SIZE (64 << 10)

static void put(const char *s) { ssize_t r = write(2, s, strlen(s)); (void)r; }

static char *utoa(char *end, unsigned long long v, int base) {
	*--end = 0;
	do { *--end = "0123456789abcdef"[v % base]; v /= base; } while (v);
	return end;
}

static void handler(int sig, siginfo_t *si, void *uc) {
	int guard = 0;
	fiber *f = fiber_from_addr_guard(si->si_addr, &guard);
	if (f && guard) {
		char b[32];
		put("fiberus: fiber stack overflow in fiber #");
		put(utoa(b + sizeof b, f->id, 10));
		put(" (stack 0x");
		put(utoa(b + sizeof b, (uintptr_t)f->stack_lo, 16));
		put("-0x");
		put(utoa(b + sizeof b, (uintptr_t)f->stack_hi, 16));
		put(", ");
		put(utoa(b + sizeof b, (unsigned long long)(f->stack_hi - f->stack_lo), 10));
		put(" bytes; fault at 0x");
		put(utoa(b + sizeof b, (uintptr_t)si->si_addr, 16));
		put(")\n");
		signal(SIGABRT, SIG_DFL);
		abort();
	}
	struct sigaction *old = sig == SIGBUS ? &old_bus : &old_segv;
	if (old->sa_flags & SA_SIGINFO) {
		if (old->sa_sigaction) { old->sa_sigaction(sig, si, uc); return; }
	} else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
		old->sa_handler(sig);
		return;
	}
	/* Default action: re-raise with the default disposition. */
	signal(sig, SIG_DFL);
}

void fiber_signals_install(void) {
	if (atomic_exchange(&installed, 1)) return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	fiber_thread_init();
}

void fiber_thread_init(void) {
	stack_t cur;
	if (sigaltstack(NULL, &cur) == 0 && !(cur.ss_flags & SS_DISABLE)) return; /* has one */
	stack_t ss;
	ss.ss_sp = malloc(ALT_SIZE);
	if (!ss.ss_sp) return;
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 0;
	sigaltstack(&ss, NULL);
}
