package build

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	fiberus "github.com/fiberus/fiberus"
)

// Sources describes the files fiberus carries inside itself (the root
// package's embedded FS): the runtime folders and the SDK.
type Sources struct {
	FS          fs.FS
	RuntimeDirs []string // folders whose *.c and *.S make the runtime archive
	IncludeDirs []string // -I folders of every C compilation
	HaxeLib     string   // folder added to haxe's class path
}

// Extracted is the sources unpacked in the cache.
type Extracted struct {
	Dir  string // root: Dir/hxrt, Dir/sdk/haxe, ...
	Hash string // content hash of every file
}

// Include returns the -I folders inside the extracted tree.
func (x *Extracted) Include(s *Sources) []string {
	out := make([]string, len(s.IncludeDirs))
	for i, d := range s.IncludeDirs {
		out[i] = filepath.Join(x.Dir, filepath.FromSlash(d))
	}
	return out
}

// files lists the embedded files and hashes their names and contents.
func (s *Sources) files() ([]string, string, error) {
	var files []string
	k := newHasher("sources")
	err := fs.WalkDir(s.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(s.FS, p)
		if err != nil {
			return err
		}
		k.add("file", p).addBytes("data", data)
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("reading the embedded runtime sources: %w", err)
	}
	return files, k.key(), nil
}

// Hash is the content hash of the embedded files.
func (s *Sources) Hash() (string, error) {
	_, h, err := s.files()
	return h, err
}

// Extract unpacks the sources under cache/src/<hash> unless they are there.
func (s *Sources) Extract(cache string) (*Extracted, error) {
	files, hash, err := s.files()
	if err != nil {
		return nil, err
	}
	x := &Extracted{Hash: hash}
	x.Dir = filepath.Join(cache, "src", x.Hash)
	if st, err := os.Stat(x.Dir); err == nil && st.IsDir() {
		touch(x.Dir)
		return x, nil
	}
	err = installDir(x.Dir, func(tmp string) error {
		for _, p := range files {
			data, err := fs.ReadFile(s.FS, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(tmp, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("extracting the runtime sources into %s: %w", x.Dir, err)
	}
	return x, nil
}

// runtimeSources lists the runtime's C and assembly files (slash paths
// relative to the extracted root), not those of test folders.
func (s *Sources) runtimeSources() ([]string, error) {
	return fiberus.ListSources(s.FS, s.RuntimeDirs...)
}

// UsesUring reports whether the runtime's sources include liburing.h, in
// which case programs link with UringLib.
func (s *Sources) UsesUring() bool {
	found := false
	_ = fs.WalkDir(s.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || found {
			return nil
		}
		if ext := path.Ext(p); ext == ".c" || ext == ".h" {
			if data, err := fs.ReadFile(s.FS, p); err == nil && bytes.Contains(data, []byte("<liburing.h>")) {
				found = true
			}
		}
		return nil
	})
	return found
}

// Libs are the libraries every program of these sources links with.
func (s *Sources) Libs() []string {
	libs := append([]string{}, LinkLibs...)
	if s.UsesUring() {
		libs = append(libs, UringLib)
	}
	return libs
}

// Runtime is the compiled runtime of one configuration.
type Runtime struct {
	Dir     string          // cache/runtime/<key>
	Archive string          // Dir/libfiberus_rt.a
	Symbols map[string]bool // the C symbols it defines
	Built   bool            // compiled by this call (not found in the cache)
}

const (
	archiveName = "libfiberus_rt.a"
	symbolsName = "symbols.txt"
)

// RuntimeKey identifies a runtime build: sources, compiler, flags.
func RuntimeKey(x *Extracted, t *Toolchain) string {
	return newHasher("runtime").add("sources", x.Hash).add("cc", t.ID).add("flags", t.Flags()...).key()
}

// BuildRuntime returns the runtime archive for the toolchain's
// configuration, compiling it into the cache first if needed.
func BuildRuntime(s *Sources, x *Extracted, t *Toolchain, cache string, log *Logger) (*Runtime, error) {
	rt := &Runtime{Dir: filepath.Join(cache, "runtime", RuntimeKey(x, t))}
	rt.Archive = filepath.Join(rt.Dir, archiveName)
	if syms, err := readSymbols(filepath.Join(rt.Dir, symbolsName)); err == nil && exists(rt.Archive) {
		touch(filepath.Join(rt.Dir, symbolsName))
		rt.Symbols = syms
		return rt, nil
	}
	srcs, err := s.runtimeSources()
	if err != nil {
		return nil, err
	}
	step := log.Start(fmt.Sprintf("compiling the runtime (%d files, once per configuration)", len(srcs)), len(srcs))
	defer step.Done()
	err = installDir(rt.Dir, func(tmp string) error {
		objs := make([]string, len(srcs))
		jobs := make([]func() error, len(srcs))
		for i, src := range srcs {
			objs[i] = filepath.Join(tmp, strings.ReplaceAll(strings.TrimSuffix(src, path.Ext(src)), "/", "_")+".o")
			jobs[i] = func() error { return t.Compile(filepath.Join(x.Dir, filepath.FromSlash(src)), objs[i]) }
		}
		if err := parallel(jobs, func() { step.Add(1) }); err != nil {
			return err
		}
		archive := filepath.Join(tmp, archiveName)
		args := append([]string{"rcs", archive}, objs...)
		log.Command("ar", args)
		if out, err := exec.Command("ar", args...).CombinedOutput(); err != nil {
			return fmt.Errorf("ar: %v\n%s", err, out)
		}
		syms, err := definedSymbols(log, archive)
		if err != nil {
			return err
		}
		for _, o := range objs {
			os.Remove(o)
		}
		info := fmt.Sprintf("cc: %s\nflags: %s\nsources: %s\n", t.ID, strings.Join(t.Flags(), " "), x.Hash)
		if err := os.WriteFile(filepath.Join(tmp, "config.txt"), []byte(info), 0o644); err != nil {
			return err
		}
		return writeSymbols(filepath.Join(tmp, symbolsName), syms)
	})
	if err != nil {
		return nil, err
	}
	rt.Built = true
	if rt.Symbols, err = readSymbols(filepath.Join(rt.Dir, symbolsName)); err != nil {
		return nil, err
	}
	return rt, nil
}

// definedSymbols lists the global symbols an archive or object defines.
func definedSymbols(log *Logger, file string) (map[string]bool, error) {
	args := []string{"-g", "--defined-only", file}
	log.Command("nm", args)
	out, err := exec.Command("nm", args...).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("nm %s: %v\n%s", file, err, ee.Stderr)
		}
		return nil, fmt.Errorf("nm (from binutils, needed to list the runtime's functions): %v; install it with `apt-get install binutils`", err)
	}
	syms := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		// "0000000000000000 T hxn_std_itos"; member headers "x.o:" have one field.
		if f := strings.Fields(sc.Text()); len(f) == 3 {
			syms[f[2]] = true
		}
	}
	return syms, nil
}

func writeSymbols(file string, syms map[string]bool) error {
	list := make([]string, 0, len(syms))
	for s := range syms {
		list = append(list, s)
	}
	sort.Strings(list)
	return os.WriteFile(file, []byte(strings.Join(list, "\n")+"\n"), 0o644)
}

func readSymbols(file string) (map[string]bool, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	syms := map[string]bool{}
	for _, s := range strings.Fields(string(data)) {
		syms[s] = true
	}
	return syms, nil
}
