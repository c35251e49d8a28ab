// Package fibrix runs the collector's C unit tests (fibrix/test/*.c).
package fibrix

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

func sources(t *testing.T, test string) []string {
	return append(ctest.Glob(t, "fibrix"), filepath.Join("fibrix", "test", test))
}

func TestBasic(t *testing.T) {
	out := ctest.Run(t, "basic", sources(t, "basic.c"), ctest.Options{})
	if strings.TrimSpace(out) != "ok" {
		t.Fatalf("unexpected output %q", out)
	}
}

// Bump allocation through runs of free slots (gc_page_next_run, hole reuse).
func TestRuns(t *testing.T) {
	out := ctest.Run(t, "runs", sources(t, "runs.c"), ctest.Options{})
	if strings.TrimSpace(out) != "ok" {
		t.Fatalf("unexpected output %q", out)
	}
}

// Stress mode: a collection every 97th allocation.
func TestBasicStress(t *testing.T) {
	ctest.Run(t, "basic_stress", sources(t, "basic.c"), ctest.Options{Env: []string{"FIBERUS_GC_STRESS=97"}})
}

// FIB_GC_DEBUG=1 prints one line per cycle on stderr.
func TestDebugOutput(t *testing.T) {
	exe := ctest.Build(t, "basic_debug", sources(t, "basic.c"), ctest.Options{})
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "FIB_GC_DEBUG=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("basic with FIB_GC_DEBUG=1: %v\n%s", err, stderr.String())
	}
	lines := strings.Count(stderr.String(), "fibrix: gc #")
	if lines < 10 {
		t.Fatalf("want one debug line per cycle, got %d:\n%s", lines, stderr.String())
	}
	if !strings.Contains(stderr.String(), "collections:") {
		t.Fatalf("missing stats text in:\n%s", stderr.String())
	}
}

// 4 GiB allocated over the program's life with a bounded resident set.
func TestBoundedRSS(t *testing.T) {
	out := ctest.Run(t, "rss", sources(t, "rss.c"), ctest.Options{})
	t.Log(strings.TrimSpace(out))
}

func TestThreads(t *testing.T) {
	out := ctest.Run(t, "threads", sources(t, "threads.c"), ctest.Options{})
	t.Log(strings.TrimSpace(out))
}

func TestThreadsStress(t *testing.T) {
	ctest.Run(t, "threads_stress", sources(t, "threads.c"), ctest.Options{
		Args: []string{"40"},
		Env:  []string{"FIBERUS_GC_STRESS=300"},
	})
}

// The multi-threaded test under ThreadSanitizer (skipped when the compiler
// cannot build with -fsanitize=thread).
func TestThreadsTSan(t *testing.T) {
	probe := filepath.Join(t.TempDir(), "probe.c")
	if err := os.WriteFile(probe, []byte("int main(void){return 0;}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command(ctest.CC(), "-fsanitize=thread", probe, "-o", probe+".exe").Run(); err != nil {
		t.Skipf("%s cannot build with -fsanitize=thread: %v", ctest.CC(), err)
	}
	ctest.Run(t, "threads_tsan", sources(t, "threads.c"), ctest.Options{
		CFlags: []string{"-fsanitize=thread", "-O1"},
		Args:   []string{"60"},
		Env:    []string{"TSAN_OPTIONS=halt_on_error=1 exitcode=66"},
	})
}

// A runtime that stops the world itself and reports stacks (gc_set_world and
// the stack enumerator), as the job system does.
func TestWorldHooks(t *testing.T) {
	ctest.Run(t, "world", sources(t, "world.c"), ctest.Options{})
}

// A fiber-like stack (ucontext): scanned while it runs (gc_set_stack_top) and
// while it is suspended (the enumerator), also in stress mode.
func TestFiberStacks(t *testing.T) {
	ctest.Run(t, "fiber", sources(t, "fiber.c"), ctest.Options{})
	ctest.Run(t, "fiber_stress", sources(t, "fiber.c"), ctest.Options{Env: []string{"FIBERUS_GC_STRESS=2"}})
}

// A large block regrown step by step reuses the mappings of its dead copies.
func TestLargeReuse(t *testing.T) {
	out := ctest.Run(t, "large_reuse", sources(t, "large_reuse.c"), ctest.Options{})
	t.Log(strings.TrimSpace(out))
}
