package build

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/compiler/cgen"
)

// buildIn resolves args in dir and builds with the fake runtime.
func buildIn(t *testing.T, dir string, args ...string) (*Result, string, error) {
	t.Helper()
	clearEnv(t)
	t.Setenv(CacheDirEnv, filepath.Join(dir, ".cache"))
	inDir(t, dir)
	a, err := ParseArgs(args, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(a, dir)
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	res, err := Build(c, Options{Sources: fakeSources(), Stderr: &stderr, Cwd: dir})
	return res, stderr.String(), err
}

// noTemporaries fails if a build left a temporary output next to out.
func noTemporaries(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("half-written output left behind: %s", e.Name())
		}
	}
}

func TestBuildWithoutHaxe(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Main.hx"), "class Main { static function main() {} }")
	t.Setenv("PATH", t.TempDir()) // an empty folder: no haxe there
	_, _, err := buildIn(t, dir, "Main.hx")
	if !errors.Is(err, ErrHaxeNotFound) {
		t.Fatalf("got %v, want ErrHaxeNotFound", err)
	}
	if !strings.Contains(err.Error(), "apt-get install haxe") {
		t.Errorf("message %q does not say how to install haxe", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "Main")); err == nil {
		t.Error("an output was written")
	}
	noTemporaries(t, dir)
}

func TestBuildHaxeTypeError(t *testing.T) {
	if _, err := FindHaxe(); err != nil {
		t.Skip("haxe is not installed")
	}
	if _, err := exec.LookPath("cc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Main.hx"), "class Main {\n  static function main() {\n    var x:Int = \"text\";\n  }\n}\n")
	_, stderr, err := buildIn(t, dir, "-cp", ".", "-main", "Main", "-o", "prog")
	var he *HaxeError
	if !errors.As(err, &he) {
		t.Fatalf("got %v (%T), want a *HaxeError", err, err)
	}
	if !strings.Contains(stderr, "Main.hx:3:") || !strings.Contains(stderr, "String should be Int") {
		t.Errorf("haxe's own message is not shown; stderr:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "prog")); err == nil {
		t.Error("an output was written")
	}
	noTemporaries(t, dir)
}

func TestBuildUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Main.hx"), "class Main { static function main() {} }")
	writeFile(t, filepath.Join(dir, "afile"), "not a folder")
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"afile/prog", "afile/sub/prog", "/proc/fiberus-test/prog", "adir"} {
		_, _, err := buildIn(t, dir, "Main.hx", "-o", out)
		if err == nil || !strings.Contains(err.Error(), "cannot write output") || !strings.Contains(err.Error(), out) {
			t.Errorf("-o %s: got %v, want a 'cannot write output' error naming it", out, err)
		}
	}
	noTemporaries(t, dir)
}

func TestBuildCreatesAndCleansOutputFolder(t *testing.T) {
	dir := t.TempDir()
	// No haxe: the build fails after preparing the output in new/deep/.
	t.Setenv("PATH", t.TempDir())
	_, _, err := buildIn(t, dir, "-main", "Main", "-o", "new/deep/prog")
	if !errors.Is(err, ErrHaxeNotFound) {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "new")); !os.IsNotExist(err) {
		t.Errorf("the folders made for the output were left after a failed build (%v)", err)
	}
	o, err := newOutputFile(filepath.Join(dir, "new", "deep", "prog"))
	if err != nil {
		t.Fatal(err)
	}
	defer o.abort()
	if st, err := os.Stat(filepath.Join(dir, "new", "deep")); err != nil || !st.IsDir() {
		t.Errorf("output folder not created: %v", err)
	}
}

func TestDumpMalformed(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"garbage.hl": []byte("this is not bytecode at all"),
		"short.hl":   []byte("HLB"),
		"empty.hl":   nil,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		err := Dump(p, &out)
		if err == nil || !strings.Contains(err.Error(), "malformed bytecode") || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v, want a malformed bytecode error naming the file", name, err)
		}
	}
	if err := Dump(filepath.Join(dir, "none.hl"), &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "none.hl") {
		t.Errorf("missing file: got %v", err)
	}
}

func TestDumpRealBytecode(t *testing.T) {
	haxe, err := FindHaxe()
	if err != nil {
		t.Skip("haxe is not installed")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "Dumped.hx"), "class Dumped { static function main() { Sys.println(\"x\"); } }")
	hlFile := filepath.Join(dir, "out.hl")
	if out, err := exec.Command(haxe, "-cp", dir, "-main", "Dumped", "-hl", hlFile).CombinedOutput(); err != nil {
		t.Fatalf("haxe: %v\n%s", err, out)
	}
	var out bytes.Buffer
	if err := Dump(hlFile, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Dumped") {
		t.Errorf("the dump does not show the main class; got %d bytes", out.Len())
	}
	// Truncating valid bytecode must give an error, not a panic.
	data, _ := os.ReadFile(hlFile)
	os.WriteFile(hlFile, data[:len(data)/2], 0o644)
	if err := Dump(hlFile, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "malformed bytecode") {
		t.Errorf("truncated bytecode: got %v", err)
	}
}

func TestGeneratedCCompileErrorIsInternal(t *testing.T) {
	tc := testToolchain(t)
	cache, work := t.TempDir(), t.TempDir()
	_, err := compileGenerated(nil, tc, cache, work, nil)
	if err != nil {
		t.Fatalf("no files: %v", err)
	}
	files := []genFile{{"types.h", "typedef int myint;\n"}, {"f0.c", "#include \"types.h\"\nmyint f0(void) { return 0; }\n"},
		{"f1.c", "#include \"types.h\"\nmyint f1(void) { return nosuch; }\n"}}
	_, err = compileGenerated(toFiles(files), tc, cache, work, nil)
	var ce *CCError
	if !errors.As(err, &ce) || !strings.HasSuffix(ce.File, "f1.c") || !strings.Contains(ce.Output, "nosuch") {
		t.Fatalf("got %v, want a CCError for f1.c quoting the compiler", err)
	}
	ie := &InternalError{What: "the generated C does not compile", Kept: filepath.Join(work, "c"), Err: err}
	msg := ie.Error()
	for _, want := range []string{"internal compiler error of fiberus", "f1.c", "nosuch", "kept in " + filepath.Join(work, "c")} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	// The good file was compiled and cached: a second run reuses it.
	files[2].data = "#include \"types.h\"\nmyint f1(void) { return 1; }\n"
	objs, err := compileGenerated(toFiles(files), tc, cache, work, nil)
	if err != nil || len(objs) != 2 {
		t.Fatalf("fixed files: %v %v", objs, err)
	}
	for _, o := range objs {
		if !strings.HasPrefix(o, cache) {
			t.Errorf("object %s is not in the cache", o)
		}
	}
}

type genFile struct{ name, data string }

func toFiles(files []genFile) []cgen.File {
	out := make([]cgen.File, len(files))
	for i, f := range files {
		out[i] = cgen.File{Name: f.name, Data: []byte(f.data)}
	}
	return out
}

// TestGeneratedObjectKeys: a generated file that includes a generated header
// is recompiled when the header changes; a self-contained one (cgen's
// function files) keeps its object whatever the other files are, so another
// program with the same file shares it.
func TestGeneratedObjectKeys(t *testing.T) {
	tc := testToolchain(t)
	cache := t.TempDir()
	compile := func(header string) map[string]string {
		t.Helper()
		files := toFiles([]genFile{{"hx_types.h", header}, {"a.c", "#include \"hx_types.h\"\nmyint a(void) { return 1; }\n"},
			{"funcs_x.c", "int fx(void) { return 2; }\n"}})
		objs, err := compileGenerated(files, tc, cache, t.TempDir(), nil)
		if err != nil || len(objs) != 2 {
			t.Fatalf("%v %v", objs, err)
		}
		return map[string]string{"a.c": objs[0], "funcs_x.c": objs[1]}
	}
	one := compile("typedef int myint;\n")
	two := compile("typedef long myint;\n")
	if one["a.c"] == two["a.c"] {
		t.Error("a.c includes the changed header but kept its object")
	}
	if one["funcs_x.c"] != two["funcs_x.c"] {
		t.Error("the self-contained file got a new object when only the header changed")
	}
	if !includesGenerated([]byte("#include \"hx_types.h\"\n"), toFiles([]genFile{{"hx_types.h", ""}})) ||
		includesGenerated([]byte("#include \"hx.h\"\n"), toFiles([]genFile{{"hx_types.h", ""}})) {
		t.Error("includesGenerated")
	}
}
