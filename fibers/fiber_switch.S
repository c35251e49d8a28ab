//go:build ignore
/*
 * fiber_switch.S: the shared half of the x86-64 context switch. fiber_swap
 * (fiber.h) is inline assembly at each switch site: it declares every
 * register it does not save clobbered (the compiler saves what is live, as
 * around a call), pushes rbp and its resume address, and jumps here. No
 * call/ret pair crosses the two stacks, so the return stack buffer stays
 * balanced and the resume is an indirect jump the predictor learns; a ret
 * into the other stack's caller mispredicted on every switch (~4 ns).
 *
 * Frame of a suspended context, from its saved sp upwards:
 *   +0 mxcsr (4) +4 x87 cw (2) +6 pad   +8 resume address   +16 rbp
 * A new fiber's frame (fiber_reset) resumes at fiber_trampoline instead and
 * holds the entry and its argument where rbp would be.
 */
	.text

/* Entered by jmp with rdi = &save_sp, rsi = to_sp, rax = msg (handed over
 * untouched); the resume address is on top of the stack. */
	.globl	fiber_switch_jump
	.hidden	fiber_switch_jump /* jumped to directly, also from inside a shared object */
	.type	fiber_switch_jump, @function
	.p2align 4
fiber_switch_jump:
	.cfi_startproc /* to an unwinder, the resume address is a return address */
	subq	$8, %rsp
	.cfi_adjust_cfa_offset 8
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	/* Loading the control words is slow; skip it when the target's saved
	 * words equal ours (compared before the switch: the target's are read
	 * into registers, ours straight from where they were just stored). */
	movl	(%rsi), %r8d
	movzwl	4(%rsi), %r9d
	cmpl	(%rsp), %r8d
	jne	1f
	cmpw	4(%rsp), %r9w
	jne	1f
2:	leaq	8(%rsi), %rsp
	popq	%rcx
	jmp	*%rcx
1:	ldmxcsr	(%rsi)
	fldcw	4(%rsi)
	jmp	2b
	.cfi_endproc
	.size	fiber_switch_jump, .-fiber_switch_jump

/* First code of a new fiber: calls entry(arg, msg), both popped from the
 * frame fiber_reset built, msg in rax. The entry never returns; the
 * undefined return address ends unwinding here. */
	.globl	fiber_trampoline
	.hidden	fiber_trampoline
	.type	fiber_trampoline, @function
	.p2align 4
fiber_trampoline:
	.cfi_startproc
	.cfi_undefined rip
	popq	%rcx
	popq	%rdi
	movq	%rax, %rsi
	xorl	%ebp, %ebp
	call	*%rcx
	ud2
	.cfi_endproc
	.size	fiber_trampoline, .-fiber_trampoline

/* void fiber_call_spilled(void (*fn)(void *arg, void *sp), void *arg) */
	.globl	fiber_call_spilled
	.type	fiber_call_spilled, @function
	.p2align 4
fiber_call_spilled:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	pushq	%rbx
	.cfi_def_cfa_offset 24
	pushq	%r12
	.cfi_def_cfa_offset 32
	pushq	%r13
	.cfi_def_cfa_offset 40
	pushq	%r14
	.cfi_def_cfa_offset 48
	pushq	%r15
	.cfi_def_cfa_offset 56
	subq	$8, %rsp
	.cfi_def_cfa_offset 64
	movq	%rdi, %rax
	movq	%rsi, %rdi
	leaq	8(%rsp), %rsi
	call	*%rax
	addq	$8, %rsp
	.cfi_def_cfa_offset 56
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.size	fiber_call_spilled, .-fiber_call_spilled

/* void fiber_call_on_stack(void (*fn)(void *arg), void *arg, void *stack_top) */
	.globl	fiber_call_on_stack
	.type	fiber_call_on_stack, @function
	.p2align 4
fiber_call_on_stack:
	.cfi_startproc
	pushq	%rbp
	.cfi_def_cfa_offset 16
	.cfi_offset rbp, -16
	movq	%rsp, %rbp
	.cfi_def_cfa_register rbp
	movq	%rdi, %rax
	movq	%rsi, %rdi
	movq	%rdx, %rsp
	call	*%rax
	movq	%rbp, %rsp
	popq	%rbp
	.cfi_def_cfa rsp, 8
	ret
	.cfi_endproc
	.size	fiber_call_on_stack, .-fiber_call_on_stack

	.section .note.GNU-stack,"",@progbits
