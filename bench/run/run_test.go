package main

// These tests check that the benchmark programs are correct, never how fast anything is: each
// Haxe program must print what its reference prints at a tiny size, first under haxe --interp,
// then (once the compiler can build programs) as a fiberus-built program.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// needTools skips t unless every named program is on PATH.
func needTools(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s is not on PATH: cannot check the benchmarks against their references", n)
		}
	}
}

func refTool(b benchmark) string {
	if b.ref == refC {
		return "gcc"
	}
	return "node"
}

// refOutputs builds every reference into dir and runs it at its tiny size.
func refOutput(t *testing.T, root, dir string, b benchmark) []byte {
	t.Helper()
	argv, err := buildRef(root, dir, b)
	if err != nil {
		t.Fatalf("building the reference of %s: %v", b.name, err)
	}
	argv = append(argv, b.tiny...)
	out, err := runCmd(dir, nil, argv[0], argv[1:]...)
	if err != nil {
		t.Fatalf("running the reference of %s: %v", b.name, err)
	}
	if len(out) == 0 {
		t.Fatalf("the reference of %s printed nothing", b.name)
	}
	return out
}

func TestBenchmarksMatchReferencesUnderInterp(t *testing.T) {
	needTools(t, "haxe")
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range benchmarks {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			needTools(t, refTool(b))
			want := refOutput(t, root, t.TempDir(), b)
			args := append([]string{"-cp", filepath.Join(root, "bench", b.name), "--run", "Main"}, b.tiny...)
			got, err := runCmd(root, nil, "haxe", args...)
			if err != nil {
				t.Fatalf("haxe --interp: %v", err)
			}
			if d := diffOutputs(got, want); d != "" {
				t.Errorf("%s under haxe --interp differs from its %s reference: %s", b.name, b.ref, d)
			}
		})
	}
}

// TestFiberusBuiltBenchmarks builds each benchmark with the fiberus CLI (default cache, so the
// runtime and the generated objects are usually warm: a few seconds in all; after a compiler or
// runtime change the first run refills the cache and takes about half a minute) and compares its tiny-size output with the reference. It skips, with
// the reason, while the CLI cannot yet build hello world; a benchmark that does not build is
// skipped too unless FIBERUS_BENCH_STRICT=1. A built program that prints something else fails.
func TestFiberusBuiltBenchmarks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building the benchmarks with fiberus")
	}
	needTools(t, "haxe", "go")
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	fiberus := filepath.Join(tmp, "fiberus")
	if _, err := runCmd(root, nil, "go", "build", "-o", fiberus, "./cmd/fiberus"); err != nil {
		t.Skipf("the fiberus CLI does not build yet: %v", tail(err.Error(), 300))
	}
	hello := filepath.Join(tmp, "hello")
	if err := os.MkdirAll(hello, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "class Main {\n\tstatic function main() {\n\t\tSys.println(\"hello\");\n\t}\n}\n"
	if err := os.WriteFile(filepath.Join(hello, "Main.hx"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	helloExe := filepath.Join(tmp, "hello-world")
	if _, err := runCmd(root, nil, fiberus, "build", "-cp", hello, "-main", "Main", "-o", helloExe); err != nil {
		t.Skipf("fiberus build cannot build hello world yet (compiler incomplete?): %v", tail(err.Error(), 500))
	}
	if out, err := runCmd(tmp, nil, helloExe); err != nil || strings.TrimSpace(string(out)) != "hello" {
		t.Skipf("fiberus-built hello world does not work yet: output %q, %v", out, err)
	}
	strict := os.Getenv("FIBERUS_BENCH_STRICT") == "1"

	// Two builds at a time: with the runtime cached a build is about a second, but after a
	// compiler or runtime change each one compiles its generated C afresh (several seconds).
	sem := make(chan struct{}, 2)
	for _, b := range benchmarks {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			needTools(t, refTool(b))
			sem <- struct{}{}
			defer func() { <-sem }()
			exe := filepath.Join(tmp, b.name)
			if _, err := runCmd(root, nil, fiberus, "build", "-cp", filepath.Join(root, "bench", b.name), "-main", "Main", "-o", exe); err != nil {
				if strict {
					t.Fatalf("fiberus build: %v", err)
				}
				t.Skipf("fiberus build fails (compiler incomplete?; FIBERUS_BENCH_STRICT=1 makes this an error): %v", tail(err.Error(), 500))
			}
			want := refOutput(t, root, t.TempDir(), b)
			got, err := runCmd(tmp, nil, exe, b.tiny...)
			if err != nil {
				t.Fatalf("the fiberus-built %s failed: %v", b.name, err)
			}
			if d := diffOutputs(got, want); d != "" {
				t.Errorf("fiberus-built %s differs from its %s reference: %s", b.name, b.ref, d)
			}
		})
	}
}

func TestDiffOutputs(t *testing.T) {
	if d := diffOutputs([]byte("a\nb\n"), []byte("a\nb")); d != "" {
		t.Errorf("a trailing newline should not matter, got %q", d)
	}
	if d := diffOutputs([]byte("a\nb\n"), []byte("a\nc\n")); !strings.Contains(d, "line 2") {
		t.Errorf("want a difference on line 2, got %q", d)
	}
	if d := diffOutputs([]byte("a\n"), []byte("a\nb\n")); !strings.Contains(d, "line 2") {
		t.Errorf("a missing line should be a difference, got %q", d)
	}
}

func TestMedian(t *testing.T) {
	if m := median([]time.Duration{5, 1, 3}); m != 3 {
		t.Errorf("median of 5,1,3 = %v, want 3", m)
	}
	if m := median([]time.Duration{4, 1, 3, 10}); m != 3 {
		t.Errorf("median of 4,1,3,10 = %v, want 3 (mean of the middle two)", m)
	}
}
