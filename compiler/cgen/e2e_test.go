package cgen

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fiberus/fiberus/compiler/hl"
	"github.com/fiberus/fiberus/internal/ctest"
)

// The end-to-end tests compile each testdata/<name>/Main.hx with haxe, generate
// C, build it with every runtime source and compare stdout (expected.txt),
// stderr (expected_stderr.txt, optional) and the exit code (exitcode,
// optional, default 0). An `env` file adds environment variables; a `cflags`
// file replaces the optimisation level (programs are built at -O0 to keep the
// test fast; those exercising setjmp/volatile paths use -O2).

var cflags = []string{"-std=gnu11", "-O0", "-fwrapv", "-fno-strict-aliasing", "-w"}

func includeFlags() []string {
	var out []string
	for _, d := range ctest.IncludeDirs {
		out = append(out, "-I", filepath.Join(ctest.Root(), d))
	}
	return out
}

var (
	runtimeOnce sync.Once
	runtimeLib  string
	runtimeErr  string
)

// runtimeArchive compiles every runtime source once into an archive.
func runtimeArchive(t *testing.T) string {
	runtimeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cgen-rt")
		if err != nil {
			runtimeErr = err.Error()
			return
		}
		srcs := ctest.Glob(t, "fibers", "jobs", "counters", "fibrix", "io", "hxrt")
		srcs = append(srcs, "fibers/fiber_switch.S") // hx_main runs main on the job runtime
		var objs []string
		for i, s := range srcs {
			o := filepath.Join(dir, strconv.Itoa(i)+".o")
			args := append(append(append([]string{}, cflags...), includeFlags()...), "-c", filepath.Join(ctest.Root(), s), "-o", o)
			if out, err := exec.Command(ctest.CC(), args...).CombinedOutput(); err != nil {
				runtimeErr = s + ": " + string(out)
				return
			}
			objs = append(objs, o)
		}
		lib := filepath.Join(dir, "librt.a")
		if out, err := exec.Command("ar", append([]string{"rcs", lib}, objs...)...).CombinedOutput(); err != nil {
			runtimeErr = string(out)
			return
		}
		runtimeLib = lib
	})
	if runtimeErr != "" {
		t.Fatalf("building the runtime: %s", runtimeErr)
	}
	return runtimeLib
}

// buildProgram runs haxe, cgen and cc on dir/Main.hx; returns the executable.
func buildProgram(t *testing.T, dir string) string {
	return buildProgramWith(t, dir, Options{Files: 2})
}

// buildProgramWith is buildProgram with the generator's options.
func buildProgramWith(t *testing.T, dir string, opt Options) string {
	flags := cflags
	if b, err := os.ReadFile(filepath.Join(dir, "cflags")); err == nil {
		flags = append(append([]string{}, cflags...), strings.Fields(string(b))...)
	}
	t.Helper()
	tmp := t.TempDir()
	hlFile := filepath.Join(tmp, "out.hl")
	cmd := exec.Command("haxe", "-main", "Main", "-hl", hlFile)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("haxe: %v\n%s", err, out)
	}
	data, err := os.ReadFile(hlFile)
	if err != nil {
		t.Fatal(err)
	}
	m, err := hl.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Generate(m, opt)
	if err != nil {
		t.Fatal(err)
	}
	var objs []string
	var wg sync.WaitGroup
	errs := make([]string, len(out.Files))
	for _, f := range out.Files {
		if err := os.WriteFile(filepath.Join(tmp, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, f := range out.Files {
		if !strings.HasSuffix(f.Name, ".c") {
			continue
		}
		o := filepath.Join(tmp, strings.TrimSuffix(f.Name, ".c")+".o")
		objs = append(objs, o)
		wg.Add(1)
		go func(i int, src, o string) {
			defer wg.Done()
			args := append(append(append([]string{}, flags...), includeFlags()...), "-c", src, "-o", o)
			if b, err := exec.Command(ctest.CC(), args...).CombinedOutput(); err != nil {
				errs[i] = src + ": " + string(b)
			}
		}(i, filepath.Join(tmp, f.Name), o)
	}
	wg.Wait()
	for _, e := range errs {
		if e != "" {
			t.Fatalf("cc: %s", e)
		}
	}
	exe := filepath.Join(tmp, "prog")
	args := append(objs, runtimeArchive(t), "-o", exe, "-lpcre2-16", "-lz", "-lm", "-lpthread")
	if b, err := exec.Command(ctest.CC(), args...).CombinedOutput(); err != nil {
		t.Fatalf("link: %v\n%s", err, b)
	}
	return exe
}

func TestEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe not on PATH")
	}
	dirs, err := filepath.Glob("testdata/*/Main.hx")
	if err != nil || len(dirs) == 0 {
		t.Fatal("no test programs")
	}
	for _, p := range dirs {
		dir := filepath.Dir(p)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
			if err != nil {
				t.Fatal(err)
			}
			wantCode := 0
			if b, err := os.ReadFile(filepath.Join(dir, "exitcode")); err == nil {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			}
			exe := buildProgram(t, dir)
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe)
			cmd.Env = os.Environ()
			if b, err := os.ReadFile(filepath.Join(dir, "env")); err == nil {
				cmd.Env = append(cmd.Env, strings.Fields(string(b))...)
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err = cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d\nstderr:\n%s", code, wantCode, stderr.String())
			}
			if stdout.String() != string(want) {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), want)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "expected_stderr.txt")); err == nil && stderr.String() != string(b) {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), b)
			}
		})
	}
}
