package fibers

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

// Sources are the fiber runtime's sources (relative to the repository root).
var Sources = []string{"fibers/fiber_pool.c", "fibers/fiber_signal.c", "fibers/fiber_switch.S"}

func TestSwitchPreservesRegisters(t *testing.T) {
	out := ctest.Run(t, "switch_test", append([]string{"fibers/test/switch_test.c"}, Sources...), ctest.Options{})
	if !strings.HasPrefix(out, "ok") {
		t.Fatalf("unexpected output %q", out)
	}
	t.Log(strings.TrimSpace(out))
}

func TestPool(t *testing.T) {
	out := ctest.Run(t, "pool_test", append([]string{"fibers/test/pool_test.c"}, Sources...), ctest.Options{})
	if !strings.Contains(out, "guard_mode=1") {
		t.Errorf("guard pages not installed with MADV_GUARD_INSTALL: %s", out)
	}
}

func TestStackOverflowReport(t *testing.T) {
	exe := ctest.Build(t, "overflow_test", append([]string{"fibers/test/overflow_test.c"}, Sources...), ctest.Options{})
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatalf("unbounded recursion exited cleanly")
	}
	id := strings.TrimSpace(strings.TrimPrefix(stdout.String(), "fiber id "))
	want := "fiber stack overflow in fiber #" + id + " "
	if !strings.Contains(stderr.String(), want) {
		t.Fatalf("stderr %q does not contain %q (err %v)", stderr.String(), want, err)
	}
}
