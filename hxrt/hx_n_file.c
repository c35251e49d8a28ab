//go:build ignore

/* hx_n_file.c: sys.io.File natives on stdio. A file handle is a finalizable
 * GC block (the finalizer closes the FILE); the std handles are never closed
 * by the finalizer. */
#define _FILE_OFFSET_BITS 64
#include "hx_natives.h"
#include <errno.h>
#include <stdio.h>

struct hxn_file {
	void (*finalize)(hxn_file *);
	FILE *f;
};

static void file_finalize(hxn_file *f) {
	if (f->f) fclose(f->f);
	f->f = NULL;
}

/* Retry when a signal interrupted the call. */
static size_t fread_retry(void *buf, size_t n, FILE *f) {
	size_t r;
	do r = fread(buf, 1, n, f);
	while (r == 0 && ferror(f) && errno == EINTR && (clearerr(f), 1));
	return r;
}

static size_t fwrite_retry(const void *buf, size_t n, FILE *f) {
	size_t r;
	do r = fwrite(buf, 1, n, f);
	while (r == 0 && n && ferror(f) && errno == EINTR && (clearerr(f), 1));
	return r;
}

hxn_file *hxn_std_file_open(vbyte *name, int32_t mode, bool binary) {
	static const char *modes[] = {"r", "w", "a", "r+", "rb", "wb", "ab", "rb+"};
	int m = (mode & 3) | (binary ? 4 : 0);
	FILE *f = fopen((const char *)name, modes[m]);
	if (!f) return NULL;
	hxn_file *fd = (hxn_file *)hx_gc_alloc(sizeof(hxn_file), HX_MEM_FINALIZER);
	fd->finalize = file_finalize;
	fd->f = f;
	return fd;
}

void hxn_std_file_close(hxn_file *f) {
	if (!f) return;
	if (f->f) fclose(f->f);
	f->f = NULL;
	f->finalize = NULL;
}

int32_t hxn_std_file_write(hxn_file *f, vbyte *buf, int32_t pos, int32_t len) {
	if (!f || !f->f) return -1;
	HXN_BLOCKING_BEGIN();
	size_t r = fwrite_retry(buf + pos, (size_t)len, f->f);
	HXN_BLOCKING_END();
	return (int32_t)r;
}

int32_t hxn_std_file_read(hxn_file *f, vbyte *buf, int32_t pos, int32_t len) {
	if (!f || !f->f) return -1;
	HXN_BLOCKING_BEGIN();
	size_t r = fread_retry(buf + pos, (size_t)len, f->f);
	HXN_BLOCKING_END();
	return (int32_t)r;
}

bool hxn_std_file_write_char(hxn_file *f, int32_t c) {
	unsigned char cc = (unsigned char)c;
	if (!f || !f->f) return false;
	HXN_BLOCKING_BEGIN();
	size_t r = fwrite_retry(&cc, 1, f->f);
	HXN_BLOCKING_END();
	return r == 1;
}

int32_t hxn_std_file_read_char(hxn_file *f) {
	unsigned char cc;
	if (!f || !f->f) return -2;
	HXN_BLOCKING_BEGIN();
	size_t r = fread_retry(&cc, 1, f->f);
	HXN_BLOCKING_END();
	return r == 1 ? cc : -2;
}

bool hxn_std_file_seek(hxn_file *f, int32_t pos, int32_t kind) {
	if (!f || !f->f) return false;
	return fseeko(f->f, pos, kind) == 0;
}

int32_t hxn_std_file_tell(hxn_file *f) {
	if (!f || !f->f) return -1;
	return (int32_t)ftello(f->f);
}

bool hxn_std_file_seek2(hxn_file *f, double pos, int32_t kind) {
	if (!f || !f->f) return false;
	return fseeko(f->f, (off_t)pos, kind) == 0;
}

double hxn_std_file_tell2(hxn_file *f) {
	if (!f || !f->f) return -1;
	return (double)ftello(f->f);
}

bool hxn_std_file_eof(hxn_file *f) {
	if (!f || !f->f) return true;
	return feof(f->f) != 0;
}

bool hxn_std_file_flush(hxn_file *f) {
	if (!f || !f->f) return false;
	HXN_BLOCKING_BEGIN();
	int r = fflush(f->f);
	HXN_BLOCKING_END();
	return r == 0;
}

static hxn_file *std_handle(FILE *f) {
	hxn_file *h = (hxn_file *)hx_gc_alloc(sizeof(hxn_file), HX_MEM_NOPTR);
	h->f = f;
	return h;
}

hxn_file *hxn_std_file_stdin(void) { return std_handle(stdin); }
hxn_file *hxn_std_file_stdout(void) { return std_handle(stdout); }
hxn_file *hxn_std_file_stderr(void) { return std_handle(stderr); }

/* Whole file. With a size ref the buffer is exactly the file; without, it
 * gets a final 0 (UTF-8 text). NULL if it cannot be opened or read. */
vbyte *hxn_std_file_contents(vbyte *name, int32_t *size) {
	FILE *f = fopen((const char *)name, "rb");
	if (!f) return NULL;
	HXN_BLOCKING_BEGIN();
	fseeko(f, 0, SEEK_END);
	long len = (long)ftello(f);
	fseeko(f, 0, SEEK_SET);
	HXN_BLOCKING_END();
	if (len < 0) {
		fclose(f);
		return NULL;
	}
	if (size) *size = (int32_t)len;
	vbyte *content = (vbyte *)hx_gc_alloc((size_t)(size ? len : len + 1), HX_MEM_NOPTR);
	long p = 0;
	HXN_BLOCKING_BEGIN();
	while (p < len) {
		size_t d = fread_retry(content + p, (size_t)(len - p), f);
		if (d == 0) {
			fclose(f);
			HXN_BLOCKING_END();
			return NULL;
		}
		p += (long)d;
	}
	fclose(f);
	HXN_BLOCKING_END();
	return content;
}

bool hxn_std_file_is_locked(vbyte *name) {
	(void)name;
	return false;
}

int32_t hxn_std_file_error_code(void) { return errno; }
