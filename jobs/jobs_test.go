package jobs

import (
	"bytes"
	"fmt"
	"github.com/fiberus/fiberus"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

// Sources are the fiber and job runtime sources (relative to the repository root).
var Sources = fiberus.RuntimeSources("fibers", "jobs")

func TestMain(m *testing.M) { ctest.Main(m) }

// with returns test plus the runtime archive (compiled once per flag set).
func with(t *testing.T, test string, opt ctest.Options) []string {
	return []string{test, ctest.Archive(t, ctest.ArchiveDir, Sources, opt)}
}

func TestDequeStress(t *testing.T) {
	items := "4000000"
	if ctest.Stress() {
		items = "50000000"
	}
	out := ctest.Run(t, "deque_stress", []string{"jobs/test/deque_stress.c", "jobs/job_deque.c"}, ctest.Options{Args: []string{items, "3"}})
	t.Log(strings.TrimSpace(out))
}

func TestScheduler(t *testing.T) {
	n := "1000000"
	if ctest.Stress() {
		n = "20000000"
	}
	ctest.Run(t, "sched_test", with(t, "jobs/test/sched_test.c", ctest.Options{}), ctest.Options{Args: []string{n}})
}

// TestSchedulerWithoutMembarrier runs the scheduler on the fallback for
// kernels (or seccomp policies) without membarrier: pushers order themselves.
func TestSchedulerWithoutMembarrier(t *testing.T) {
	ctest.Run(t, "sched_test", with(t, "jobs/test/sched_test.c", ctest.Options{}),
		ctest.Options{Args: []string{"200000"}, Env: []string{"FIBERUS_NO_MEMBARRIER=1"}})
}

func TestSleep(t *testing.T) {
	ctest.Run(t, "sleep_test", with(t, "jobs/test/sleep_test.c", ctest.Options{}), ctest.Options{})
}

// timedSources are timed_test.c's: the fiber semaphore of hxrt, its real
// client, and the counters it links against, plus the runtime archive.
func timedSources(t *testing.T, opt ctest.Options) []string {
	return append(with(t, "jobs/test/timed_test.c", opt), "hxrt/hx_fib_sync.c", "counters/counter.c")
}

func TestTimedWaits(t *testing.T) {
	out := ctest.Run(t, "timed_test", timedSources(t, ctest.Options{}), ctest.Options{})
	t.Log(strings.TrimSpace(out))
}

// TestTimedWaitsDeadlock: a pending timed wait is not a deadlock; once it
// timed out, the untimed one left is reported (stale timers do not delay it).
func TestTimedWaitsDeadlock(t *testing.T) {
	exe := ctest.Build(t, "timed_test", timedSources(t, ctest.Options{}), ctest.Options{})
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe, "deadlock")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("timed_test deadlock: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	for _, want := range []string{"fiberus: deadlock: all 2 workers are idle and 1 fiber is blocked forever", "waits on sys.thread lock 0x"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestDeadlockReport(t *testing.T) {
	exe := ctest.Build(t, "deadlock_test", with(t, "jobs/test/deadlock_test.c", ctest.Options{}), ctest.Options{})
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("deadlock_test: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	for _, want := range []string{"fiberus: deadlock: all 2 workers are idle and 2 fibers are blocked forever", "waits on the lost gate", "waits on nothing"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestOverflowOnWorker(t *testing.T) {
	exe := ctest.Build(t, "fault_job_test", with(t, "jobs/test/fault_job_test.c", ctest.Options{}), ctest.Options{LDFlags: []string{"-rdynamic"}})
	var stderr bytes.Buffer
	cmd := exec.Command(exe, "overflow")
	cmd.Stderr = &stderr
	if err := cmd.Run(); err == nil {
		t.Fatal("unbounded recursion in a job exited cleanly")
	}
	var id string
	if _, err := fmt.Sscanf(stderr.String(), "faulting on worker 1, fiber #%s", &id); err != nil {
		t.Fatalf("no faulting line in %q", stderr.String())
	}
	if want := "fiber stack overflow in fiber #" + id + " "; !strings.Contains(stderr.String(), want) {
		t.Fatalf("stderr %q lacks %q", stderr.String(), want)
	}
}

// TestCrashReport: a fault that is not a stack overflow still says what,
// where and on which fiber, with a native backtrace, and dies by the signal.
func TestCrashReport(t *testing.T) {
	exe := ctest.Build(t, "fault_job_test", with(t, "jobs/test/fault_job_test.c", ctest.Options{}), ctest.Options{LDFlags: []string{"-rdynamic"}})
	var stderr bytes.Buffer
	cmd := exec.Command(exe, "crash")
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err == nil || !strings.Contains(err.Error(), "segmentation fault") {
		t.Fatalf("bad pointer in a job: %v (want death by SIGSEGV)\n%s", err, stderr.String())
	}
	var id string
	if _, err := fmt.Sscanf(stderr.String(), "faulting on worker 1, fiber #%s", &id); err != nil {
		t.Fatalf("no faulting line in %q", stderr.String())
	}
	for _, want := range []string{
		"fiberus: crash: SIGSEGV (invalid memory access) at address 0x7b, instruction 0x",
		", in fiber #" + id + "\n", "native backtrace", "crash_here",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestDequeTSAN(t *testing.T) {
	if testing.Short() {
		t.Skip("TSAN build skipped in -short mode")
	}
	opt := ctest.TSan
	opt.Args = []string{"300000", "2"}
	ctest.Run(t, "deque_stress_tsan", []string{"jobs/test/deque_stress.c", "jobs/job_deque.c"}, opt)
}

func TestSchedulerTSAN(t *testing.T) {
	if testing.Short() {
		t.Skip("TSAN build skipped in -short mode")
	}
	opt := ctest.TSan
	opt.Args = []string{"20000"}
	ctest.Run(t, "sched_test_tsan", with(t, "jobs/test/sched_test.c", opt), opt)
	opt.Args = nil
	ctest.Run(t, "sleep_test_tsan", with(t, "jobs/test/sleep_test.c", opt), opt)
	opt.Args = []string{"20"} // a twentieth of the iterations
	ctest.Run(t, "timed_test_tsan", timedSources(t, opt), opt)
}

// TestStaticLibrary builds libfiberus_jobs.a with jobs/jobs.mk and links
// examples/c-engine against it, using only sdk/include/fiberus.h; then
// against a shared object made of the same archive, as an engine plugin would
// hold it.
func TestStaticLibrary(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	root := ctest.Root()
	dir := t.TempDir()
	if out, err := exec.Command("make", "-s", "-C", root, "-f", "jobs/jobs.mk", "CC="+ctest.CC(),
		"FIBERUS_JOBS_OUT="+dir, "libfiberus_jobs").CombinedOutput(); err != nil {
		t.Fatalf("make libfiberus_jobs: %v\n%s", err, out)
	}
	lib := filepath.Join(dir, "libfiberus_jobs.a")
	so := filepath.Join(dir, "libfiberus_jobs.so")
	if out, err := exec.Command(ctest.CC(), "-shared", "-o", so, "-Wl,-z,text", "-Wl,--whole-archive", lib,
		"-Wl,--no-whole-archive", "-lpthread").CombinedOutput(); err != nil {
		t.Fatalf("making a shared object of the archive: %v\n%s", err, out)
	}
	main := filepath.Join(root, "examples/c-engine/main.c")
	include := filepath.Join(root, "sdk/include")
	for name, link := range map[string][]string{
		"static": {lib, "-lpthread", "-lm"},
		"shared": {"-L" + dir, "-lfiberus_jobs", "-Wl,-rpath," + dir, "-lm"},
	} {
		exe := filepath.Join(dir, "c-engine-"+name)
		args := append([]string{"-O2", "-I", include, main, "-o", exe}, link...)
		if out, err := exec.Command(ctest.CC(), args...).CombinedOutput(); err != nil {
			t.Fatalf("linking c-engine (%s): %v\n%s", name, err, out)
		}
		for _, w := range []string{"1", "2"} {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), "FIBERUS_WORKERS="+w)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("c-engine (%s) with %s workers: %v\n%s", name, w, err, out)
			}
			if !strings.Contains(string(out), "60 frames on "+w+" workers") {
				t.Errorf("unexpected c-engine (%s) output: %s", name, out)
			}
		}
	}
}
