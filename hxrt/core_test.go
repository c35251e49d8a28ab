package hxrt

import (
	"path/filepath"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

// TestCore runs the C tests of the language core (test/core_*.c) linked with
// every runtime source of hxrt and the collector.
func TestCore(t *testing.T) {
	tests, err := filepath.Glob(filepath.Join(ctest.Root(), "hxrt", "test", "core_*.c"))
	if err != nil || len(tests) == 0 {
		t.Fatal("no core tests")
	}
	// hx_main runs main on the job runtime (hx_fib_main.c): link it too.
	srcs := append(ctest.Glob(t, "hxrt", "fibrix", "fibers", "jobs", "counters"), "fibers/fiber_switch.S")
	for _, tc := range tests {
		name := filepath.Base(tc)
		t.Run(name, func(t *testing.T) {
			ctest.Run(t, name, append([]string{tc}, srcs...), ctest.Options{LDFlags: []string{"-lpcre2-16", "-lz"}})
		})
	}
}
