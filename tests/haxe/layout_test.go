package haxe_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestCorpusLayout checks the corpus files themselves (no toolchain needed):
// every program has a header comment saying what it covers, parseable
// expected files, and PENDING names only real programs.
func TestCorpusLayout(t *testing.T) {
	root := corpusDir(t)
	progs, err := findPrograms(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) < 80 {
		t.Errorf("only %d corpus programs, want at least 80", len(progs))
	}
	for _, p := range progs {
		src, err := os.ReadFile(filepath.Join(p.dir, "Main.hx"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(src), "// Covers: ") {
			t.Errorf("%s/Main.hx: the first line must be a \"// Covers: \" header comment", p.path)
		}
		s, err := readSpec(p.dir)
		if err != nil {
			t.Errorf("%s: %v", p.path, err)
			continue
		}
		if s.exit < 0 || s.exit > 255 {
			t.Errorf("%s: expected.exit %d is not an exit status", p.path, s.exit)
		}
	}
	checkedPending(t, root, progs)
}

func TestRunnerHelpers(t *testing.T) {
	if got := lines("a\n\nb\n"); !reflect.DeepEqual(got, []string{"a", "", "b"}) {
		t.Errorf("lines: %q", got)
	}
	if got := lines("x"); !reflect.DeepEqual(got, []string{"x"}) {
		t.Errorf("lines without final newline: %q", got)
	}
	stderr := "Uncaught exception: boom\nCalled from $Main.f(Main.hx:7)\nextra\nCalled from .init(?:1)\n"
	if m := missingLines(stderr, []string{"Uncaught exception: boom", "Called from .init(?:1)"}); m != nil {
		t.Errorf("missingLines found %q missing", m)
	}
	if m := missingLines(stderr, []string{"Called from .init(?:1)", "Uncaught exception: boom"}); len(m) != 1 {
		t.Errorf("missingLines must respect order, got %q", m)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "PENDING")
	os.WriteFile(file, []byte("# comment\n\nlang/a  compiler not yet integrated\nmaps/b/ reason two\n"), 0o644)
	p, err := readPending(file)
	if err != nil || p["lang/a"] != "compiler not yet integrated" || p["maps/b"] != "reason two" || len(p) != 2 {
		t.Errorf("readPending = %v, %v", p, err)
	}
	os.WriteFile(file, []byte("lang/a\n"), 0o644)
	if _, err := readPending(file); err == nil {
		t.Error("readPending accepted an entry without a reason")
	}
	os.WriteFile(filepath.Join(dir, "expected.stdout"), []byte("out\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "expected.exit"), []byte("3\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "args"), []byte("a\n\nb c\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "env"), []byte("K=v=w\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "build.args"), []byte("--resource\n{dir}/r.txt@r\n\n"), 0o644)
	s, err := readSpec(dir)
	if err != nil || s.stdout != "out\n" || s.exit != 3 || !reflect.DeepEqual(s.args, []string{"a", "", "b c"}) ||
		!reflect.DeepEqual(s.env, []string{"K=v=w"}) || s.stdin != nil ||
		!reflect.DeepEqual(s.buildArgs, []string{"--resource", dir + "/r.txt@r"}) {
		t.Errorf("readSpec = %+v, %v", s, err)
	}
	if d := diff("a\nb\n", "a\nc\n"); !strings.Contains(d, "line 2") {
		t.Errorf("diff: %s", d)
	}
}
