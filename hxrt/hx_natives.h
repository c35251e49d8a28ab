/*
 * hx_natives.h: private header of the library natives (hxrt/hx_n_*.c).
 *
 * A native (lib, name) of the bytecode is the C function hxn_<lib>_<name>
 * with the C types of its HL signature (see the brief). Generated code
 * declares the natives itself; this header only gives the natives' files
 * common helpers and checks their definitions against one prototype.
 *
 * Strings cross the boundary as 0-terminated UTF-16 (hx_uchar) buffers passed
 * as uint8_t*; paths, environment and argv as UTF-8 C strings (sys_utf8_path
 * is true). Returned buffers are fresh NOPTR GC blocks unless said otherwise.
 * Abstract handles are GC blocks: HX_MEM_FINALIZER when they own an OS
 * resource (first word = finalizer), HX_MEM_RAW when they hold GC pointers.
 */
#ifndef HX_NATIVES_H
#define HX_NATIVES_H

#include "hx.h"

typedef uint8_t vbyte;

/* ---- provided by core: the program arguments after the program name ------ */
extern int hx_argc;
extern char **hx_argv;

/* ---- blocking regions ---------------------------------------------------- */
/* A native that may block (I/O, sleep, waits) brackets the blocking part so a
 * collection need not wait for it (the collector's safe region, made
 * nestable: hl.Gc.blocking may already be in one). Inside, GC memory is
 * touched only through buffers the caller keeps alive (blocks do not move)
 * and nothing is allocated. */
void hxn_blocking(bool on); /* hx_n_gc.c */
/* A line left open by Sys.print is held per thread (hx_n_sys.c); it goes out
 * before anything blocks or switches fibers. */
extern __thread int hxn_print_held;
void hxn_print_flush(void);
static inline void hxn_print_flush_held(void) {
	if (HX_UNLIKELY(hxn_print_held)) hxn_print_flush();
}
#define HXN_BLOCKING_BEGIN() hxn_blocking(true)
#define HXN_BLOCKING_END() hxn_blocking(false)

/* ---- shared helpers (hx_n_string.c) -------------------------------------- */
vbyte *hxn_copy_bytes(const void *p, int size);
int hxn_ustrlen(const hx_uchar *s);
int hxn_ucmp(const hx_uchar *a, const hx_uchar *b);
/* Length in UTF-16 units of the 0-terminated UTF-8 text s (HL's rules). */
int hxn_utf8_length(const vbyte *s);
/* Decode UTF-8 into out (ulen units from hxn_utf8_length), 0-terminated. */
void hxn_from_utf8(hx_uchar *out, int ulen, const char *s);
/* New UTF-16 copy of a UTF-8 C string (NULL stays NULL). */
hx_uchar *hxn_utf8_to_ustr(const char *s);
/* New UTF-8 copy of a 0-terminated UTF-16 string; *size gets the byte count. */
char *hxn_ustr_to_utf8(const hx_uchar *s, int *size);
/* New GC copy of a C string, 0 included (for natives returning C strings). */
vbyte *hxn_cstr_dup(const char *s);
/* Throw the message (UTF-16) as a boxed bytes value, like hx_error. */
HX_NORETURN void hxn_throw_ustr(hx_uchar *msg);
/* Field-name hash without the name cache (StringMap keys). */
int32_t hxn_hash(const hx_uchar *s);
/* Per-unit case mapping with HashLink's table (hx_n_unicase.c). */
hx_uchar hxn_case_upper(hx_uchar c);
hx_uchar hxn_case_lower(hx_uchar c);

/* Growable UTF-16 buffer on the C heap. */
typedef struct hxn_ubuf {
	hx_uchar *p;
	int len, cap;
} hxn_ubuf;
void hxn_ubuf_add(hxn_ubuf *b, hx_uchar c);
void hxn_ubuf_adds(hxn_ubuf *b, const hx_uchar *s);
void hxn_ubuf_addc(hxn_ubuf *b, const char *s); /* ASCII/UTF-8 */
/* GC copy (0-terminated) of the contents; frees the C buffer. */
vbyte *hxn_ubuf_finish(hxn_ubuf *b, int32_t *len);

/* ---- bytes, strings, numbers --------------------------------------------- */
vbyte *hxn_std_alloc_bytes(int32_t size);
void hxn_std_bytes_blit(vbyte *dst, int32_t dpos, vbyte *src, int32_t spos, int32_t len);
int32_t hxn_std_bytes_compare(vbyte *a, int32_t apos, vbyte *b, int32_t bpos, int32_t len);
int32_t hxn_std_bytes_compare16(vbyte *a, vbyte *b, int32_t len);
int32_t hxn_std_string_compare(vbyte *a, vbyte *b, int32_t len);
void hxn_std_bytes_fill(vbyte *b, int32_t pos, int32_t len, int32_t value);
int32_t hxn_std_bytes_find(vbyte *where, int32_t pos, int32_t len, vbyte *which, int32_t wpos, int32_t wlen);
int32_t hxn_std_bytes_rfind(vbyte *where, int32_t len, vbyte *which, int32_t wlen);
vbyte *hxn_std_bytes_offset(vbyte *src, int32_t offset);
int32_t hxn_std_bytes_subtract(vbyte *a, vbyte *b);
int32_t hxn_std_bytes_address(vbyte *a, int32_t *high);
vbyte *hxn_std_bytes_from_address(int32_t low, int32_t high);
int64_t hxn_std_bytes_address64(vbyte *a);
vbyte *hxn_std_bytes_from_address64(int64_t v);
void hxn_std_bsort_i32(vbyte *b, int32_t pos, int32_t len, vclosure *cmp);
void hxn_std_bsort_f64(vbyte *b, int32_t pos, int32_t len, vclosure *cmp);
void hxn_std_bsort_i64(vbyte *b, int32_t pos, int32_t len, vclosure *cmp);
vdynamic *hxn_std_parse_int(vbyte *b, int32_t pos, int32_t len);
double hxn_std_parse_float(vbyte *b, int32_t pos, int32_t len);
vbyte *hxn_std_itos(int32_t v, int32_t *len);
vbyte *hxn_std_ftos(double d, int32_t *len);
int32_t hxn_std_ucs2length(vbyte *s, int32_t pos);
vbyte *hxn_std_utf8_to_utf16(vbyte *s, int32_t pos, int32_t *size);
vbyte *hxn_std_utf16_to_utf8(vbyte *s, int32_t len, int32_t *size);
vbyte *hxn_std_ucs2_upper(vbyte *s, int32_t pos, int32_t len);
vbyte *hxn_std_ucs2_lower(vbyte *s, int32_t pos, int32_t len);
vbyte *hxn_std_url_encode(vbyte *s, int32_t *len);
vbyte *hxn_std_url_decode(vbyte *s, int32_t *len);

/* ---- maps ----------------------------------------------------------------- */
typedef struct hxn_map hxn_map;
#define HXN_MAP_DECL(P, K)                                       \
	hxn_map *hxn_std_##P##alloc(void);                           \
	void hxn_std_##P##set(hxn_map *m, K key, vdynamic *v);       \
	bool hxn_std_##P##exists(hxn_map *m, K key);                 \
	vdynamic *hxn_std_##P##get(hxn_map *m, K key);               \
	bool hxn_std_##P##remove(hxn_map *m, K key);                 \
	varray *hxn_std_##P##keys(hxn_map *m);                       \
	varray *hxn_std_##P##values(hxn_map *m);                     \
	void hxn_std_##P##clear(hxn_map *m);                         \
	int32_t hxn_std_##P##size(hxn_map *m);
HXN_MAP_DECL(hb, vbyte *)
HXN_MAP_DECL(hi, int32_t)
HXN_MAP_DECL(hi64, int64_t)
HXN_MAP_DECL(ho, vdynamic *)

/* ---- math and random ------------------------------------------------------ */
double hxn_std_nan(void);
double hxn_std_math_abs(double a);
bool hxn_std_math_isnan(double a);
bool hxn_std_math_isfinite(double a);
double hxn_std_math_fceil(double a);
double hxn_std_math_ffloor(double a);
double hxn_std_math_fround(double a);
int32_t hxn_std_math_ceil(double a);
int32_t hxn_std_math_floor(double a);
int32_t hxn_std_math_round(double a);
double hxn_std_math_cos(double a);
double hxn_std_math_sin(double a);
double hxn_std_math_tan(double a);
double hxn_std_math_acos(double a);
double hxn_std_math_asin(double a);
double hxn_std_math_atan(double a);
double hxn_std_math_atan2(double a, double b);
double hxn_std_math_pow(double a, double b);
double hxn_std_math_log(double a);
double hxn_std_math_exp(double a);
double hxn_std_math_sqrt(double a);
typedef struct hxn_rnd hxn_rnd;
hxn_rnd *hxn_std_rnd_alloc(void);
hxn_rnd *hxn_std_rnd_init_system(void);
void hxn_std_rnd_set_seed(hxn_rnd *r, int32_t seed);
int32_t hxn_std_rnd_int(hxn_rnd *r);
double hxn_std_rnd_float(hxn_rnd *r);

/* ---- dates ---------------------------------------------------------------- */
int32_t hxn_std_date_now(void);
int32_t hxn_std_date_new(int32_t y, int32_t mo, int32_t d, int32_t h, int32_t mi, int32_t s);
vbyte *hxn_std_date_to_string(int32_t date, int32_t *len);
double hxn_std_date_get_time(int32_t date);
int32_t hxn_std_date_from_time(double t);
int32_t hxn_std_date_from_string(vbyte *b, int32_t len);
void hxn_std_date_get_inf(int32_t date, int32_t *y, int32_t *mo, int32_t *d, int32_t *h, int32_t *mi,
                          int32_t *s, int32_t *wday);
void hxn_std_date_get_utc_inf(int32_t date, int32_t *y, int32_t *mo, int32_t *d, int32_t *h, int32_t *mi,
                              int32_t *s, int32_t *wday);

/* ---- sys ------------------------------------------------------------------ */
bool hxn_std_sys_utf8_path(void);
void hxn_std_sys_print(vbyte *msg);
HX_NORETURN void hxn_std_sys_exit(int32_t code);
varray *hxn_std_sys_args(void);
double hxn_std_sys_time(void);
int64_t hxn_std_sys_timestamp_ms(void);
double hxn_std_sys_cpu_time(void);
double hxn_std_sys_thread_cpu_time(void);
void hxn_std_sys_sleep(double f);
vbyte *hxn_std_sys_get_env(vbyte *k);
bool hxn_std_sys_put_env(vbyte *k, vbyte *v);
varray *hxn_std_sys_env(void);
vbyte *hxn_std_sys_get_cwd(void);
bool hxn_std_sys_set_cwd(vbyte *d);
vbyte *hxn_std_sys_string(void);
vbyte *hxn_std_sys_locale(void);
bool hxn_std_sys_set_time_locale(vbyte *l);
int32_t hxn_std_sys_command(vbyte *cmd);
bool hxn_std_sys_exists(vbyte *p);
bool hxn_std_sys_delete(vbyte *p);
bool hxn_std_sys_rename(vbyte *p, vbyte *n);
varray *hxn_std_sys_stat(vbyte *p);
bool hxn_std_sys_is_dir(vbyte *p);
bool hxn_std_sys_create_dir(vbyte *p, int32_t mode);
bool hxn_std_sys_remove_dir(vbyte *p);
varray *hxn_std_sys_read_dir(vbyte *p);
vbyte *hxn_std_sys_full_path(vbyte *p);
vbyte *hxn_std_sys_exe_path(void);
vbyte *hxn_std_sys_hl_file(void);
int32_t hxn_std_sys_get_char(bool echo);
int32_t hxn_std_sys_getpid(void);
double hxn_std_sys_process_memory(void);
int32_t hxn_std_sys_set_flags(int32_t flags);
bool hxn_std_sys_has_debugger(void);
bool hxn_std_sys_check_reload(vbyte *alt);
void hxn_std_sys_profile_event(int32_t code, vbyte *data, int32_t len);
void hxn_std_sys_vtune_init(void);
bool hxn_std_sys_load_plugin(vbyte *file);
vdynamic *hxn_std_sys_resolve_type(hx_type *t, hx_type *gt);
vbyte *hxn_std_sys_special(vbyte *key);

/* ---- files ---------------------------------------------------------------- */
typedef struct hxn_file hxn_file;
hxn_file *hxn_std_file_open(vbyte *name, int32_t mode, bool binary);
void hxn_std_file_close(hxn_file *f);
int32_t hxn_std_file_read(hxn_file *f, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_file_write(hxn_file *f, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_file_read_char(hxn_file *f);
bool hxn_std_file_write_char(hxn_file *f, int32_t c);
bool hxn_std_file_seek(hxn_file *f, int32_t pos, int32_t kind);
int32_t hxn_std_file_tell(hxn_file *f);
bool hxn_std_file_seek2(hxn_file *f, double pos, int32_t kind);
double hxn_std_file_tell2(hxn_file *f);
bool hxn_std_file_eof(hxn_file *f);
bool hxn_std_file_flush(hxn_file *f);
hxn_file *hxn_std_file_stdin(void);
hxn_file *hxn_std_file_stdout(void);
hxn_file *hxn_std_file_stderr(void);
vbyte *hxn_std_file_contents(vbyte *name, int32_t *size);
bool hxn_std_file_is_locked(vbyte *name);
int32_t hxn_std_file_error_code(void);

/* ---- processes ------------------------------------------------------------ */
typedef struct hxn_process hxn_process;
hxn_process *hxn_std_process_run(vbyte *cmd, varray *args, bool detached);
int32_t hxn_std_process_stdout_read(hxn_process *p, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_process_stderr_read(hxn_process *p, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_process_stdin_write(hxn_process *p, vbyte *buf, int32_t pos, int32_t len);
bool hxn_std_process_stdin_close(hxn_process *p);
int32_t hxn_std_process_exit(hxn_process *p, bool *running);
int32_t hxn_std_process_pid(hxn_process *p);
void hxn_std_process_kill(hxn_process *p);
void hxn_std_process_close(hxn_process *p);

/* ---- sockets and hosts ---------------------------------------------------- */
typedef struct hxn_socket hxn_socket;
void hxn_std_socket_init(void);
hxn_socket *hxn_std_socket_new(bool udp);
void hxn_std_socket_close(hxn_socket *s);
bool hxn_std_socket_connect(hxn_socket *s, int32_t host, int32_t port);
bool hxn_std_socket_bind(hxn_socket *s, int32_t host, int32_t port);
bool hxn_std_socket_listen(hxn_socket *s, int32_t n);
hxn_socket *hxn_std_socket_accept(hxn_socket *s);
int32_t hxn_std_socket_send(hxn_socket *s, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_socket_send_char(hxn_socket *s, int32_t c);
int32_t hxn_std_socket_recv(hxn_socket *s, vbyte *buf, int32_t pos, int32_t len);
int32_t hxn_std_socket_recv_char(hxn_socket *s);
bool hxn_std_socket_host(hxn_socket *s, int32_t *host, int32_t *port);
bool hxn_std_socket_peer(hxn_socket *s, int32_t *host, int32_t *port);
bool hxn_std_socket_set_timeout(hxn_socket *s, double t);
bool hxn_std_socket_set_blocking(hxn_socket *s, bool b);
bool hxn_std_socket_set_fast_send(hxn_socket *s, bool b);
bool hxn_std_socket_set_broadcast(hxn_socket *s, bool b);
bool hxn_std_socket_shutdown(hxn_socket *s, bool r, bool w);
int32_t hxn_std_socket_send_to(hxn_socket *s, vbyte *data, int32_t len, int32_t host, int32_t port);
int32_t hxn_std_socket_recv_from(hxn_socket *s, vbyte *data, int32_t len, int32_t *host, int32_t *port);
int32_t hxn_std_socket_fd_size(int32_t n);
bool hxn_std_socket_select(varray *ra, varray *wa, varray *ea, vbyte *tmp, int32_t tmp_size, double timeout);
int32_t hxn_std_host_resolve(vbyte *host);
vbyte *hxn_std_host_to_string(int32_t ip);
vbyte *hxn_std_host_reverse(int32_t ip);
vbyte *hxn_std_host_local(void);

/* ---- threads and synchronisation ------------------------------------------ */
void *hxn_std_thread_current(void);
void *hxn_std_thread_create(vclosure *c);
void hxn_std_thread_set_name(void *t, vbyte *name);
void hxn_std_thread_yield(void);
vbyte *hxn_std_thread_get_name(void *t);
typedef struct hxn_tls hxn_tls;
hxn_tls *hxn_std_tls_alloc(bool gc_value);
vdynamic *hxn_std_tls_get(hxn_tls *t);
void hxn_std_tls_set(hxn_tls *t, vdynamic *v);
typedef struct hxn_mutex hxn_mutex;
hxn_mutex *hxn_std_mutex_alloc(bool gc_thread);
void hxn_std_mutex_acquire(hxn_mutex *m);
bool hxn_std_mutex_try_acquire(hxn_mutex *m);
void hxn_std_mutex_release(hxn_mutex *m);
void hxn_std_mutex_free(hxn_mutex *m);
typedef struct hxn_deque hxn_deque;
hxn_deque *hxn_std_deque_alloc(void);
void hxn_std_deque_add(hxn_deque *q, vdynamic *v);
void hxn_std_deque_push(hxn_deque *q, vdynamic *v);
vdynamic *hxn_std_deque_pop(hxn_deque *q, bool block);
typedef struct hxn_lock hxn_lock;
hxn_lock *hxn_std_lock_create(void);
void hxn_std_lock_release(hxn_lock *l);
bool hxn_std_lock_wait(hxn_lock *l, vdynamic *timeout);
typedef struct hxn_semaphore hxn_semaphore;
hxn_semaphore *hxn_std_semaphore_alloc(int32_t value);
void hxn_std_semaphore_acquire(hxn_semaphore *s);
bool hxn_std_semaphore_try_acquire(hxn_semaphore *s, vdynamic *timeout);
void hxn_std_semaphore_release(hxn_semaphore *s);
void hxn_std_semaphore_free(hxn_semaphore *s);
typedef struct hxn_condition hxn_condition;
hxn_condition *hxn_std_condition_alloc(void);
void hxn_std_condition_acquire(hxn_condition *c);
bool hxn_std_condition_try_acquire(hxn_condition *c);
void hxn_std_condition_release(hxn_condition *c);
void hxn_std_condition_wait(hxn_condition *c);
bool hxn_std_condition_timed_wait(hxn_condition *c, double timeout);
void hxn_std_condition_signal(hxn_condition *c);
void hxn_std_condition_broadcast(hxn_condition *c);
int32_t hxn_std_atomic_add32(int32_t *a, int32_t b);
int32_t hxn_std_atomic_sub32(int32_t *a, int32_t b);
int32_t hxn_std_atomic_and32(int32_t *a, int32_t b);
int32_t hxn_std_atomic_or32(int32_t *a, int32_t b);
int32_t hxn_std_atomic_xor32(int32_t *a, int32_t b);
int32_t hxn_std_atomic_compare_exchange32(int32_t *a, int32_t expected, int32_t replacement);
vdynamic *hxn_std_atomic_compare_exchange_ptr(vdynamic **a, vdynamic *expected, vdynamic *replacement);
int32_t hxn_std_atomic_exchange32(int32_t *a, int32_t v);
vdynamic *hxn_std_atomic_exchange_ptr(vdynamic **a, vdynamic *v);
int32_t hxn_std_atomic_load32(int32_t *a);
vdynamic *hxn_std_atomic_load_ptr(vdynamic **a);
int32_t hxn_std_atomic_store32(int32_t *a, int32_t v);
vdynamic *hxn_std_atomic_store_ptr(vdynamic **a, vdynamic *v);

/* ---- regular expressions -------------------------------------------------- */
typedef struct hxn_ereg hxn_ereg;
hxn_ereg *hxn_std_regexp_new_options(vbyte *pattern, vbyte *opts);
bool hxn_std_regexp_match(hxn_ereg *e, vbyte *s, int32_t pos, int32_t len);
int32_t hxn_std_regexp_matched_pos(hxn_ereg *e, int32_t n, int32_t *len);
/* Fiberus's EReg.replace in one call (sdk/haxe/EReg.hl.hx); not a HashLink native. */
vbyte *hxn_std_regexp_replace(hxn_ereg *e, vbyte *s, int32_t slen, vbyte *by, int32_t bylen, bool global,
                              int32_t *outlen);
int32_t hxn_std_regexp_matched_num(hxn_ereg *e);
/* Fiberus's EReg.split and EReg.matched in one call each; not HashLink natives.
 * s and last are String objects, the result an array of Strings. */
varray *hxn_std_regexp_split(hxn_ereg *e, void *s, int32_t slen, bool global);
void *hxn_std_regexp_matched_string(hxn_ereg *e, int32_t n, void *last);

/* ---- gc ----------------------------------------------------------------------- */
void hxn_std_gc_major(void);
void hxn_std_gc_enable(bool on);
void hxn_std_gc_stats(double *total, double *count, double *current);
int32_t hxn_std_gc_get_flags(void);
void hxn_std_gc_set_flags(int32_t flags);
void hxn_std_gc_dump_memory(vbyte *file);
void hxn_std_blocking(bool on);
void hxn_std_track_init(void);
void hxn_std_track_reset(void);
void hxn_std_track_set_depth(int32_t d);
void hxn_std_track_lock(bool b);
int32_t hxn_std_track_get_bits(bool thread);
void hxn_std_track_set_bits(int32_t bits, bool thread);
int32_t hxn_std_track_count(int32_t *depth);
int32_t hxn_std_track_entry(int32_t id, hx_type **t, int32_t *count, int32_t *info, varray *stack);
vbyte *hxn_std_resolve_symbol(void *sym, vbyte *buf, int32_t *size);

/* ---- fmt: digests and zlib ------------------------------------------------ */
void hxn_fmt_digest(vbyte *out, vbyte *in, int32_t len, int32_t format);
typedef struct hxn_zip hxn_zip;
hxn_zip *hxn_fmt_inflate_init(int32_t wbits);
hxn_zip *hxn_fmt_deflate_init(int32_t level);
int32_t hxn_fmt_deflate_bound(hxn_zip *z, int32_t n);
bool hxn_fmt_inflate_buffer(hxn_zip *z, vbyte *src, int32_t srcpos, int32_t srclen, vbyte *dst, int32_t dstpos,
                            int32_t dstlen, int32_t *read, int32_t *written);
bool hxn_fmt_deflate_buffer(hxn_zip *z, vbyte *src, int32_t srcpos, int32_t srclen, vbyte *dst, int32_t dstpos,
                            int32_t dstlen, int32_t *read, int32_t *written);
void hxn_fmt_zip_flush_mode(hxn_zip *z, int32_t mode);
void hxn_fmt_zip_end(hxn_zip *z);

/* ---- ssl: not supported yet (hx_n_ssl.c) --------------------------------- */
void hxn_ssl_ssl_init(void);

#endif
