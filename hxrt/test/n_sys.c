/* n_sys.c: Sys, file and process natives (run with the arguments
 * "one deux été" and HXN_TEST_VAR=valeur, see natives_test.go). */
#include "n_test.h"
#include <stdlib.h>
#include <unistd.h>

static const char *cs(vbyte *b) { return b ? (const char *)b : "(null)"; }

int main(int argc, char **argv) {
	nt_init(argc, argv);
	CHECK(hxn_std_sys_utf8_path());

	/* sys_print: UTF-16 in, UTF-8 out (checked by the Go side on stdout) */
	hxn_std_sys_print((vbyte *)nt_u("héllo 😀\n"));

	varray *args = hxn_std_sys_args();
	CHECK_EQ_INT(args->size, 3);
	if (args->size == 3) {
		CHECK(strcmp(hx_aptr(args, char *)[0], "one") == 0);
		CHECK(strcmp(hx_aptr(args, char *)[2], "été") == 0);
	}

	/* environment */
	CHECK(strcmp(cs(hxn_std_sys_get_env((vbyte *)"HXN_TEST_VAR")), "valeur") == 0);
	CHECK(hxn_std_sys_get_env((vbyte *)"HXN_UNSET_VAR_XYZ") == NULL);
	CHECK(hxn_std_sys_put_env((vbyte *)"HXN_NEW", (vbyte *)"1"));
	CHECK(strcmp(cs(hxn_std_sys_get_env((vbyte *)"HXN_NEW")), "1") == 0);
	varray *env = hxn_std_sys_env();
	bool found = false;
	for (int i = 0; i + 1 < env->size; i += 2)
		if (strcmp((char *)hx_aptr(env, vbyte *)[i], "HXN_TEST_VAR") == 0)
			found = strcmp((char *)hx_aptr(env, vbyte *)[i + 1], "valeur") == 0;
	CHECK(found);
	CHECK(hxn_std_sys_put_env((vbyte *)"HXN_NEW", NULL));
	CHECK(hxn_std_sys_get_env((vbyte *)"HXN_NEW") == NULL);

	CHECK_USTR(hxn_std_sys_string(), "Linux");
	CHECK(hxn_std_sys_time() > 1.7e9);
	double c0 = hxn_std_sys_cpu_time();
	int64_t t0 = hxn_std_sys_timestamp_ms();
	hxn_std_sys_sleep(0.05);
	CHECK(hxn_std_sys_timestamp_ms() - t0 >= 45);
	CHECK(hxn_std_sys_cpu_time() >= c0);
	CHECK_EQ_INT(hxn_std_sys_getpid(), getpid());
	CHECK(hxn_std_sys_exe_path() != NULL && hxn_std_sys_exe_path()[0] == '/');

	/* file system in a scratch directory */
	char dir[] = "/tmp/hxn_sysXXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	vbyte *cwd0 = hxn_std_sys_get_cwd();
	CHECK(cwd0[strlen((char *)cwd0) - 1] == '/');
	CHECK(hxn_std_sys_set_cwd((vbyte *)dir));
	char want_cwd[64];
	snprintf(want_cwd, sizeof want_cwd, "%s/", dir);
	CHECK(strcmp((char *)hxn_std_sys_get_cwd(), want_cwd) == 0);
	CHECK(hxn_std_sys_create_dir((vbyte *)"sub", 0755));
	CHECK(!hxn_std_sys_create_dir((vbyte *)"sub", 0755));
	CHECK(hxn_std_sys_is_dir((vbyte *)"sub"));

	hxn_file *f = hxn_std_file_open((vbyte *)"a.txt", 1, true);
	CHECK(f != NULL);
	CHECK_EQ_INT(hxn_std_file_write(f, (vbyte *)"xxhello", 2, 5), 5);
	CHECK(hxn_std_file_write_char(f, '!'));
	CHECK_EQ_INT(hxn_std_file_tell(f), 6);
	CHECK(hxn_std_file_flush(f));
	hxn_std_file_close(f);
	CHECK(hxn_std_sys_exists((vbyte *)"a.txt") && !hxn_std_sys_is_dir((vbyte *)"a.txt"));
	varray *st = hxn_std_sys_stat((vbyte *)"a.txt");
	CHECK(st && hx_aptr(st, int32_t)[5] == 6);
	CHECK(hxn_std_sys_stat((vbyte *)"nope") == NULL);

	f = hxn_std_file_open((vbyte *)"a.txt", 0, true);
	vbyte buf[16] = {0};
	CHECK_EQ_INT(hxn_std_file_read(f, buf, 1, 3), 3);
	CHECK(memcmp(buf + 1, "hel", 3) == 0);
	CHECK_EQ_INT(hxn_std_file_read_char(f), 'l');
	CHECK(hxn_std_file_seek(f, -1, 2));
	CHECK_EQ_INT(hxn_std_file_read_char(f), '!');
	CHECK_EQ_INT(hxn_std_file_read_char(f), -2);
	CHECK(hxn_std_file_eof(f));
	hxn_std_file_close(f);
	CHECK_EQ_INT(hxn_std_file_read(f, buf, 0, 1), -1); /* closed */
	CHECK(hxn_std_file_open((vbyte *)"missing/x", 0, true) == NULL);
	f = hxn_std_file_open((vbyte *)"a.txt", 2, false); /* append */
	hxn_std_file_write(f, (vbyte *)"?", 0, 1);
	hxn_std_file_close(f);

	int32_t size = -1;
	vbyte *all = hxn_std_file_contents((vbyte *)"a.txt", &size);
	CHECK_EQ_INT(size, 7);
	CHECK(all && memcmp(all, "hello!?", 7) == 0);
	all = hxn_std_file_contents((vbyte *)"a.txt", NULL);
	CHECK(all && strcmp((char *)all, "hello!?") == 0);
	CHECK(hxn_std_file_contents((vbyte *)"nope", &size) == NULL);

	CHECK(hxn_std_sys_rename((vbyte *)"a.txt", (vbyte *)"sub/b.txt"));
	varray *ents = hxn_std_sys_read_dir((vbyte *)"sub");
	CHECK(ents && ents->size == 1 && strcmp((char *)hx_aptr(ents, vbyte *)[0], "b.txt") == 0);
	CHECK_EQ_INT(hxn_std_sys_read_dir((vbyte *)".")->size, 1);
	CHECK(hxn_std_sys_read_dir((vbyte *)"nope") == NULL);
	char want_full[80];
	snprintf(want_full, sizeof want_full, "%s/sub/b.txt", dir);
	CHECK(strcmp(cs(hxn_std_sys_full_path((vbyte *)"sub/../sub/b.txt")), want_full) == 0);
	CHECK(hxn_std_sys_full_path((vbyte *)"nope") == NULL);
	CHECK(!hxn_std_sys_remove_dir((vbyte *)"sub"));
	CHECK(hxn_std_sys_delete((vbyte *)"sub/b.txt"));
	CHECK(!hxn_std_sys_delete((vbyte *)"sub/b.txt"));
	CHECK(hxn_std_sys_remove_dir((vbyte *)"sub"));
	CHECK(hxn_std_sys_set_cwd(cwd0));
	rmdir(dir);

	/* commands and processes */
	CHECK_EQ_INT(hxn_std_sys_command((vbyte *)"exit 3"), 3);
	CHECK_EQ_INT(hxn_std_sys_command((vbyte *)"kill -9 $$"), 9 << 8);

	hxn_process *p = hxn_std_process_run((vbyte *)"cat", NULL, false);
	CHECK(p != NULL);
	CHECK(hxn_std_process_pid(p) > 0);
	CHECK_EQ_INT(hxn_std_process_stdin_write(p, (vbyte *)"ping\n", 0, 5), 5);
	CHECK(hxn_std_process_stdin_close(p));
	int32_t n = hxn_std_process_stdout_read(p, buf, 0, 16);
	CHECK(n == 5 && memcmp(buf, "ping\n", 5) == 0);
	CHECK_EQ_INT(hxn_std_process_stdout_read(p, buf, 0, 16), -1); /* EOF */
	CHECK_EQ_INT(hxn_std_process_exit(p, NULL), 0);
	hxn_std_process_close(p);

	varray *pa = hx_alloc_array(&hxt_bytes, 2);
	hx_aptr(pa, char *)[0] = "-c";
	hx_aptr(pa, char *)[1] = "echo err >&2; exit 7";
	p = hxn_std_process_run((vbyte *)"sh", pa, false);
	n = hxn_std_process_stderr_read(p, buf, 0, 16);
	CHECK(n == 4 && memcmp(buf, "err\n", 4) == 0);
	CHECK_EQ_INT(hxn_std_process_exit(p, NULL), 7);
	hxn_std_process_close(p);

	p = hxn_std_process_run((vbyte *)"sleep 5", NULL, false);
	bool running = false;
	CHECK_EQ_INT(hxn_std_process_exit(p, &running), 0);
	CHECK(running);
	hxn_std_process_kill(p);
	CHECK_EQ_INT(hxn_std_process_exit(p, NULL), 0x40000000 | 9);
	hxn_std_process_close(p);

	p = hxn_std_process_run((vbyte *)"hxn-no-such-command", pa, false);
	n = hxn_std_process_stderr_read(p, buf, 0, 15);
	CHECK(n > 0 && memcmp(buf, "Command not fou", 15) == 0);
	CHECK_EQ_INT(hxn_std_process_exit(p, NULL), 1);
	hxn_std_process_close(p);

	NT_DONE();
}
