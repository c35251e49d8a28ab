package build

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/fiberus/fiberus/compiler/cgen"
)

// compileGenerated writes the generated files and compiles the .c ones in
// parallel, reusing cached objects of unchanged files. The generated non-.c
// files (shared headers) are part of the cache key of each file that
// includes one; the others (cgen's self-contained function files, which are
// the same bytes in every program using a std module alike) are keyed by
// their own content only, and so share objects across programs.
func compileGenerated(files []cgen.File, tc *Toolchain, cache, work string, log *Logger) ([]string, error) {
	dir := filepath.Join(work, "c")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var deps []byte
	var srcs []string
	var sizes []int
	var data [][]byte
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, fmt.Errorf("writing generated C: %w", err)
		}
		if strings.HasSuffix(f.Name, ".c") {
			srcs = append(srcs, p)
			sizes = append(sizes, len(f.Data))
			data = append(data, f.Data)
		} else {
			deps = append(append(deps, f.Name...), f.Data...)
		}
	}
	// No -I for dir: generated files include each other with quotes, found
	// next to the includer, and a work-folder path in the flags would defeat
	// the object cache.
	// Biggest files first: the last job to start is then a short one.
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return sizes[order[a]] > sizes[order[b]] })
	objs := make([]string, len(srcs)) // in generated order: the link order is stable
	jobs := make([]func() error, len(srcs))
	hits := 0
	var mu sync.Mutex
	for k, i := range order {
		s := srcs[i]
		var d []byte
		if includesGenerated(data[i], files) {
			d = deps
		}
		jobs[k] = func() error {
			obj, hit, err := tc.CompileCached(cache, s, d, dir)
			objs[i] = obj
			if hit {
				mu.Lock()
				hits++
				mu.Unlock()
			}
			return err
		}
	}
	step := log.Start(fmt.Sprintf("compiling C (%d files)", len(srcs)), len(srcs))
	err := parallel(jobs, func() { step.Add(1) })
	step.Done()
	log.Verbosef("fiberus: %d of %d generated C files were unchanged (cached objects)", hits, len(srcs))
	return objs, err
}

// compileUserSources compiles the configured C sources (user natives) and
// lists the symbols they define. An object's cache key includes the .h
// files of its source's folder.
func compileUserSources(srcs []string, tc *Toolchain, cache, work string, log *Logger) ([]string, map[string]bool, error) {
	syms := map[string]bool{}
	objs := make([]string, len(srcs))
	jobs := make([]func() error, len(srcs))
	for i, s := range srcs {
		jobs[i] = func() error {
			deps, err := folderHeaders(filepath.Dir(s))
			if err != nil {
				return err
			}
			obj, _, err := tc.CompileCached(cache, s, deps, work)
			if err != nil {
				var ce *CCError
				if errors.As(err, &ce) {
					return fmt.Errorf("your C source %s does not compile:\n%s", s, firstLines(ce.Output, 20))
				}
				return fmt.Errorf("C source %s: %w", s, errNotFound(err))
			}
			objs[i] = obj
			return nil
		}
	}
	if err := parallel(jobs, nil); err != nil {
		return nil, nil, err
	}
	for _, o := range objs {
		s, err := definedSymbols(log, o)
		if err != nil {
			return nil, nil, err
		}
		for k := range s {
			syms[k] = true
		}
	}
	return objs, syms, nil
}

// folderHeaders is the content of the .h files in dir, for cache keys.
func folderHeaders(dir string) ([]byte, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.h"))
	if err != nil {
		return nil, err
	}
	var b []byte
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		b = append(append(b, n...), data...)
	}
	return b, nil
}

// includesGenerated reports whether C source src includes one of the
// generated non-.c files.
func includesGenerated(src []byte, files []cgen.File) bool {
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".c") && bytes.Contains(src, []byte("#include \""+f.Name+"\"")) {
			return true
		}
	}
	return false
}
