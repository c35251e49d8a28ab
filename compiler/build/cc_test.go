package build

import (
	"slices"
	"testing"

	fiberus "github.com/fiberus/fiberus"
)

// gcc gets every base flag; clang all but the ones it rejects.
func TestBaseCFlagsPerCompiler(t *testing.T) {
	gcc := (&Toolchain{ID: "/usr/bin/x86_64-linux-gnu-gcc-12 gcc (Debian 12.2.0-14) 12.2.0"}).Flags()
	if !slices.Equal(gcc, fiberus.CFlags) {
		t.Errorf("gcc flags %v, want %v", gcc, fiberus.CFlags)
	}
	clang := (&Toolchain{ID: "/usr/lib/llvm-14/bin/clang Debian clang version 14.0.6"}).Flags()
	for _, f := range fiberus.CFlags {
		if slices.Contains(clang, f) == slices.Contains(fiberus.GCCOnlyCFlags, f) {
			t.Errorf("clang flags %v: wrong about %s", clang, f)
		}
	}
}
