/* runtime.c: compiles the job runtime's C sources into this cgo package. */
#include "../../fibers/fiber_pool.c"
#include "../../fibers/fiber_signal.c"
#include "../../jobs/job_deque.c"
#include "../../jobs/job_sched.c"
#include "../../jobs/job_stw.c"
#include "../../jobs/job_timer.c"
#include "../../counters/counter.c"
#include "../../sdk/capi/fiberus.c"
