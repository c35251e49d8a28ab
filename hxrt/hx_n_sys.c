//go:build ignore

/* hx_n_sys.c: Sys natives: printing, exit, arguments, environment, clocks,
 * the file system and the terminal. Paths and environment strings are UTF-8
 * C strings (sys_utf8_path is true). */
#include "hx_natives.h"
#include "job.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define PR_AUTO_FLUSH 2
static int print_flags = PR_AUTO_FLUSH;

bool hxn_std_sys_utf8_path(void) { return true; }

int32_t hxn_std_sys_set_flags(int32_t flags) { return print_flags = flags; }

/* Sys.println is two prints, the text and then "\n", and fibers on other
 * threads must not print between them. So a print that leaves its line open
 * is held back, per thread, and goes out with the thread's next print in one
 * locked write; or sooner, when the thread's fiber switches or blocks or its
 * job ends (hxn_print_flush). Each thread's output keeps its order. */
#define HELD_MAX 4096
static __thread char held[HELD_MAX];
__thread int hxn_print_held;

static void write_out(const char *a, int na, const char *b, int nb) {
	HXN_BLOCKING_BEGIN(); /* flushes nothing: the caller took what was held */
	flockfile(stdout);
	if (na) fwrite_unlocked(a, 1, (size_t)na, stdout);
	if (nb) fwrite_unlocked(b, 1, (size_t)nb, stdout);
	if (print_flags & PR_AUTO_FLUSH) fflush_unlocked(stdout);
	funlockfile(stdout);
	HXN_BLOCKING_END();
}

void hxn_print_flush(void) {
	int n = hxn_print_held;
	if (!n) return;
	hxn_print_held = 0;
	write_out(held, n, NULL, 0);
}

void hxn_std_sys_print(vbyte *msg) {
	int n;
	char *s = hxn_ustr_to_utf8((const hx_uchar *)msg, &n);
	int h = hxn_print_held;
	if (n > 0 && s[n - 1] != '\n' && h + n <= HELD_MAX) {
		memcpy(held + h, s, (size_t)n);
		hxn_print_held = h + n;
		return;
	}
	hxn_print_held = 0;
	write_out(held, h, s, n);
}

HX_NORETURN void hxn_std_sys_exit(int32_t code) {
	hxn_print_flush();
	fflush(stdout);
	fflush(stderr);
	exit(code);
}

/* hx_main keeps the arguments after the program name in hx_argc/hx_argv. */
varray *hxn_std_sys_args(void) {
	int n = hx_argc > 0 ? hx_argc : 0;
	varray *a = hx_alloc_array(&hxt_bytes, n);
	for (int i = 0; i < n; i++) hx_aptr(a, char *)[i] = hx_argv[i];
	return a;
}

double hxn_std_sys_time(void) {
	struct timeval tv;
	if (gettimeofday(&tv, NULL) != 0) return 0.;
	return (double)tv.tv_sec + (double)tv.tv_usec / 1000000.0;
}

int64_t hxn_std_sys_timestamp_ms(void) {
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts)) return 0;
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static double clock_sec(clockid_t id) {
	struct timespec ts;
	if (clock_gettime(id, &ts)) return 0.;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double hxn_std_sys_cpu_time(void) { return clock_sec(CLOCK_PROCESS_CPUTIME_ID); }
double hxn_std_sys_thread_cpu_time(void) { return clock_sec(CLOCK_THREAD_CPUTIME_ID); }

/* On a fiber the fiber sleeps and its worker runs other work meanwhile
 * (Sys.sleep(0) lets the others run once). */
void hxn_std_sys_sleep(double f) {
	struct timespec t;
	if (!(f > 0)) {
		if (f == 0 && job_current_fiber()) job_yield();
		return;
	}
	if (job_current_fiber()) {
		job_sleep_ns(f >= 9e9 ? INT64_MAX / 2 : (int64_t)(f * 1e9));
		return;
	}
	t.tv_sec = (time_t)f;
	t.tv_nsec = (long)((f - (double)t.tv_sec) * 1e9);
	HXN_BLOCKING_BEGIN();
	while (nanosleep(&t, &t) != 0 && errno == EINTR) {}
	HXN_BLOCKING_END();
}

vbyte *hxn_std_sys_get_env(vbyte *k) { return hxn_cstr_dup(getenv((const char *)k)); }

bool hxn_std_sys_put_env(vbyte *k, vbyte *v) {
	if (v == NULL) return unsetenv((const char *)k) == 0;
	return setenv((const char *)k, (const char *)v, 1) == 0;
}

varray *hxn_std_sys_env(void) {
	int count = 0;
	for (char **e = environ; e && *e; e++)
		if (strchr(*e, '=')) count++;
	varray *a = hx_alloc_array(&hxt_bytes, count * 2);
	vbyte **out = hx_aptr(a, vbyte *);
	int p = 0;
	for (char **e = environ; e && *e && p < count * 2; e++) {
		char *x = strchr(*e, '=');
		if (!x) continue;
		vbyte *key = hxn_copy_bytes(*e, (int)(x - *e) + 1);
		key[x - *e] = 0;
		out[p++] = key;
		HX_WB(a, key);
		out[p] = hxn_cstr_dup(x + 1);
		HX_WB(a, out[p]);
		p++;
	}
	return a;
}

vbyte *hxn_std_sys_get_cwd(void) {
	char buf[PATH_MAX + 2];
	if (getcwd(buf, PATH_MAX) == NULL) return NULL;
	size_t l = strlen(buf);
	if (l == 0 || buf[l - 1] != '/') buf[l] = '/', buf[l + 1] = 0;
	return hxn_cstr_dup(buf);
}

bool hxn_std_sys_set_cwd(vbyte *d) { return chdir((const char *)d) == 0; }

vbyte *hxn_std_sys_string(void) {
	static const hx_uchar linux_name[] = {'L', 'i', 'n', 'u', 'x', 0};
	return (vbyte *)linux_name;
}

vbyte *hxn_std_sys_locale(void) { return hxn_cstr_dup(getenv("LANG")); }

bool hxn_std_sys_set_time_locale(vbyte *l) {
	locale_t lc = newlocale(LC_TIME_MASK, (const char *)l, NULL);
	if (lc == (locale_t)0) return false;
	locale_t old = uselocale(lc);
	if (old == (locale_t)0) {
		freelocale(lc);
		return false;
	}
	if (old != LC_GLOBAL_LOCALE) freelocale(old);
	return true;
}

int32_t hxn_std_sys_command(vbyte *cmd) {
	HXN_BLOCKING_BEGIN();
	int status = system((const char *)cmd);
	HXN_BLOCKING_END();
	return WEXITSTATUS(status) | (WTERMSIG(status) << 8);
}

bool hxn_std_sys_exists(vbyte *p) {
	struct stat st;
	return stat((const char *)p, &st) == 0;
}

bool hxn_std_sys_delete(vbyte *p) { return unlink((const char *)p) == 0; }
bool hxn_std_sys_rename(vbyte *p, vbyte *n) { return rename((const char *)p, (const char *)n) == 0; }

varray *hxn_std_sys_stat(vbyte *p) {
	struct stat s;
	if (stat((const char *)p, &s) != 0) return NULL;
	varray *a = hx_alloc_array(&hxt_i32, 12);
	int32_t *i = hx_aptr(a, int32_t);
	i[0] = (int32_t)s.st_gid;
	i[1] = (int32_t)s.st_uid;
	i[2] = (int32_t)s.st_atime;
	i[3] = (int32_t)s.st_mtime;
	i[4] = (int32_t)s.st_ctime;
	i[5] = (int32_t)s.st_size;
	i[6] = (int32_t)s.st_dev;
	i[7] = (int32_t)s.st_ino;
	i[8] = (int32_t)s.st_nlink;
	i[9] = (int32_t)s.st_rdev;
	i[10] = (int32_t)s.st_mode;
	return a;
}

bool hxn_std_sys_is_dir(vbyte *p) {
	struct stat s;
	return stat((const char *)p, &s) == 0 && S_ISDIR(s.st_mode);
}

bool hxn_std_sys_create_dir(vbyte *p, int32_t mode) { return mkdir((const char *)p, (mode_t)mode) == 0; }
bool hxn_std_sys_remove_dir(vbyte *p) { return rmdir((const char *)p) == 0; }

varray *hxn_std_sys_read_dir(vbyte *p) {
	DIR *d = opendir((const char *)p);
	if (!d) return NULL;
	int n = 0, cap = 0;
	char **names = NULL;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' && (e->d_name[1] == 0 || (e->d_name[1] == '.' && e->d_name[2] == 0))) continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = (char **)realloc(names, sizeof(char *) * (size_t)cap);
			if (!names) abort();
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	varray *a = hx_alloc_array(&hxt_bytes, n);
	for (int i = 0; i < n; i++) {
		vbyte *s = hxn_cstr_dup(names[i]);
		hx_aptr(a, vbyte *)[i] = s;
		HX_WB(a, s);
		free(names[i]);
	}
	free(names);
	return a;
}

vbyte *hxn_std_sys_full_path(vbyte *p) {
	char buf[PATH_MAX];
	if (realpath((const char *)p, buf) == NULL) return NULL;
	return hxn_cstr_dup(buf);
}

vbyte *hxn_std_sys_exe_path(void) {
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n < 0) return hxn_cstr_dup(getenv("_"));
	path[n] = 0;
	return hxn_cstr_dup(path);
}

/* A native program has no .hl file: Sys.programPath() gives the executable. */
vbyte *hxn_std_sys_hl_file(void) { return hxn_std_sys_exe_path(); }

int32_t hxn_std_sys_get_char(bool echo) {
	struct termios term, old;
	bool tty = tcgetattr(fileno(stdin), &old) == 0;
	if (tty) {
		term = old;
		cfmakeraw(&term);
		tcsetattr(fileno(stdin), 0, &term);
	}
	HXN_BLOCKING_BEGIN();
	int c = getchar();
	HXN_BLOCKING_END();
	if (tty) tcsetattr(fileno(stdin), 0, &old);
	if (echo) fputc(c, stdout);
	return c;
}

int32_t hxn_std_sys_getpid(void) { return (int32_t)getpid(); }

double hxn_std_sys_process_memory(void) {
	long pages = 0, rss = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f) return 0.;
	if (fscanf(f, "%ld %ld", &pages, &rss) != 2) rss = 0;
	fclose(f);
	return (double)rss * (double)sysconf(_SC_PAGESIZE);
}

bool hxn_std_sys_has_debugger(void) { return false; }

/* HashLink VM hooks that mean nothing for a native program. */
bool hxn_std_sys_check_reload(vbyte *alt) {
	(void)alt;
	return false;
}
void hxn_std_sys_profile_event(int32_t code, vbyte *data, int32_t len) { (void)code, (void)data, (void)len; }
void hxn_std_sys_vtune_init(void) {}
bool hxn_std_sys_load_plugin(vbyte *file) {
	(void)file;
	return false;
}
vdynamic *hxn_std_sys_resolve_type(hx_type *t, hx_type *gt) {
	(void)t, (void)gt;
	return NULL;
}
vbyte *hxn_std_sys_special(vbyte *key) {
	(void)key;
	hx_error("Unknown sys_special key");
}
