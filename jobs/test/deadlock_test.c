/* main waits on a fiber gate nobody opens: the run must end with the deadlock
 * report and JOB_EXIT_DEADLOCK (checked by jobs_test.go). */
#include "job.h"
#include <stdio.h>

static void lose(fiber *f, void *arg) { (void)f; (void)arg; }
static void child(void *arg) {
	(void)arg;
	fiber *f = job_current_fiber();
	f->wait_reason = "nothing";
	job_suspend(lose, NULL);
}

static int run(void *arg) {
	(void)arg;
	job_spawn(child, NULL, NULL, NULL);
	fiber *f = job_current_fiber();
	f->wait_reason = "the lost gate";
	f->wait_obj = f;
	job_suspend(lose, NULL);
	return 0;
}

int main(void) {
	job_config cfg = {0};
	cfg.workers = 2;
	job_init(&cfg);
	int code = job_main(run, NULL);
	printf("exit %d\n", code);
	return code == JOB_EXIT_DEADLOCK ? 0 : 1;
}
