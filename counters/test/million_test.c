/* N fibers suspended at once (default 100000, argv[1]), each waiting on one
 * gate counter, then all released. Prints the peak resident size. */
#include "counter.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long N = 100000;
static counter gate = COUNTER_INIT(1), parked = COUNTER_INIT(0), done = COUNTER_INIT(0);

static void sleeper(void *p) {
	(void)p;
	counter_add(&parked, 1);
	counter_wait(&gate, 0);
}

static long rss_kb(const char *key) {
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	while (fgets(line, sizeof line, f))
		if (!strncmp(line, key, strlen(key))) v = atol(line + strlen(key));
	fclose(f);
	return v;
}

static int run(void *arg) {
	(void)arg;
	long before = rss_kb("VmRSS:");
	for (long i = 0; i < N; i++) counter_spawn(&done, sleeper, NULL);
	while (counter_waiters(&gate) < N) job_yield();
	long live = (long)fiber_live_count();
	long rss = rss_kb("VmRSS:");
	if (counter_waiters(&gate) != N) { fprintf(stderr, "%d waiters, want %ld\n", counter_waiters(&gate), N); return 1; }
	if (live < N) { fprintf(stderr, "%ld live fibers for %ld suspended\n", live, N); return 1; }
	counter_add(&gate, -1);
	counter_wait(&done, 0);
	printf("ok %ld suspended fibers: resident %.1f MiB (%.0f bytes per fiber), %d workers\n",
	       N, rss / 1024.0, (rss - before) * 1024.0 / N, job_worker_count());
	return 0;
}

int main(int argc, char **argv) {
	if (argc > 1) N = atol(argv[1]);
	return job_main(run, NULL);
}
