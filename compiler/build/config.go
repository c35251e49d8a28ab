package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/viper"
)

// ConfigFileName is the optional configuration file looked up next to the sources.
const ConfigFileName = "fiberus.yaml"

// Output kinds.
const (
	KindExe       = "exe"
	KindStaticLib = "staticlib"
	KindSharedLib = "sharedlib"
)

// configKeys are the keys of fiberus.yaml; each can also be set by the
// environment variable FIBERUS_<KEY> (upper case).
var configKeys = []string{"main", "classpaths", "defines", "libs", "cc", "cflags", "ldflags", "csources", "kind", "output"}

// pathKeys hold paths; relative ones are relative to the file that set them
// (the yaml file's folder, or the current directory for environment and flags).
var pathKeys = map[string]bool{"classpaths": true, "csources": true, "output": true}

// Config is a fully resolved build: fiberus.yaml < FIBERUS_* environment <
// command line, key by key (a key set by a stronger source replaces the whole
// value, lists included).
type Config struct {
	Main       string
	Classpaths []string // as handed to haxe (relative to HaxeCwd)
	Defines    []string
	Libs       []string
	CC         string
	CFlags     []string
	LDFlags    []string
	CSources   []string
	Kind       string
	Output     string // the program to write, absolute
	OutputSet  bool   // Output was asked for (-o, --fiberus, config), not defaulted

	Haxe        []string // haxe arguments passed through
	HaxeCwd     string   // folder haxe resolves its relative paths against
	Inputs      []string // hxml and .hx files named on the command line
	ConfigFile  string   // the fiberus.yaml used, if any
	Verbose     bool
	Keep        bool
	NoLines     bool
	ProgramArgs []string
}

// MainName is the program's default file name: the main class without its package.
func (c *Config) MainName() string {
	if i := strings.LastIndexByte(c.Main, '.'); i >= 0 {
		return c.Main[i+1:]
	}
	return c.Main
}

// findConfig returns the fiberus.yaml to use: the --config file, else the
// first found next to a named hxml or .hx file, in the current directory, or
// in the first class path.
func findConfig(a *Args, cwd string) (string, error) {
	if a.ConfigFile != "" {
		if _, err := os.Stat(a.ConfigFile); err != nil {
			return "", fmt.Errorf("configuration file %s: %w", a.ConfigFile, errNotFound(err))
		}
		return absPath(cwd, a.ConfigFile), nil
	}
	var dirs []string
	for _, in := range a.Inputs {
		dirs = append(dirs, filepath.Dir(in))
	}
	dirs = append(dirs, ".")
	if len(a.Classpaths) > 0 {
		dirs = append(dirs, a.Classpaths[0])
	}
	for _, d := range dirs {
		p := absPath(cwd, filepath.Join(d, ConfigFileName))
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", nil
}

// Resolve merges the command line with fiberus.yaml and the environment.
// cwd is the current directory (relative paths on the command line and in
// the environment start there).
func Resolve(a *Args, cwd string) (*Config, error) {
	file, err := findConfig(a, cwd)
	if err != nil {
		return nil, err
	}
	v := viper.New()
	v.SetEnvPrefix("FIBERUS")
	v.AutomaticEnv()
	for _, k := range configKeys {
		_ = v.BindEnv(k) // so env-only keys show up too
	}
	v.SetDefault("kind", KindExe)
	if file != "" {
		v.SetConfigFile(file)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		for _, k := range v.AllKeys() {
			if !slices.Contains(configKeys, k) {
				return nil, fmt.Errorf("%s: unknown key %q (known keys: %s)", file, k, strings.Join(configKeys, ", "))
			}
		}
	}
	// The command line is strongest: viper's Set overrides env and file.
	flagSet := map[string]bool{}
	set := func(k string, val any, given bool) {
		if given {
			v.Set(k, val)
			flagSet[k] = true
		}
	}
	set("main", a.Main, a.Main != "")
	set("classpaths", a.Classpaths, a.Classpaths != nil)
	set("defines", a.Defines, a.Defines != nil)
	set("libs", a.Libs, a.Libs != nil)
	set("cc", a.CC, a.CC != "")
	set("cflags", a.CFlags, a.CFlags != nil)
	set("ldflags", a.LDFlags, a.LDFlags != nil)
	set("csources", a.CSources, a.CSources != nil)
	set("kind", a.Kind, a.Kind != "")
	set("output", a.Output, a.Output != "")

	// base returns the folder relative paths of key k start from.
	base := func(k string) string {
		if flagSet[k] {
			return cwd
		}
		if os.Getenv("FIBERUS_"+strings.ToUpper(k)) != "" { // viper ignores empty variables too
			return cwd
		}
		if file != "" && v.InConfig(k) {
			return filepath.Dir(file)
		}
		return cwd
	}
	haxeCwd := absPath(cwd, a.Cwd)
	paths := func(k string) []string {
		list := v.GetStringSlice(k)
		if !pathKeys[k] || (k == "classpaths" && flagSet[k]) {
			// Class paths from the command line go to haxe verbatim: haxe
			// names source files (trace positions) the way it was told.
			return list
		}
		out := make([]string, len(list))
		for i, p := range list {
			out[i] = absPath(base(k), p)
			if k == "classpaths" {
				if rel, err := filepath.Rel(haxeCwd, out[i]); err == nil {
					out[i] = rel
				}
			}
		}
		return out
	}

	c := &Config{
		Main:        strings.TrimSpace(v.GetString("main")),
		Classpaths:  paths("classpaths"),
		Defines:     v.GetStringSlice("defines"),
		Libs:        v.GetStringSlice("libs"),
		CC:          v.GetString("cc"),
		CFlags:      v.GetStringSlice("cflags"),
		LDFlags:     v.GetStringSlice("ldflags"),
		CSources:    paths("csources"),
		Kind:        v.GetString("kind"),
		Haxe:        a.Haxe,
		HaxeCwd:     haxeCwd,
		Inputs:      a.Inputs,
		ConfigFile:  file,
		Verbose:     a.Verbose,
		Keep:        a.Keep,
		NoLines:     a.NoLines,
		ProgramArgs: a.ProgramArgs,
	}
	if c.CC == "" {
		c.CC = os.Getenv("CC")
	}
	if c.CC == "" {
		c.CC = "cc"
	}
	switch c.Kind {
	case KindExe:
	case KindStaticLib, KindSharedLib:
		return nil, fmt.Errorf("output kind %q is not yet supported: only %q can be built for now", c.Kind, KindExe)
	default:
		return nil, fmt.Errorf("unknown output kind %q (want %s, %s or %s)", c.Kind, KindExe, KindStaticLib, KindSharedLib)
	}
	if c.Main == "" {
		return nil, fmt.Errorf("no main class: give a Main.hx, an hxml file, or haxe arguments such as `-cp src -main Main` (or set main in %s)", ConfigFileName)
	}
	// -o (a flag) beats --fiberus DIR (from the command line or an hxml),
	// which beats FIBERUS_OUTPUT and the file.
	switch {
	case a.Output != "":
		c.Output = absPath(cwd, a.Output)
	case a.FiberusDir != "":
		c.Output = absPath(cwd, filepath.Join(a.FiberusDir, c.MainName()))
	case v.GetString("output") != "":
		c.Output = absPath(base("output"), v.GetString("output"))
	default:
		c.Output = absPath(cwd, c.MainName())
	}
	c.OutputSet = v.GetString("output") != "" || a.FiberusDir != ""
	return c, nil
}

func absPath(base, p string) string {
	if p == "" {
		return base
	}
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(base, p)
}
