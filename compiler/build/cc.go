package build

import (
	fiberus "github.com/fiberus/fiberus"

	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// BaseCFlags are the flags of every C compilation (see fiberus.CFlags).
var BaseCFlags = fiberus.CFlags

// baseCFlags are BaseCFlags for the compiler that id names (its path or the
// first line of its --version): clang rejects the gcc-only ones.
func baseCFlags(id string) []string {
	if !strings.Contains(id, "clang") {
		return BaseCFlags
	}
	var flags []string
	for _, f := range BaseCFlags {
		if !slices.Contains(fiberus.GCCOnlyCFlags, f) {
			flags = append(flags, f)
		}
	}
	return flags
}

// LinkLibs are the system libraries every program links with.
var LinkLibs = []string{"-lpcre2-16", "-lz", "-lm", "-lpthread"}

// UringLib is linked too when the runtime's io/ sources include liburing.h.
const UringLib = "-luring"

// Toolchain runs the C compiler with the flags of one configuration.
type Toolchain struct {
	Cmd     []string // the compiler command ("gcc", or "ccache gcc")
	ID      string   // identity for cache keys: resolved path and version
	CFlags  []string // user cflags
	Include []string // -I folders
	log     *Logger
}

// NewToolchain finds the C compiler cc (a command, possibly with arguments).
func NewToolchain(cc string, cflags []string, log *Logger) (*Toolchain, error) {
	cmd := strings.Fields(cc)
	if len(cmd) == 0 {
		return nil, fmt.Errorf("no C compiler configured (cc is empty)")
	}
	path, err := exec.LookPath(cmd[0])
	if err != nil {
		return nil, fmt.Errorf("C compiler %q not found: install one with `apt-get install gcc`, or set cc in %s or FIBERUS_CC", cmd[0], ConfigFileName)
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	t := &Toolchain{Cmd: cmd, CFlags: cflags, log: log}
	// The version line changes when the compiler is upgraded in place.
	version, _ := exec.Command(cmd[0], append(cmd[1:], "--version")...).Output()
	first, _, _ := strings.Cut(string(version), "\n")
	t.ID = strings.Join(append([]string{path}, cmd[1:]...), " ") + " " + first
	return t, nil
}

// GeneratedCFlags are added for generated C, before the user's cflags (which
// may override them): line tables only (-g1). Stack traces, gdb and perf still
// speak .hx files and lines; the generated locals (r0, r1, ...) lose their debug
// info, which makes compiling a program's C about 20 % faster. `--cflags -g`
// brings it back.
var GeneratedCFlags = []string{"-g1"}

// ForGenerated is the toolchain that compiles generated C.
func (t *Toolchain) ForGenerated() *Toolchain {
	g := *t
	g.CFlags = append(append([]string{}, GeneratedCFlags...), t.CFlags...)
	return &g
}

// Flags are the compilation flags without the input and output files.
func (t *Toolchain) Flags() []string {
	flags := append([]string{}, baseCFlags(t.ID)...)
	for _, d := range t.Include {
		flags = append(flags, "-I"+d)
	}
	return append(flags, t.CFlags...)
}

// CCError is a failed C compilation or link.
type CCError struct {
	File   string // the source compiled, or the output linked
	Output string // the compiler's messages
	Err    error
}

func (e *CCError) Error() string {
	return fmt.Sprintf("%s: %v\n%s", e.File, e.Err, firstLines(e.Output, 20))
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		return strings.Join(lines[:n], "") + fmt.Sprintf("\n... (%d more lines)", len(lines)-n)
	}
	return strings.Join(lines, "")
}

func (t *Toolchain) run(file string, args []string) error {
	full := append(append([]string{}, t.Cmd[1:]...), args...)
	t.log.Command(t.Cmd[0], full)
	cmd := exec.Command(t.Cmd[0], full...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return &CCError{File: file, Output: out.String(), Err: err}
	}
	return nil
}

// Compile compiles one C (or .S) source into obj.
func (t *Toolchain) Compile(src, obj string) error {
	return t.run(src, append(t.Flags(), "-c", src, "-o", obj))
}

// Link writes the executable out from objects, archives and libraries.
func (t *Toolchain) Link(out string, inputs, ldflags []string) error {
	args := append([]string{"-o", out}, inputs...)
	return t.run(out, append(args, ldflags...))
}

// CompileCached compiles src into an object kept in the cache, keyed by the
// source's content, deps (the content of files it includes that may change),
// the compiler and the flags. It returns the object's path and whether it
// came from the cache. workDir holds the object while it is compiled.
func (t *Toolchain) CompileCached(cache, src string, deps []byte, workDir string) (string, bool, error) {
	content, err := os.ReadFile(src)
	if err != nil {
		return "", false, err
	}
	key := newHasher("object").add("cc", t.ID).add("flags", t.Flags()...).
		add("ext", filepath.Ext(src)).addBytes("source", content).addBytes("deps", deps).key()
	cached := objectPath(cache, key)
	if exists(cached) {
		touch(cached)
		return cached, true, nil
	}
	obj := filepath.Join(workDir, key+".o")
	if err := t.Compile(src, obj); err != nil {
		return "", false, err
	}
	if err := copyFileAtomic(obj, cached); err != nil {
		return obj, false, nil // a cache we cannot write only costs time
	}
	return cached, false, nil
}

// parallel runs the jobs on up to runtime.NumCPU goroutines and returns the
// error of the first failed job in job order; done is called after each job.
func parallel(jobs []func() error, done func()) error {
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.NumCPU(), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = jobs[i]()
				if done != nil {
					done()
				}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
