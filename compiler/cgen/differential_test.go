package cgen

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fiberus/fiberus/internal/ctest"
)

// differential builds random programs from gen (functions f0..f(n-1) and a
// main) with every loop copy and without (Options.Plain), at -O2 as fiberus
// builds, and fails if what they print differs. marker names the copy under
// test in the C: at least a third of the functions must have it, or the run
// would prove little. Two seeds, twelve under FIBERUS_STRESS=1.
func differential(t *testing.T, gen func(r *rand.Rand) (src string, n int), marker string) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe not on PATH")
	}
	seeds := 2
	if ctest.Stress() {
		seeds = 12
	}
	for seed := 1; seed <= seeds; seed++ {
		dir := t.TempDir()
		src, n := gen(rand.New(rand.NewSource(int64(seed))))
		for name, data := range map[string]string{"Main.hx": src, "cflags": "-O2"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code := genHaxe(t, src)
		with := 0
		for i := 0; i < n; i++ {
			if strings.Contains(body(t, code, fmt.Sprintf("Main_f%d", i)), marker) {
				with++
			}
		}
		t.Logf("seed %d: %d of %d functions with %q", seed, with, n, marker)
		if with < n/3 {
			t.Fatalf("seed %d: only %d of %d functions with %q: the test would prove little", seed, with, n, marker)
		}
		got := runExe(t, buildProgramWith(t, dir, Options{Files: 2}))
		want := runExe(t, buildProgramWith(t, dir, Options{Files: 2, Plain: true}))
		if got != want {
			t.Fatalf("seed %d: output differs with loop copies\n--- with\n%s\n--- without\n%s\n--- program\n%s", seed, got, want, src)
		}
	}
}

func runExe(t *testing.T, exe string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute) // a wrong loop copy may never end
	defer cancel()
	out, err := exec.CommandContext(ctx, exe).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", exe, err, out)
	}
	return string(out)
}
