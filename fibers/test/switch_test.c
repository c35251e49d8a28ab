/* Register preservation of fiber_switch: callee-saved registers, MXCSR and the
 * x87 control word survive a round trip through a fiber that clobbers them. */
#include "fiber.h"
#include <fenv.h>
#include <stdio.h>
#include <stdlib.h>

/* uint64_t regs_round_trip(void **save, void *to, uint64_t *out): loads known
 * patterns into rbx, rbp, r12-r15, a non-default MXCSR and x87 control word,
 * switches away, and stores what it finds on return into out[0..7]. */
__asm__(
	".text\n.globl regs_round_trip\n.type regs_round_trip,@function\n"
	"regs_round_trip:\n"
	"  pushq %rbp; pushq %rbx; pushq %r12; pushq %r13; pushq %r14; pushq %r15\n"
	"  pushq %rdx\n"
	"  subq $16, %rsp\n"
	"  stmxcsr (%rsp); fnstcw 4(%rsp)\n"         /* originals */
	"  movl $0x7f80, 8(%rsp); ldmxcsr 8(%rsp)\n"  /* round toward zero */
	"  movw $0x0c7f, 8(%rsp); fldcw 8(%rsp)\n"    /* x87: truncate, double precision off */
	"  movabsq $0x1111111111111111, %rbx\n"
	"  movabsq $0x2222222222222222, %rbp\n"
	"  movabsq $0x3333333333333333, %r12\n"
	"  movabsq $0x4444444444444444, %r13\n"
	"  movabsq $0x5555555555555555, %r14\n"
	"  movabsq $0x6666666666666666, %r15\n"
	"  xorl %edx, %edx\n"
	"  call fiber_switch\n"
	"  movq 16(%rsp), %rdx\n"
	"  movq %rbx, 0(%rdx); movq %rbp, 8(%rdx); movq %r12, 16(%rdx)\n"
	"  movq %r13, 24(%rdx); movq %r14, 32(%rdx); movq %r15, 40(%rdx)\n"
	"  stmxcsr 48(%rdx); fnstcw 56(%rdx)\n"
	"  ldmxcsr (%rsp); fldcw 4(%rsp)\n"
	"  addq $16, %rsp\n"
	"  popq %rdx\n"
	"  popq %r15; popq %r14; popq %r13; popq %r12; popq %rbx; popq %rbp\n"
	"  ret\n");
void regs_round_trip(void **save, void *to, uint64_t *out);

static fiber_ctx main_ctx;
static fiber *f;
static int fails, rounds;

static void clobber(void *arg, void *msg) {
	(void)arg; (void)msg;
	volatile double x = 1.0;
	for (;;) {
		/* Clobber every callee-saved register and the FP control state. */
		fesetround(FE_UPWARD);
		unsigned short cw = 0x0b7f; /* x87 round up, like fesetround */
		__asm__ volatile("fldcw %0" ::"m"(cw));
		__asm__ volatile("xorl %%ebx,%%ebx; xorl %%r12d,%%r12d; xorl %%r13d,%%r13d; xorl %%r14d,%%r14d; xorl %%r15d,%%r15d"
		                 ::: "rbx", "r12", "r13", "r14", "r15");
		x = x / 3.0;
		rounds++;
		fiber_swap(&f->ctx, &main_ctx, NULL);
		if (fegetround() != FE_UPWARD) { fprintf(stderr, "fiber lost its rounding mode\n"); fails++; }
	}
}

int main(void) {
	fiber_pool_init(NULL);
	fiber_ctx_init_thread(&main_ctx);
	f = fiber_create(0, clobber, NULL);
	if (!f) { fprintf(stderr, "fiber_create failed\n"); return 1; }
	static const uint64_t want[6] = {0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
	                                 0x4444444444444444, 0x5555555555555555, 0x6666666666666666};
	static const char *names[6] = {"rbx", "rbp", "r12", "r13", "r14", "r15"};
	for (int i = 0; i < 1000; i++) {
		uint64_t out[8] = {0};
		regs_round_trip(&main_ctx.sp, f->ctx.sp, out);
		for (int r = 0; r < 6; r++)
			if (out[r] != want[r]) { fprintf(stderr, "%s = %#llx after switch\n", names[r], (unsigned long long)out[r]); fails++; }
		if ((uint32_t)out[6] != 0x7f80) { fprintf(stderr, "mxcsr = %#x after switch\n", (unsigned)(uint32_t)out[6]); fails++; }
		if ((uint16_t)out[7] != 0x0c7f) { fprintf(stderr, "x87 cw = %#x after switch\n", (unsigned)(uint16_t)out[7]); fails++; }
		if (fails) break;
	}
	if (rounds != 1000) { fprintf(stderr, "fiber ran %d rounds, want 1000\n", rounds); fails++; }
	if (fails) return 1;
	printf("ok\n");
	return 0;
}
