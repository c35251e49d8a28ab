//go:build ignore
/*
 * fiber_switch.S: the x86-64 System V context switch. Only callee-saved state
 * needs saving (the call itself clobbers the rest): rbx, rbp, r12-r15, the
 * stack pointer, the MXCSR (SSE rounding/exceptions) and the x87 control word.
 *
 * Frame of a suspended context, from its saved sp upwards:
 *   +0 mxcsr (4) +4 x87 cw (2) +8 pad   +16 r15 +24 r14 +32 r13 +40 r12
 *   +48 rbx +56 rbp +64 return address
 */
	.text

/* void *fiber_switch(void **save_sp, void *to_sp, void *msg) */
	.globl	fiber_switch
	.type	fiber_switch, @function
	.p2align 4
fiber_switch:
	.cfi_startproc
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$16, %rsp
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
2:	movq	%rsi, %rsp
	addq	$16, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdx, %rax
	ret
1:	ldmxcsr	(%rsi)
	fldcw	4(%rsi)
	jmp	2b
	.cfi_endproc
	.size	fiber_switch, .-fiber_switch

/* First code of a new fiber: entry (r12) called with (arg = r13, msg = rax).
 * The entry never returns; the zero return address above ends unwinding. */
	.globl	fiber_trampoline
	.type	fiber_trampoline, @function
	.p2align 4
fiber_trampoline:
	.cfi_startproc
	.cfi_undefined rip
	movq	%r13, %rdi
	movq	%rax, %rsi
	xorl	%ebp, %ebp
	call	*%r12
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
