package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// refKind says what a benchmark's Fiberus program is compared against.
type refKind int

const (
	refC    refKind = iota // bench/<name>/ref.c built with gcc -O2
	refNode                // Haxe's JS output of bench/<name>/Main.hx run by node
)

func (k refKind) String() string {
	if k == refC {
		return "C"
	}
	return "node"
}

// benchmark is one program of bench/ and how to run it.
type benchmark struct {
	name   string
	ref    refKind
	args   []string // full size (nil: the program's default, the size)
	quick  []string // smoke-run size: well under a second
	tiny   []string // correctness-test size: fast even under haxe --interp
	libs   []string // extra linker arguments of a C reference (after -lm)
	hxcpp  float64  // hxcpp's measured ratio against the same kind of reference (0: not measured)
	target float64  // the ratio Fiberus must stay at or below (0: none, the row only informs)
}

// benchmarks lists every benchmark in the order the table prints them.
var benchmarks = []benchmark{
	{name: "nbody", ref: refC, quick: []string{"200000"}, tiny: []string{"1000"}, hxcpp: 1.03, target: 1.03},
	{name: "fannkuch", ref: refC, quick: []string{"8"}, tiny: []string{"7"}, hxcpp: 1.0, target: 1.0},
	// The collector only has to stay within 2x of malloc/free here.
	{name: "binarytrees", ref: refC, quick: []string{"12"}, tiny: []string{"6"}, hxcpp: 0.78, target: 2.0},
	{name: "spectralnorm", ref: refNode, quick: []string{"500"}, tiny: []string{"100"}, hxcpp: 0.65, target: 0.65},
	{name: "mandelbrot", ref: refNode, quick: []string{"600"}, tiny: []string{"200"}, hxcpp: 0.87, target: 0.87},
	// The same program beside gcc -O2 of the same loops: how far the node target is from C.
	{name: "mandelbrot", ref: refC, quick: []string{"600"}, tiny: []string{"200"}},
	{name: "stringmap", ref: refNode, quick: []string{"50000"}, tiny: []string{"2000"}, hxcpp: 1.2, target: 1.2},
	{name: "json", ref: refNode, quick: []string{"1000", "2"}, tiny: []string{"50", "2"}, hxcpp: 2.8, target: 2.8},
	{name: "dynamic", ref: refNode, quick: []string{"1000"}, tiny: []string{"3"}, hxcpp: 1.9, target: 1.9},
	// The target against PCRE2 called from C; hxcpp was not measured on it.
	{name: "ereg", ref: refC, quick: []string{"4000", "2"}, tiny: []string{"200", "1"}, libs: []string{"-lpcre2-16"}, target: 1.2},
}

// repoRoot finds the Fiberus module root by walking up from the working directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module github.com/fiberus/fiberus")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the fiberus repository (no go.mod of github.com/fiberus/fiberus above the working directory)")
		}
		dir = parent
	}
}

// runCmd runs a command and returns its stdout; the error carries the tail of stderr.
func runCmd(dir string, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes(), nil
}

// tail keeps the last n bytes of s.
func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// buildRef builds the reference of b into dir and returns the command line that runs it.
func buildRef(root, dir string, b benchmark) ([]string, error) {
	src := filepath.Join(root, "bench", b.name)
	switch b.ref {
	case refC:
		exe := filepath.Join(dir, b.name+"-ref")
		args := append([]string{"-O2", "-o", exe, filepath.Join(src, "ref.c"), "-lm"}, b.libs...)
		if _, err := runCmd(root, nil, "gcc", args...); err != nil {
			return nil, err
		}
		return []string{exe}, nil
	default:
		js := filepath.Join(dir, b.name+".js")
		if _, err := runCmd(root, nil, "haxe", "-cp", src, "-main", "Main", "-js", js); err != nil {
			return nil, err
		}
		return []string{"node", js}, nil
	}
}

// diffOutputs returns "" when two program outputs agree, else a short description of the
// first difference.
func diffOutputs(got, want []byte) string {
	g := strings.Split(strings.TrimRight(string(got), "\n"), "\n")
	w := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return ""
}
