// Package build is the driver behind `fiberus build` and `fiberus run`: it
// runs haxe to get HashLink bytecode, turns the bytecode into C with cgen,
// compiles the C in parallel against the cached runtime archive and links
// the program.
//
// Files: args.go and hxml.go read the command line, config.go merges it with
// fiberus.yaml and the environment, haxe.go runs haxe, runtime.go unpacks
// and compiles the runtime once per configuration, cc.go runs the C
// compiler, objects.go compiles generated and user C through the object
// cache, cache.go holds the cache helpers, output.go writes the program
// atomically, run.go decides whether `run` may skip the build, progress.go
// reports on stderr, doctor.go checks the machine, dump.go lists bytecode.
package build

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fiberus/fiberus/compiler/cgen"
	"github.com/fiberus/fiberus/compiler/hl"
)

// Options are what a build needs besides its configuration.
type Options struct {
	Sources *Sources
	Stderr  io.Writer // haxe's messages, warnings, progress, -v commands
	Cwd     string
}

// Result describes a finished build.
type Result struct {
	Output         string
	MissingNatives []string
	Times          map[string]time.Duration // per step, for measurements
}

// Build compiles the program described by c into c.Output.
func Build(c *Config, opt Options) (res *Result, err error) {
	res = &Result{Output: c.Output, Times: map[string]time.Duration{}}
	log := NewLogger(opt.Stderr, c.Verbose)
	timed := func(name string, t0 time.Time) { res.Times[name] += time.Since(t0) }

	// Fail early on what needs no work: the output and the tools.
	out, err := newOutputFile(c.Output)
	if err != nil {
		return nil, err
	}
	defer out.abort()
	defer onInterrupt(out.tmp, out.abort)()
	haxe, err := FindHaxe()
	if err != nil {
		return nil, err
	}
	cache, err := CacheDir()
	if err != nil {
		return nil, err
	}
	tc, err := NewToolchain(c.CC, c.CFlags, log)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	src, err := opt.Sources.Extract(cache)
	if err != nil {
		return nil, err
	}
	tc.Include = src.Include(opt.Sources)
	timed("extract", t0)

	work, err := os.MkdirTemp("", "fiberus-build-")
	if err != nil {
		return nil, fmt.Errorf("creating a work folder: %w", err)
	}
	keep := c.Keep
	defer onInterrupt(work, func() { os.RemoveAll(work) })()
	defer func() {
		if c.Keep {
			log.printf("fiberus: the build files (out.hl, generated C in c/) are in %s\n", work)
		} else if !keep { // kept when an error message points there
			os.RemoveAll(work)
		}
	}()

	// The runtime (and user C sources) compile while haxe runs.
	var (
		wg      sync.WaitGroup
		rt      *Runtime
		rtErr   error
		rtTime  time.Duration
		userObj []string
		userSym map[string]bool
		userErr error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		t0 := time.Now()
		rt, rtErr = BuildRuntime(opt.Sources, src, tc, cache, log)
		if rtErr == nil {
			userObj, userSym, userErr = compileUserSources(c.CSources, tc, cache, work, log)
		}
		rtTime = time.Since(t0)
	}()

	hlFile := filepath.Join(work, "out.hl")
	step := log.Start("running haxe", 0)
	t0 = time.Now()
	herr := RunHaxe(haxe, HaxeArgs(c, filepath.Join(src.Dir, filepath.FromSlash(opt.Sources.HaxeLib)), hlFile), c.HaxeCwd, opt.Stderr, log)
	step.Done()
	timed("haxe", t0)
	wg.Wait()
	res.Times["runtime"] = rtTime
	if herr != nil {
		return nil, herr
	}
	if rtErr != nil {
		var ce *CCError
		if errors.As(rtErr, &ce) {
			return nil, &InternalError{What: "the runtime does not compile", Err: rtErr}
		}
		return nil, fmt.Errorf("building the runtime: %w", rtErr)
	}
	if userErr != nil {
		return nil, userErr
	}

	t0 = time.Now()
	data, err := os.ReadFile(hlFile)
	if err != nil {
		return nil, fmt.Errorf("haxe wrote no bytecode: %w", err)
	}
	m, err := readModule(data)
	if err != nil {
		keep = true
		return nil, fmt.Errorf("malformed bytecode from haxe (kept in %s): %w; is this haxe version supported? (`fiberus doctor`)", hlFile, err)
	}
	timed("read", t0)

	step = log.Start("generating C", 0)
	t0 = time.Now()
	gen, err := generate(m, cgen.Options{
		Available: func(sym string) bool { return rt.Symbols[sym] || userSym[sym] },
		NoLines:   c.NoLines,
	})
	step.Done()
	timed("cgen", t0)
	if err != nil {
		keep = true
		return nil, &CodegenError{HL: hlFile, Err: err}
	}
	res.MissingNatives = gen.MissingNatives
	for _, n := range gen.MissingNatives {
		log.Warnf("native %s is not defined by the runtime or the csources; calling it raises an exception", n)
	}

	t0 = time.Now()
	objs, err := compileGenerated(gen.Files, tc.ForGenerated(), cache, work, log)
	timed("cc", t0)
	if err != nil {
		var ce *CCError
		if errors.As(err, &ce) {
			keep = true
			return nil, &InternalError{What: "the generated C does not compile", Kept: filepath.Join(work, "c"), Err: err}
		}
		return nil, err
	}

	t0 = time.Now()
	inputs := append(append(objs, userObj...), rt.Archive)
	if err := tc.Link(out.tmp, inputs, append(append([]string{}, c.LDFlags...), opt.Sources.Libs()...)); err != nil {
		if len(c.LDFlags) > 0 || len(c.CSources) > 0 {
			return nil, fmt.Errorf("linking %s failed (check ldflags and csources): %w", c.Output, err)
		}
		keep = true
		return nil, &InternalError{What: "linking failed", Kept: filepath.Join(work, "c"), Err: err}
	}
	if err := out.commit(); err != nil {
		return nil, err
	}
	sweep(cache)
	timed("link", t0)
	var times []string
	for _, step := range []string{"extract", "haxe", "runtime", "read", "cgen", "cc", "link"} {
		times = append(times, fmt.Sprintf("%s %.2fs", step, res.Times[step].Seconds()))
	}
	log.Verbosef("fiberus: times: %s", strings.Join(times, ", "))
	return res, nil
}

// readModule is hl.Read turning a panic (a reader bug) into an error.
func readModule(data []byte) (m *hl.Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("the bytecode reader crashed: %v", r)
		}
	}()
	return hl.Read(data)
}

// generate is cgen.Generate turning a panic (a generator bug) into an error.
func generate(m *hl.Module, opt cgen.Options) (out *cgen.Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the C generator crashed: %v", r)
		}
	}()
	return cgen.Generate(m, opt)
}
