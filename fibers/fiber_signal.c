//go:build ignore
/*
 * fiber_signal.c: turns a native overflow into a fiber's guard area into a
 * clear report. The handler runs on an alternate signal stack (the faulting
 * stack is exhausted). Other faults go to the previous handler; with none,
 * they are reported (signal, address, fiber, native backtrace) before the
 * default action.
 */
#define _GNU_SOURCE
#include "fiber.h"
#include <execinfo.h>
#include <signal.h>
#include <ucontext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

fiber *fiber_from_addr_guard(const void *addr, int *guard);

static struct sigaction old_segv, old_bus, old_ill, old_fpe;
static _Atomic int installed;
#define ALT_SIZE (64 << 10)

static void put(const char *s) { ssize_t r = write(2, s, strlen(s)); (void)r; }

static char *utoa(char *end, unsigned long long v, int base) {
	*--end = 0;
	do { *--end = "0123456789abcdef"[v % base]; v /= base; } while (v);
	return end;
}

static const char *signame(int sig) {
	switch (sig) {
	case SIGSEGV: return "SIGSEGV (invalid memory access)";
	case SIGBUS: return "SIGBUS (bad memory access)";
	case SIGILL: return "SIGILL (illegal instruction)";
	case SIGFPE: return "SIGFPE (arithmetic fault)";
	default: return "signal";
	}
}

static struct sigaction *old_action(int sig) {
	switch (sig) {
	case SIGBUS: return &old_bus;
	case SIGILL: return &old_ill;
	case SIGFPE: return &old_fpe;
	default: return &old_segv;
	}
}

/* A crash that is not a guard hit: say what, where and on which fiber, with a
 * native backtrace, before the default action ends the process. Uses only
 * write(2) and backtrace_symbols_fd (preloaded at install). */
static void report_crash(int sig, siginfo_t *si, ucontext_t *uc) {
	char b[32];
	uintptr_t ip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	put("fiberus: crash: ");
	put(signame(sig));
	put(" at address 0x");
	put(utoa(b + sizeof b, (uintptr_t)si->si_addr, 16));
	put(", instruction 0x");
	put(utoa(b + sizeof b, ip, 16));
	fiber *f = fiber_from_addr_guard((void *)sp, &(int){0});
	if (f) {
		put(", in fiber #");
		put(utoa(b + sizeof b, f->id, 10));
	} else {
		put(", on a thread's own stack");
	}
	put("\nnative backtrace (for file:line, addr2line -e <program> <+offset>):\n");
	void *frames[48];
	int n = backtrace(frames, 48);
	backtrace_symbols_fd(frames, n, 2);
}

static void handler(int sig, siginfo_t *si, void *uc) {
	int guard = 0;
	fiber *f = sig == SIGSEGV || sig == SIGBUS ? fiber_from_addr_guard(si->si_addr, &guard) : NULL;
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
	struct sigaction *old = old_action(sig);
	if (old->sa_flags & SA_SIGINFO) {
		if (old->sa_sigaction) { old->sa_sigaction(sig, si, uc); return; }
	} else if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
		old->sa_handler(sig);
		return;
	}
	/* Default action: report, then re-fault with the default disposition. */
	report_crash(sig, si, uc);
	signal(sig, SIG_DFL);
}

void fiber_signals_install(void) {
	if (atomic_exchange(&installed, 1)) return;
	void *warm[1];
	backtrace(warm, 1); /* loads the unwinder now, not inside a handler */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	sigaction(SIGILL, &sa, &old_ill);
	sigaction(SIGFPE, &sa, &old_fpe);
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
