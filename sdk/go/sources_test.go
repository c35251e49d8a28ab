package fiberus

import (
	"os"
	"strings"
	"testing"

	root "github.com/fiberus/fiberus"
)

// TestRuntimeCIncludesEverySource: cgo compiles the job runtime through
// runtime.c's #includes (and switch.S), so a new runtime file must be added
// there; this test says which one is missing.
func TestRuntimeCIncludesEverySource(t *testing.T) {
	text, err := os.ReadFile("runtime.c")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range root.RuntimeSources("fibers", "jobs", "counters") {
		if strings.HasSuffix(src, ".S") {
			continue // assembled from this folder's switch.S
		}
		if !strings.Contains(string(text), `#include "../../`+src+`"`) {
			t.Errorf("runtime.c does not include %s", src)
		}
	}
}
