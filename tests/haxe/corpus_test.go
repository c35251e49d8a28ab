// Package haxe_test runs the Haxe conformance corpus: every folder under
// tests/haxe that holds a Main.hx and an expected.stdout is a program. Each
// program is built with the fiberus CLI, run, and checked against its
// expected files:
//
//	expected.stdout           exact standard output
//	expected.exit             exit status (default 0)
//	expected.stderr.contains  lines that must appear in standard error, in order
//	args                      program arguments, one per line
//	env                       KEY=VALUE lines added to the environment
//	stdin                     standard input
//	build.args                extra arguments of fiberus build (haxe's, e.g. --resource), one
//	                          per line; {dir} stands for the program's folder
//
// PENDING lists programs known not to pass yet, one per line: the program's
// path, then the reason. A pending program that fails is skipped with its
// reason; one that passes fails the test, so that the list stays honest.
//
// With FIBERUS_GC_STRESS set, the programs run with it (the collector reads
// it) and get a longer timeout. FIBERUS_CORPUS_CLI names an already built
// fiberus command to use instead of building ./cmd/fiberus. The corpus is
// skipped in -short mode.
package haxe_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	buildTimeout = 3 * time.Minute
	runTimeout   = 30 * time.Second
	stressFactor = 10 // run timeout multiplier under FIBERUS_GC_STRESS
)

// program is one corpus entry.
type program struct {
	path string // slash-separated, relative to tests/haxe, e.g. "lang/classes"
	dir  string // absolute
}

// corpusDir is the directory of this file (tests/haxe).
func corpusDir(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate corpus_test.go")
	}
	return filepath.Dir(file)
}

// findPrograms lists every folder holding Main.hx and expected.stdout.
func findPrograms(root string) ([]program, error) {
	var ps []program
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() != "Main.hx" {
			return nil
		}
		dir := filepath.Dir(p)
		if _, err := os.Stat(filepath.Join(dir, "expected.stdout")); err != nil {
			return nil // a helper source of another program, or not a program yet
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		ps = append(ps, program{path: filepath.ToSlash(rel), dir: dir})
		return nil
	})
	sort.Slice(ps, func(i, j int) bool { return ps[i].path < ps[j].path })
	return ps, err
}

// checkedPending reads PENDING and fails the test for entries that name no
// corpus program, so the list cannot go stale.
func checkedPending(t *testing.T, root string, progs []program) map[string]string {
	t.Helper()
	pending, err := readPending(filepath.Join(root, "PENDING"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, p := range progs {
		known[p.path] = true
	}
	for path := range pending {
		if !known[path] {
			t.Errorf("PENDING lists %q, which is not a corpus program", path)
		}
	}
	return pending
}

// readPending parses PENDING: "path reason..." per line, # comments and blank
// lines ignored.
func readPending(file string) (map[string]string, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	pending := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %q has no reason", file, i+1, path)
		}
		pending[strings.TrimSuffix(path, "/")] = reason
	}
	return pending, nil
}

// lines splits a file's text into lines; a final newline ends the last line
// rather than starting an empty one.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// spec is what a program expects.
type spec struct {
	stdout      string
	exit        int
	stderrLines []string
	args        []string
	buildArgs   []string
	env         []string
	stdin       []byte
}

func readSpec(dir string) (*spec, error) {
	read := func(name string) (string, bool, error) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			return "", false, nil
		}
		return string(b), err == nil, err
	}
	s := &spec{}
	var err error
	var ok bool
	if s.stdout, _, err = read("expected.stdout"); err != nil {
		return nil, err
	}
	text, ok, err := read("expected.exit")
	if err != nil {
		return nil, err
	}
	if ok {
		if s.exit, err = strconv.Atoi(strings.TrimSpace(text)); err != nil {
			return nil, fmt.Errorf("expected.exit: %v", err)
		}
	}
	if text, _, err = read("expected.stderr.contains"); err != nil {
		return nil, err
	}
	for _, l := range lines(text) {
		if strings.TrimSpace(l) != "" {
			s.stderrLines = append(s.stderrLines, l)
		}
	}
	if text, _, err = read("args"); err != nil {
		return nil, err
	}
	s.args = lines(text)
	if text, _, err = read("build.args"); err != nil {
		return nil, err
	}
	for _, l := range lines(text) {
		if l != "" {
			s.buildArgs = append(s.buildArgs, strings.ReplaceAll(l, "{dir}", dir))
		}
	}
	if text, _, err = read("env"); err != nil {
		return nil, err
	}
	for _, l := range lines(text) {
		if l == "" {
			continue
		}
		if !strings.Contains(l, "=") {
			return nil, fmt.Errorf("env: line %q is not KEY=VALUE", l)
		}
		s.env = append(s.env, l)
	}
	if text, ok, err = read("stdin"); err != nil {
		return nil, err
	}
	if ok {
		s.stdin = []byte(text)
	}
	return s, nil
}

// cli is the fiberus command built once for the whole run.
var cli struct {
	once sync.Once
	path string
	err  error
}

func buildCLI(repo, tmp string) (string, error) {
	exe := filepath.Join(tmp, "fiberus")
	cmd := exec.Command("go", "build", "-o", exe, "./cmd/fiberus")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/fiberus: %v\n%s", err, out)
	}
	return exe, nil
}

// outcome is what one build-and-run produced.
type outcome struct {
	stage          string // "build" or "run"
	stdout, stderr string
	code           int
	err            error // timeout or start failure
}

func runCmd(ctx context.Context, dir string, env []string, stdin []byte, name string, args ...string) outcome {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.WaitDelay = 5 * time.Second
	err := cmd.Run()
	o := outcome{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		o.err = fmt.Errorf("timed out: %v", ctx.Err())
	case errors.As(err, &ee):
		o.code = ee.ExitCode()
	case err != nil:
		o.err = err
	}
	return o
}

// buildEnv is the environment of fiberus build: ours without GC stress (that
// is for the programs, not for the compiler). Builds use fiberus's usual
// cache (FIBERUS_CACHE_DIR, else the user's cache directory), so a second run
// of the corpus rebuilds nothing that did not change.
func buildEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "FIBERUS_GC_STRESS=") {
			env = append(env, kv)
		}
	}
	return env
}

// check builds and runs p, and describes every mismatch with its spec.
func check(p program, s *spec, work string) (problems []string, o outcome) {
	exe := filepath.Join(work, "prog")
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	args := append(append([]string{"build", "-cp", p.dir, "-main", "Main"}, s.buildArgs...), "-o", exe)
	o = runCmd(ctx, work, buildEnv(), nil, cli.path, args...)
	cancel()
	o.stage = "build"
	if o.err != nil || o.code != 0 {
		return []string{fmt.Sprintf("build failed (status %d, %v):\n%s", o.code, o.err, tail(o.stderr, 40))}, o
	}

	timeout := runTimeout
	if os.Getenv("FIBERUS_GC_STRESS") != "" {
		timeout *= stressFactor
	}
	runDir := filepath.Join(work, "cwd")
	if err := os.Mkdir(runDir, 0o755); err != nil {
		return []string{err.Error()}, o
	}
	ctx, cancel = context.WithTimeout(context.Background(), timeout)
	o = runCmd(ctx, runDir, append(os.Environ(), s.env...), s.stdin, exe, s.args...)
	cancel()
	o.stage = "run"
	if o.err != nil {
		return []string{fmt.Sprintf("run: %v\nstderr:\n%s", o.err, tail(o.stderr, 40))}, o
	}
	if o.stdout != s.stdout {
		problems = append(problems, "stdout differs:\n"+diff(s.stdout, o.stdout))
	}
	if o.code != s.exit {
		problems = append(problems, fmt.Sprintf("exit status %d, want %d", o.code, s.exit))
	}
	if missing := missingLines(o.stderr, s.stderrLines); len(missing) > 0 {
		problems = append(problems, fmt.Sprintf("stderr lacks (in order) %q\nstderr:\n%s", missing, tail(o.stderr, 40)))
	}
	return problems, o
}

// missingLines returns the wanted lines that do not appear in got as a
// subsequence of its lines.
func missingLines(got string, want []string) []string {
	have := lines(got)
	var missing []string
	i := 0
	for _, w := range want {
		j := i
		for j < len(have) && strings.TrimRight(have[j], "\r") != w {
			j++
		}
		if j == len(have) {
			missing = append(missing, w)
			continue
		}
		i = j + 1
	}
	return missing
}

// diff shows the first differing line with some context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	n := 0
	for n < len(w) && n < len(g) && w[n] == g[n] {
		n++
	}
	var b strings.Builder
	from := max(0, n-3)
	for i := from; i < n; i++ {
		fmt.Fprintf(&b, "    %s\n", w[i])
	}
	for i := n; i < min(len(w), n+5); i++ {
		fmt.Fprintf(&b, "  - %q\n", w[i])
	}
	for i := n; i < min(len(g), n+5); i++ {
		fmt.Fprintf(&b, "  + %q\n", g[i])
	}
	fmt.Fprintf(&b, "  (first difference at line %d; want %d lines, got %d)", n+1, len(w), len(g))
	return b.String()
}

func tail(s string, n int) string {
	ls := lines(s)
	if len(ls) > n {
		ls = append([]string{"..."}, ls[len(ls)-n:]...)
	}
	return strings.Join(ls, "\n")
}

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the Haxe corpus is skipped in -short mode")
	}
	root := corpusDir(t)
	repo := filepath.Clean(filepath.Join(root, "..", ".."))
	progs, err := findPrograms(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) == 0 {
		t.Fatal("no corpus programs found")
	}
	pending := checkedPending(t, root, progs)
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed: the corpus needs it to build programs")
	}

	tmp := t.TempDir()
	cli.once.Do(func() {
		if c := os.Getenv("FIBERUS_CORPUS_CLI"); c != "" {
			cli.path, cli.err = exec.LookPath(c)
			return
		}
		cli.path, cli.err = buildCLI(repo, tmp)
	})
	if cli.err != nil {
		t.Skipf("the fiberus CLI cannot be built yet, skipping the whole corpus:\n%v", cli.err)
	}
	warmUp(t, tmp)
	if s := os.Getenv("FIBERUS_GC_STRESS"); s != "" {
		t.Logf("running the corpus with FIBERUS_GC_STRESS=%s", s)
	}

	for _, p := range progs {
		p := p
		t.Run(p.path, func(t *testing.T) {
			t.Parallel()
			s, err := readSpec(p.dir)
			if err != nil {
				t.Fatalf("%s: %v", p.path, err)
			}
			problems, _ := check(p, s, t.TempDir())
			reason, isPending := pending[p.path]
			switch {
			case isPending && len(problems) == 0:
				t.Errorf("now passes: remove %s from tests/haxe/PENDING", p.path)
			case isPending:
				t.Skipf("pending (%s); currently: %s", reason, summary(problems[0]))
			case len(problems) > 0:
				t.Errorf("%s:\n%s", p.path, strings.Join(problems, "\n"))
			}
		})
	}
}

// warmUp builds a trivial program once, serially, so that a cold cache gets
// the runtime compiled once before the parallel builds start.
func warmUp(t *testing.T, tmp string) {
	dir := filepath.Join(tmp, "warmup")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "class Main { static function main() {} }\n"
	if err := os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	o := runCmd(ctx, dir, buildEnv(), nil, cli.path, "build", "-cp", dir, "-main", "Main", "-o", filepath.Join(dir, "prog"))
	if o.err != nil || o.code != 0 {
		t.Logf("warm-up build failed (status %d, %v): %s", o.code, o.err, firstLine(o.stderr))
	}
}

// summary shortens a problem report to its first few lines.
func summary(s string) string {
	ls := lines(s)
	if len(ls) > 4 {
		ls = append(ls[:4], "...")
	}
	out := strings.Join(ls, "\n")
	if len(out) > 600 {
		out = out[:600] + "..."
	}
	return out
}

func firstLine(s string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			return l
		}
	}
	return s
}
