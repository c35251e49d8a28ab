//go:build ignore

/* hx_n_process.c: sys.io.Process natives: fork/exec with three pipes. The
 * handle is a finalizable GC block (the finalizer closes the pipes). */
#include "hx_natives.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

struct hxn_process {
	void (*finalize)(hxn_process *);
	int oread, eread, iwrite;
	int pid;
};

static void process_finalize(hxn_process *p) {
	close(p->eread);
	close(p->oread);
	if (p->iwrite >= 0) close(p->iwrite);
}

/* args NULL: run cmd through /bin/sh -c. Otherwise args are C strings. */
hxn_process *hxn_std_process_run(vbyte *cmd, varray *vargs, bool detached) {
	(void)detached;
	char **argv;
	char *sh[4] = {"/bin/sh", "-c", (char *)cmd, NULL};
	if (!vargs) argv = sh;
	else {
		if (vargs->at->kind != HX_BYTES) return NULL;
		argv = (char **)malloc(sizeof(char *) * ((size_t)vargs->size + 2));
		if (!argv) return NULL;
		argv[0] = (char *)cmd;
		for (int i = 0; i < vargs->size; i++) argv[i + 1] = hx_aptr(vargs, char *)[i];
		argv[vargs->size + 1] = NULL;
	}
	int in[2], out[2], err[2];
	if (pipe(in)) goto fail0;
	if (pipe(out)) goto fail1;
	if (pipe(err)) goto fail2;
	hxn_process *p = (hxn_process *)hx_gc_alloc(sizeof(hxn_process), HX_MEM_FINALIZER);
	/* the child only execs or writes this and _exits: nothing that locks */
	char notfound[512];
	int nlen = snprintf(notfound, sizeof notfound, "Command not found : %s\n", (char *)cmd);
	if (nlen < 0 || nlen >= (int)sizeof notfound) nlen = (int)sizeof notfound - 1;
	fflush(stdout);
	fflush(stderr);
	p->pid = fork();
	if (p->pid == -1) {
		close(err[0]), close(err[1]);
		goto fail2;
	}
	if (p->pid == 0) {
		close(in[1]), close(out[0]), close(err[0]);
		dup2(in[0], 0), dup2(out[1], 1), dup2(err[1], 2);
		execvp(argv[0], argv);
		if (write(2, notfound, (size_t)nlen) < 0) _exit(1);
		_exit(1);
	}
	close(in[0]), close(out[1]), close(err[1]);
	p->iwrite = in[1];
	p->oread = out[0];
	p->eread = err[0];
	p->finalize = process_finalize;
	if (argv != sh) free(argv);
	return p;
fail2:
	close(out[0]), close(out[1]);
fail1:
	close(in[0]), close(in[1]);
fail0:
	if (argv != sh) free(argv);
	return NULL;
}

static int32_t pread_fd(int fd, vbyte *buf, int32_t pos, int32_t len) {
	ssize_t n;
	HXN_BLOCKING_BEGIN();
	do n = read(fd, buf + pos, (size_t)len);
	while (n == -1 && errno == EINTR);
	HXN_BLOCKING_END();
	return n <= 0 ? -1 : (int32_t)n;
}

int32_t hxn_std_process_stdout_read(hxn_process *p, vbyte *buf, int32_t pos, int32_t len) {
	return pread_fd(p->oread, buf, pos, len);
}

int32_t hxn_std_process_stderr_read(hxn_process *p, vbyte *buf, int32_t pos, int32_t len) {
	return pread_fd(p->eread, buf, pos, len);
}

int32_t hxn_std_process_stdin_write(hxn_process *p, vbyte *buf, int32_t pos, int32_t len) {
	ssize_t n;
	HXN_BLOCKING_BEGIN();
	do n = write(p->iwrite, buf + pos, (size_t)len);
	while (n == -1 && errno == EINTR);
	HXN_BLOCKING_END();
	return n < 0 ? -1 : (int32_t)n;
}

bool hxn_std_process_stdin_close(hxn_process *p) {
	if (close(p->iwrite)) return false;
	p->iwrite = -1;
	return true;
}

/* running NULL: wait. Otherwise poll: *running tells whether it still runs. */
int32_t hxn_std_process_exit(hxn_process *p, bool *running) {
	int status = 0;
	HXN_BLOCKING_BEGIN();
	int r;
	do r = waitpid(p->pid, &status, running ? WNOHANG : 0);
	while (r == -1 && errno == EINTR);
	HXN_BLOCKING_END();
	if (running) *running = false;
	if (r != p->pid) {
		if (running) {
			if (r == 0) *running = true;
			return 0;
		}
		return -1;
	}
	if (!WIFEXITED(status)) {
		if (WIFSIGNALED(status)) return 0x40000000 | WTERMSIG(status);
		return -2;
	}
	return WEXITSTATUS(status);
}

int32_t hxn_std_process_pid(hxn_process *p) { return p->pid; }

void hxn_std_process_close(hxn_process *p) {
	if (!p->finalize) return;
	p->finalize = NULL;
	process_finalize(p);
}

void hxn_std_process_kill(hxn_process *p) { kill(p->pid, SIGKILL); }
