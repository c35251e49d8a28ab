package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// maxWatchedFiles bounds the class path scan of `fiberus run`; a class path
// holding more .hx files than this (say, a home folder) disables the run
// cache rather than making every run slow.
const maxWatchedFiles = 20000

// errTooManyFiles means the inputs are too many to fingerprint.
var errTooManyFiles = errors.New("too many files to watch")

// PrepareRun returns the program `fiberus run` should start, building it
// unless a previous build from the same inputs is still valid. Without an
// explicit output the program lives in the cache (cache/run/<key>/).
func PrepareRun(c *Config, opt Options) (string, error) {
	cache, err := CacheDir()
	if err != nil {
		return "", err
	}
	project := newHasher("run-project").add("cwd", opt.Cwd).add("config", configParts(c)...).key()
	dir := filepath.Join(cache, "run", project)
	if !c.OutputSet {
		c.Output = filepath.Join(dir, c.MainName())
	}
	stampFile := filepath.Join(dir, "stamp")
	log := NewLogger(opt.Stderr, c.Verbose)

	stamp, ferr := runFingerprint(c, opt)
	if ferr != nil {
		log.Verbosef("fiberus: not caching this run: %v", ferr)
	} else if old, err := os.ReadFile(stampFile); err == nil && string(old) == stamp+outputStat(c.Output) {
		log.Verbosef("fiberus: inputs unchanged, running %s", c.Output)
		return c.Output, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	os.Remove(stampFile)
	if _, err := Build(c, opt); err != nil {
		return "", err
	}
	if ferr == nil {
		// A stamp from the inputs seen before the build: an edit made during
		// the build makes the next run rebuild, never skip.
		if err := writeFileAtomic(stampFile, []byte(stamp+outputStat(c.Output)), 0o644); err != nil {
			log.Verbosef("fiberus: cannot save the run cache: %v", err)
		}
	}
	return c.Output, nil
}

// configParts lists everything of a configuration that shapes the program.
func configParts(c *Config) []string {
	parts := []string{"main=" + c.Main, "cc=" + c.CC, "kind=" + c.Kind, "output=" + c.Output,
		"haxecwd=" + c.HaxeCwd, fmt.Sprint("outputset=", c.OutputSet), fmt.Sprint("nolines=", c.NoLines)}
	list := func(name string, l []string) {
		parts = append(parts, fmt.Sprintf("%s=%d", name, len(l)))
		parts = append(parts, l...)
	}
	list("cp", c.Classpaths)
	list("D", c.Defines)
	list("lib", c.Libs)
	list("cflags", c.CFlags)
	list("ldflags", c.LDFlags)
	list("csources", c.CSources)
	list("haxe", c.Haxe)
	list("inputs", c.Inputs)
	return parts
}

// runFingerprint hashes what a build reads: the configuration, the tools,
// the embedded runtime, and the size and time of every source file.
func runFingerprint(c *Config, opt Options) (string, error) {
	k := newHasher("run-inputs").add("config", configParts(c)...)
	if self, err := os.Executable(); err == nil {
		k.add("fiberus", self, statString(self))
	}
	haxe, err := FindHaxe()
	if err != nil {
		return "", err
	}
	k.add("haxe", haxe, statString(haxe))
	for _, e := range []string{"HAXE_STD_PATH", "HAXEPATH", "HAXELIB_PATH", "CC", "PATH"} {
		k.add("env", e, os.Getenv(e))
	}
	if cc := strings.Fields(c.CC); len(cc) > 0 {
		if p, err := exec.LookPath(cc[0]); err == nil {
			k.add("cc", p, statString(p))
		}
	}
	if opt.Sources != nil {
		if h, err := opt.Sources.Hash(); err == nil {
			k.add("runtime", h)
		}
	}
	dirs := make([]string, 0, len(c.Classpaths))
	for _, cp := range c.Classpaths {
		dirs = append(dirs, absPath(c.HaxeCwd, cp))
	}
	if len(c.Libs) > 0 {
		libDirs, err := haxelibPaths(c)
		if err != nil {
			return "", err
		}
		dirs = append(dirs, libDirs...)
	}
	n := 0
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // a missing class path is haxe's to report
			}
			if e.IsDir() && p != d && strings.HasPrefix(e.Name(), ".") {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(p, ".hx") {
				if n++; n > maxWatchedFiles {
					return errTooManyFiles
				}
				k.add("hx", p, statString(p))
			}
			return nil
		})
		if err != nil {
			return "", fmt.Errorf("class path %s: %w", d, err)
		}
	}
	var files []string
	files = append(files, c.Inputs...)
	files = append(files, c.CSources...)
	for _, s := range c.CSources {
		h, _ := filepath.Glob(filepath.Join(filepath.Dir(s), "*.h"))
		files = append(files, h...)
	}
	if c.ConfigFile != "" {
		files = append(files, c.ConfigFile)
	}
	for i := 0; i+1 < len(c.Haxe); i++ {
		if name := canonical(c.Haxe[i]); name == "resource" {
			file, _, _ := strings.Cut(c.Haxe[i+1], "@")
			files = append(files, absPath(c.HaxeCwd, file))
		}
	}
	for _, f := range files {
		k.add("file", f, statString(f))
	}
	return k.key(), nil
}

// haxelibPaths asks haxelib for the class paths of the configured libraries.
func haxelibPaths(c *Config) ([]string, error) {
	out, err := exec.Command("haxelib", append([]string{"path"}, c.Libs...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("haxelib path: %v", err)
	}
	var dirs []string
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "-") {
			dirs = append(dirs, line)
		}
	}
	return dirs, nil
}

func statString(p string) string {
	st, err := os.Stat(p)
	if err != nil {
		return "missing"
	}
	return fmt.Sprintf("%d %d %o", st.Size(), st.ModTime().UnixNano(), st.Mode())
}

func outputStat(p string) string { return "\noutput " + statString(p) }
