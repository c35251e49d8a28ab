package counters

import (
	"fmt"
	"github.com/fiberus/fiberus"
	"os/exec"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

// Sources are the runtime sources a counter test links (relative to the root).
var Sources = fiberus.RuntimeSources("fibers", "jobs", "counters")

func TestMain(m *testing.M) { ctest.Main(m) }

func run(t *testing.T, name string, opt ctest.Options) string {
	t.Helper()
	lib := ctest.Archive(t, ctest.ArchiveDir, Sources, opt) // the runtime, compiled once per flag set
	out := ctest.Run(t, name, []string{"counters/test/" + name + ".c", lib}, opt)
	t.Log(strings.TrimSpace(out))
	return out
}

func TestFib(t *testing.T) {
	n := "24"
	if ctest.Stress() {
		n = "32"
	}
	run(t, "fib_test", ctest.Options{Args: []string{n}})
}

func TestCounterStress(t *testing.T) {
	args := []string{"300", "64", "32"}
	if ctest.Stress() {
		args = []string{"20000", "256", "128"}
	}
	run(t, "counter_stress", ctest.Options{Args: args})
}

// TestCounterStressOverloaded runs two stress programs at once on this
// machine's CPUs, so that woken workers wait for a CPU: the deadlock check
// once took a woken worker for an idle one and stopped a healthy run
// ("all workers are idle", 3 runs in 16 before the fix, 0 in 20 after).
func TestCounterStressOverloaded(t *testing.T) {
	if !ctest.Stress() {
		t.Skip("a FIBERUS_STRESS=1 test")
	}
	lib := ctest.Archive(t, ctest.ArchiveDir, Sources, ctest.Options{})
	exe := ctest.Build(t, "counter_stress", []string{"counters/test/counter_stress.c", lib}, ctest.Options{})
	errs := make(chan error, 2)
	for i := 0; i < 2; i++ {
		go func() {
			out, err := exec.Command(exe, "20000", "256", "128").CombinedOutput()
			if err != nil {
				err = fmt.Errorf("%v\n%s", err, out)
			}
			errs <- err
		}()
	}
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestMigration(t *testing.T) {
	run(t, "migrate_test", ctest.Options{})
}

func TestSuspendedFibers(t *testing.T) {
	n := "100000"
	if ctest.Stress() {
		n = "1000000"
	}
	run(t, "million_test", ctest.Options{Args: []string{n}})
}

func TestTSAN(t *testing.T) {
	if testing.Short() {
		t.Skip("TSAN builds skipped in -short mode")
	}
	for name, args := range map[string][]string{
		"fib_test":       {"18"},
		"counter_stress": {"40", "32", "16"},
		"migrate_test":   nil,
		"million_test":   {"300"},
	} {
		t.Run(name, func(t *testing.T) {
			opt := ctest.TSan
			opt.Args = args
			run(t, name, opt)
		})
	}
}
