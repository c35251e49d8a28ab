package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Args is what the command line of `fiberus build` or `fiberus run` asks for,
// with hxml files expanded. Nil slices and empty strings mean "not given", so
// that the configuration file and the environment can supply them.
type Args struct {
	Haxe       []string // haxe arguments passed through as they are
	Classpaths []string // -cp, -p, --class-path
	Main       string   // -main, -m, --main
	Defines    []string // -D, --define
	Libs       []string // -lib, -L, --library
	Cwd        string   // haxe's -C/--cwd: haxe runs there, relative haxe paths start there

	Output     string   // -o, --output
	FiberusDir string   // --fiberus DIR (from hxml files written for Fiberus)
	CC         string   // --cc
	CFlags     []string // --cflags "..."
	LDFlags    []string // --ldflags "..."
	CSources   []string // --csource FILE (repeatable)
	Kind       string   // --kind exe|staticlib|sharedlib
	ConfigFile string   // --config FILE
	Verbose    bool     // -v, --verbose
	Keep       bool     // --keep: keep the generated C
	NoLines    bool     // --no-lines: no #line directives in the generated C

	Inputs      []string // hxml and .hx files named on the command line
	ProgramArgs []string // after `--` (run only)
}

// haxeOption describes a haxe option by its canonical long name.
type haxeOption struct {
	value  bool // takes one value
	target bool // selects an output target (we choose the target ourselves)
}

// haxeOptions lists haxe 4 options; short and legacy single-dash spellings
// are mapped to these names by canonical.
var haxeOptions = map[string]haxeOption{
	"class-path": {value: true}, "main": {value: true}, "library": {value: true}, "define": {value: true},
	"resource": {value: true}, "cmd": {value: true}, "remap": {value: true}, "macro": {value: true},
	"cwd": {value: true}, "dce": {value: true}, "xml": {value: true}, "json": {value: true},
	"display": {value: true}, "server-listen": {value: true}, "server-connect": {value: true},
	"connect": {value: true}, "swf-version": {value: true}, "swf-header": {value: true},
	"swf-lib": {value: true}, "swf-lib-extern": {value: true}, "java-lib": {value: true},
	"java-lib-extern": {value: true}, "net-lib": {value: true}, "net-std": {value: true}, "c-arg": {value: true},
	"js": {value: true, target: true}, "lua": {value: true, target: true}, "swf": {value: true, target: true},
	"neko": {value: true, target: true}, "php": {value: true, target: true}, "cpp": {value: true, target: true},
	"cppia": {value: true, target: true}, "cs": {value: true, target: true}, "java": {value: true, target: true},
	"jvm": {value: true, target: true}, "python": {value: true, target: true}, "hl": {value: true, target: true},
	"x": {value: true, target: true}, "as3": {value: true, target: true},
	"interp": {target: true}, "run": {target: true},
}

var shortNames = map[string]string{
	"p": "class-path", "cp": "class-path", "m": "main", "L": "library", "lib": "library",
	"D": "define", "r": "resource", "C": "cwd", "v": "verbose", "o": "output",
}

// ourOptions are the options fiberus consumes itself (never passed to haxe).
var ourOptions = map[string]bool{ // name -> takes a value
	"output": true, "fiberus": true, "cc": true, "cflags": true, "ldflags": true,
	"csource": true, "kind": true, "config": true, "verbose": false, "keep": false, "no-lines": false,
}

// canonical returns the long name of an option token ("-cp" -> "class-path").
func canonical(tok string) string {
	name := strings.TrimLeft(tok, "-")
	if i := strings.IndexByte(name, '='); i >= 0 && strings.HasPrefix(tok, "--") {
		name = name[:i]
	}
	if long, ok := shortNames[name]; ok {
		return long
	}
	return name
}

func optionTakesValue(tok string) bool {
	name := canonical(tok)
	if v, ok := ourOptions[name]; ok {
		return v && !strings.Contains(tok, "=")
	}
	return haxeOptions[name].value
}

// ParseArgs parses the arguments of build or run. withProgramArgs allows a
// `--` followed by the program's own arguments (run).
func ParseArgs(args []string, withProgramArgs bool) (*Args, error) {
	a := &Args{}
	for i, t := range args {
		if t == "--" {
			if !withProgramArgs {
				return nil, fmt.Errorf("`--` starts program arguments, which only `fiberus run` takes")
			}
			a.ProgramArgs = append([]string{}, args[i+1:]...)
			args = args[:i]
			break
		}
	}
	args, hxmls, err := expandHxml(args, 0)
	if err != nil {
		return nil, err
	}
	a.Inputs = append(a.Inputs, hxmls...)

	for i := 0; i < len(args); i++ {
		tok := args[i]
		if !strings.HasPrefix(tok, "-") || tok == "-" {
			if err := a.positional(tok); err != nil {
				return nil, err
			}
			continue
		}
		name := canonical(tok)
		value := func() (string, error) {
			if j := strings.IndexByte(tok, '='); j >= 0 && strings.HasPrefix(tok, "--") {
				if _, ours := ourOptions[name]; ours {
					return tok[j+1:], nil
				}
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("option %s needs a value", tok)
			}
			i++
			return args[i], nil
		}
		if takes, ours := ourOptions[name]; ours {
			var v string
			if takes {
				if v, err = value(); err != nil {
					return nil, err
				}
			}
			a.setOurs(name, v)
			continue
		}
		opt, known := haxeOptions[name]
		switch {
		case name == "next" || name == "each":
			return nil, fmt.Errorf("%s (several haxe compilations in one) is not supported: fiberus builds one program at a time", tok)
		case name == "hl":
			// An hxml written for HashLink names its own .hl file; we choose ours.
			if _, err := value(); err != nil {
				return nil, err
			}
			continue
		case opt.target:
			return nil, fmt.Errorf("%s selects another haxe target; fiberus compiles through HashLink bytecode itself, remove it", tok)
		}
		var v string
		if known && opt.value {
			if v, err = value(); err != nil {
				return nil, err
			}
		}
		switch name {
		case "class-path":
			a.Classpaths = append(a.Classpaths, v)
		case "main":
			a.Main = v
		case "define":
			a.Defines = append(a.Defines, v)
		case "library":
			a.Libs = append(a.Libs, v)
		case "cwd":
			a.Cwd = v // haxe runs in that folder (passing it on too would apply it twice)
		default:
			a.Haxe = append(a.Haxe, tok)
			if known && opt.value {
				a.Haxe = append(a.Haxe, v)
			}
		}
	}
	return a, nil
}

func (a *Args) setOurs(name, v string) {
	switch name {
	case "output":
		a.Output = v
	case "fiberus":
		a.FiberusDir = v
	case "cc":
		a.CC = v
	case "cflags":
		a.CFlags = append([]string{}, strings.Fields(v)...)
	case "ldflags":
		a.LDFlags = append([]string{}, strings.Fields(v)...)
	case "csource":
		a.CSources = append(a.CSources, v)
	case "kind":
		a.Kind = v
	case "config":
		a.ConfigFile = v
	case "verbose":
		a.Verbose = true
	case "keep":
		a.Keep = true
	case "no-lines":
		a.NoLines = true
	}
}

// positional handles an argument that is not an option: a lone Main.hx means
// -cp <its folder> -main Main; anything else is a module for haxe to compile.
func (a *Args) positional(tok string) error {
	if !strings.HasSuffix(tok, ".hx") {
		a.Haxe = append(a.Haxe, tok)
		return nil
	}
	st, err := os.Stat(tok)
	if err != nil {
		return fmt.Errorf("source file %s: %w", tok, errNotFound(err))
	}
	if st.IsDir() {
		return fmt.Errorf("%s is a directory, not a Haxe source file", tok)
	}
	main := strings.TrimSuffix(filepath.Base(tok), ".hx")
	if a.Main != "" && a.Main != main {
		return fmt.Errorf("two main classes: %s and %s", a.Main, tok)
	}
	a.Main = main
	a.Classpaths = append(a.Classpaths, filepath.Dir(tok))
	a.Inputs = append(a.Inputs, tok)
	return nil
}

func errNotFound(err error) error {
	if os.IsNotExist(err) {
		return fmt.Errorf("no such file")
	}
	return err
}
