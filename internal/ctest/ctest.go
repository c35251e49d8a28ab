// Package ctest compiles and runs the runtime's C unit tests from Go tests, so
// that `go test ./...` is the one runner for everything.
//
// A C test is a program whose main returns 0 on success; it prints what failed
// on stderr. Run compiles it with the runtime's include paths, runs it, and
// reports its output on failure.
package ctest

import (
	fiberus "github.com/fiberus/fiberus"

	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Root is the repository root (where go.mod is).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// IncludeDirs are the runtime folders every C file may include from: the
// same as for programs that fiberus builds.
var IncludeDirs = fiberus.IncludeDirs

// baseFlags are the flags programs are built with, plus warnings: the runtime
// is tested as it ships.
func baseFlags() []string {
	return append(append([]string{}, fiberus.CFlags...), "-Wall", "-Wno-unused-function")
}

// Options adjust one compilation.
type Options struct {
	CFlags  []string      // extra flags, e.g. -fsanitize=thread
	LDFlags []string      // extra link flags, e.g. -lpthread
	Args    []string      // program arguments
	Env     []string      // extra environment
	Timeout time.Duration // default 2 minutes
}

// CC is the C compiler used by the tests (CC environment variable, else gcc).
func CC() string {
	if cc := os.Getenv("CC"); cc != "" {
		return cc
	}
	return "gcc"
}

// Build compiles sources (paths relative to the repository root) into an
// executable in t.TempDir and returns its path.
func Build(t testing.TB, name string, sources []string, opt Options) string {
	t.Helper()
	root := Root()
	exe := filepath.Join(t.TempDir(), name)
	args := baseFlags()
	for _, d := range IncludeDirs {
		args = append(args, "-I", filepath.Join(root, d))
	}
	args = append(args, opt.CFlags...)
	for _, s := range sources {
		if !filepath.IsAbs(s) {
			s = filepath.Join(root, s)
		}
		args = append(args, s)
	}
	args = append(args, "-o", exe, "-lpthread", "-lm")
	args = append(args, opt.LDFlags...)
	cmd := exec.Command(CC(), args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("compiling %s: %v\n%s %s\n%s", name, err, CC(), strings.Join(args, " "), out)
	}
	return exe
}

// Run builds the sources and runs the program; the test fails if it exits
// non-zero or times out. It returns the program's stdout.
func Run(t testing.TB, name string, sources []string, opt Options) string {
	t.Helper()
	exe := Build(t, name, sources, opt)
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	cmd := exec.Command(exe, opt.Args...)
	cmd.Env = append(os.Environ(), opt.Env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%s failed: %v\nstdout:\n%s\nstderr:\n%s", name, err, stdout.String(), stderr.String())
		}
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s timed out after %v\nstdout:\n%s\nstderr:\n%s", name, timeout, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// Glob lists the runtime C sources of the given folders (relative to the
// root), excluding tests (anything under a test/ subfolder).
func Glob(t testing.TB, folders ...string) []string {
	t.Helper()
	var out []string
	for _, f := range folders {
		m, err := filepath.Glob(filepath.Join(Root(), f, "*.c"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			rel, _ := filepath.Rel(Root(), p)
			out = append(out, rel)
		}
	}
	return out
}

var (
	archiveMu sync.Mutex
	archives  = map[string]string{}
)

// Archive compiles sources (relative to the root) once per process and flag
// set into a static archive under dir, and returns its path; pass it among a
// test's sources so that each test compiles only its own file. dir outlives
// single tests (a package's TestMain creates and removes it).
func Archive(t testing.TB, dir string, sources []string, opt Options) string {
	t.Helper()
	key := dir + "\x00" + strings.Join(opt.CFlags, " ") + "\x00" + strings.Join(sources, " ")
	archiveMu.Lock()
	defer archiveMu.Unlock()
	if a, ok := archives[key]; ok {
		return a
	}
	root := Root()
	sub, err := os.MkdirTemp(dir, "lib")
	if err != nil {
		t.Fatal(err)
	}
	args := baseFlags()
	for _, d := range IncludeDirs {
		args = append(args, "-I", filepath.Join(root, d))
	}
	args = append(args, opt.CFlags...)
	var objs []string
	for i, s := range sources {
		obj := filepath.Join(sub, fmt.Sprintf("%d_%s.o", i, filepath.Base(s)))
		cmd := exec.Command(CC(), append(args, "-c", filepath.Join(root, s), "-o", obj)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("compiling %s: %v\n%s", s, err, out)
		}
		objs = append(objs, obj)
	}
	a := filepath.Join(sub, "runtime.a")
	if out, err := exec.Command("ar", append([]string{"rcs", a}, objs...)...).CombinedOutput(); err != nil {
		t.Fatalf("ar %s: %v\n%s", a, err, out)
	}
	archives[key] = a
	return a
}

// Stress reports whether the long stress variants of the runtime tests run
// (FIBERUS_STRESS=1); by default they use counts that take seconds.
func Stress() bool { return os.Getenv("FIBERUS_STRESS") == "1" }

// TSan are the options of a thread-sanitizer build: any report fails the run.
var TSan = Options{CFlags: []string{"-fsanitize=thread", "-O1"}, Env: []string{"TSAN_OPTIONS=halt_on_error=1"}}

// ArchiveDir is where a test package's runtime archives go (see Archive); Main
// creates it for the package's run and removes it afterwards.
var ArchiveDir string

// Main is a TestMain for packages that compile runtime archives.
func Main(m *testing.M) {
	d, err := os.MkdirTemp("", "fiberus-ctest")
	if err != nil {
		panic(err)
	}
	ArchiveDir = d
	code := m.Run()
	os.RemoveAll(d)
	os.Exit(code)
}
