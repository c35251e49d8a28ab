/* Register preservation of the context switch, in its two halves:
 * - fiber_switch_jump itself keeps rsp, rbp, MXCSR and the x87 control word
 *   (checked from assembly, with non-default values in each);
 * - fiber_swap's clobber list makes the compiler keep every other live value
 *   (checked with many integer and float values live across switches to a
 *   fiber that overwrites every register it may). */
#include "fiber.h"
#include <fenv.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* void regs_round_trip(void **save, void *to, uint64_t *out): loads a known
 * pattern into rbp, a non-default MXCSR and x87 control word, switches away
 * with fiber_swap's protocol, and stores into out[0..3] what it finds on
 * return: rbp, the change of rsp, MXCSR, the x87 control word. */
__asm__(
	".text\n.globl regs_round_trip\n.type regs_round_trip,@function\n"
	"regs_round_trip:\n"
	"  pushq %rbp; pushq %rbx; pushq %r12; pushq %r13; pushq %r14; pushq %r15\n"
	"  pushq %rdx\n"
	"  subq $16, %rsp\n"
	"  stmxcsr (%rsp); fnstcw 4(%rsp)\n"         /* originals */
	"  movl $0x7f80, 8(%rsp); ldmxcsr 8(%rsp)\n"  /* round toward zero */
	"  movw $0x0c7f, 8(%rsp); fldcw 8(%rsp)\n"    /* x87: truncate, double precision off */
	"  movabsq $0x2222222222222222, %rbp\n"
	"  movq %rsp, %rbx\n"                         /* rsp before, kept in memory: */
	"  movq %rbx, 8(%rsp)\n"                      /* rbx is not preserved */
	"  xorl %eax, %eax\n"
	"  pushq %rbp; leaq 1f(%rip), %rcx; pushq %rcx; jmp fiber_switch_jump\n"
	"1: popq %rbp\n"
	"  movq 16(%rsp), %rdx\n"
	"  movq %rbp, 0(%rdx)\n"
	"  movq %rsp, %rcx; subq 8(%rsp), %rcx; movq %rcx, 8(%rdx)\n"
	"  stmxcsr 16(%rdx); fnstcw 24(%rdx)\n"
	"  ldmxcsr (%rsp); fldcw 4(%rsp)\n"
	"  addq $16, %rsp\n"
	"  popq %rdx\n"
	"  popq %r15; popq %r14; popq %r13; popq %r12; popq %rbx; popq %rbp\n"
	"  ret\n");
void regs_round_trip(void **save, void *to, uint64_t *out);

static fiber_ctx main_ctx;
static fiber *f;
static int fails, rounds;

/* Overwrites every register fiber_swap declares clobbered that code may hold
 * values in: general registers and the SSE registers. */
static void clobber_registers(void) {
	__asm__ volatile("movq $-1, %%rbx; movq $-1, %%rcx; movq $-1, %%rdx; movq $-1, %%rsi\n\t"
	                 "movq $-1, %%rdi; movq $-1, %%r8; movq $-1, %%r9; movq $-1, %%r10\n\t"
	                 "movq $-1, %%r11; movq $-1, %%r12; movq $-1, %%r13; movq $-1, %%r14\n\t"
	                 "movq $-1, %%r15\n\t"
	                 "pcmpeqd %%xmm0, %%xmm0; pcmpeqd %%xmm1, %%xmm1; pcmpeqd %%xmm2, %%xmm2\n\t"
	                 "pcmpeqd %%xmm3, %%xmm3; pcmpeqd %%xmm4, %%xmm4; pcmpeqd %%xmm5, %%xmm5\n\t"
	                 "pcmpeqd %%xmm6, %%xmm6; pcmpeqd %%xmm7, %%xmm7; pcmpeqd %%xmm8, %%xmm8\n\t"
	                 "pcmpeqd %%xmm9, %%xmm9; pcmpeqd %%xmm10, %%xmm10; pcmpeqd %%xmm11, %%xmm11\n\t"
	                 "pcmpeqd %%xmm12, %%xmm12; pcmpeqd %%xmm13, %%xmm13; pcmpeqd %%xmm14, %%xmm14\n\t"
	                 "pcmpeqd %%xmm15, %%xmm15"
	                 ::: "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13",
	                 "r14", "r15", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	                 "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

static void clobber(void *arg, void *msg) {
	(void)arg; (void)msg;
	volatile double x = 1.0;
	for (;;) {
		/* A different FP control state than main's, which must stay ours. */
		fesetround(FE_UPWARD);
		unsigned short cw = 0x0b7f; /* x87 round up, like fesetround */
		__asm__ volatile("fldcw %0" ::"m"(cw));
		x = x / 3.0;
		rounds++;
		clobber_registers();
		fiber_swap(&f->ctx, &main_ctx, NULL);
		if (fegetround() != FE_UPWARD) { fprintf(stderr, "fiber lost its rounding mode\n"); fails++; }
	}
}

/* Fourteen integers and sixteen doubles live across each switch (more than
 * there are callee-saved registers, so some would sit in registers the
 * fiber overwrites if the clobber list missed one). */
#define INTS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) X(12) X(13)
#define DOUBLES(X) INTS(X) X(14) X(15)
static __attribute__((noinline)) double live_values(int n, int do_switch) {
#define DECL_I(k) uint64_t i##k = 0x9e3779b97f4a7c15ull * (k + 1);
#define DECL_D(k) double d##k = 1.0 + k;
	INTS(DECL_I) DOUBLES(DECL_D)
	for (int r = 0; r < n; r++) {
		if (do_switch) fiber_swap(&main_ctx, &f->ctx, NULL);
#define STEP_I(k) i##k = i##k * 6364136223846793005ull + k;
#define STEP_D(k) d##k = d##k * 0.75 + k;
		INTS(STEP_I) DOUBLES(STEP_D)
	}
	double sum = 0;
#define SUM_I(k) sum += (double)(i##k >> 11);
#define SUM_D(k) sum += d##k;
	INTS(SUM_I) DOUBLES(SUM_D)
	return sum;
}

/* A signal that lands anywhere in a switch, using plenty of stack: its frame
 * goes below the interrupted sp, which must hold nothing live. */
static volatile long nsignals;
static void on_signal(int sig) {
	(void)sig;
	volatile char scratch[4096];
	memset((char *)scratch, 0x5a, sizeof scratch);
	nsignals++;
}

/* A second thread signals the switching one as fast as it can. */
static pthread_t switcher, signaller;
static atomic_int signalling;
static void *signal_storm(void *arg) {
	(void)arg;
	while (atomic_load(&signalling)) {
		pthread_kill(switcher, SIGPROF);
		for (volatile int i = 0; i < 200; i++) {}
	}
	return NULL;
}

static void start_signal_storm(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGPROF, &sa, NULL);
	switcher = pthread_self();
	atomic_store(&signalling, 1);
	pthread_create(&signaller, NULL, signal_storm, NULL);
}

static void stop_signal_storm(void) {
	atomic_store(&signalling, 0);
	pthread_join(signaller, NULL);
	signal(SIGPROF, SIG_DFL);
}

int main(void) {
	fiber_pool_init(NULL);
	fiber_ctx_init_thread(&main_ctx);
	f = fiber_create(0, clobber, NULL);
	if (!f) { fprintf(stderr, "fiber_create failed\n"); return 1; }
	for (int i = 0; i < 1000; i++) {
		uint64_t out[4] = {0};
		regs_round_trip(&main_ctx.sp, f->ctx.sp, out);
		if (out[0] != 0x2222222222222222) { fprintf(stderr, "rbp = %#llx after switch\n", (unsigned long long)out[0]); fails++; }
		if (out[1] != 0) { fprintf(stderr, "rsp moved by %lld across a switch\n", (long long)out[1]); fails++; }
		if ((uint32_t)out[2] != 0x7f80) { fprintf(stderr, "mxcsr = %#x after switch\n", (unsigned)(uint32_t)out[2]); fails++; }
		if ((uint16_t)out[3] != 0x0c7f) { fprintf(stderr, "x87 cw = %#x after switch\n", (unsigned)(uint16_t)out[3]); fails++; }
		if (fails) break;
	}
	double want = live_values(1000, 0), got = live_values(1000, 1);
	if (got != want) { fprintf(stderr, "live values changed across switches: %.17g, want %.17g\n", got, want); fails++; }
	if (rounds != 2000) { fprintf(stderr, "fiber ran %d rounds, want 2000\n", rounds); fails++; }
	/* The same under a storm of signals: the switch is interruptible anywhere.
	 * Rounds of 100,000 switches until 10,000 signals came, or 50 rounds (the
	 * signalling thread gets little CPU on a loaded machine). */
	want = live_values(100000, 0);
	start_signal_storm();
	for (int round = 0; round < 50 && nsignals < 10000 && !fails; round++) {
		got = live_values(100000, 1);
		if (got != want) { fprintf(stderr, "live values changed across switches under signals: %.17g, want %.17g\n", got, want); fails++; }
	}
	stop_signal_storm();
	if (nsignals == 0) { fprintf(stderr, "no signal arrived during the switches\n"); fails++; }
	if (fails) return 1;
	printf("ok (%ld signals during switches)\n", nsignals);
	return 0;
}
