package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fiberusBin is the command under test, built once by TestMain; the tests
// that build programs share one cache (cacheDir), so the runtime is compiled
// once per test run.
var fiberusBin, cacheDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "fiberus-cli-test-")
	if err != nil {
		panic(err)
	}
	fiberusBin = filepath.Join(dir, "fiberus")
	cacheDir = filepath.Join(dir, "cache")
	out, err := exec.Command("go", "build", "-o", fiberusBin, ".").CombinedOutput()
	if err != nil {
		os.RemoveAll(dir)
		os.Stderr.Write(out)
		panic("building fiberus: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// repoRoot is the repository root (two levels above this package).
func repoRoot(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// runCLI runs fiberus in dir with the given extra environment.
func runCLI(t *testing.T, dir string, env []string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(fiberusBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running fiberus %v: %v", args, err)
	}
	if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
		t.Errorf("fiberus %v printed a Go stack:\n%s", args, r.stderr)
	}
	return r
}

func TestUsageAndUnknownCommand(t *testing.T) {
	if r := runCLI(t, t.TempDir(), nil, ""); r.code != 2 || !strings.Contains(r.stderr, "fiberus build") {
		t.Errorf("no arguments: code %d stderr %q", r.code, r.stderr)
	}
	if r := runCLI(t, t.TempDir(), nil, "", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: code %d stderr %q", r.code, r.stderr)
	}
	if r := runCLI(t, t.TempDir(), nil, "", "version"); r.code != 0 || !strings.HasPrefix(r.stdout, "fiberus ") {
		t.Errorf("version: code %d stdout %q", r.code, r.stdout)
	}
}

func TestNoHaxeOnPath(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "Main.hx"), []byte("class Main { static function main() {} }"), 0o644)
	r := runCLI(t, dir, []string{"PATH=" + t.TempDir(), "FIBERUS_CACHE_DIR=" + t.TempDir()}, "", "build", "Main.hx")
	want := "fiberus: haxe not found: install it with `apt-get install haxe`"
	if r.code != 1 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("code %d stderr %q, want 1 and %q", r.code, r.stderr, want)
	}
}

func TestDumpMalformedFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.hl"), []byte("HLB\x05garbage"), 0o644)
	r := runCLI(t, dir, nil, "", "dump", "bad.hl")
	if r.code != 1 || !strings.Contains(r.stderr, "bad.hl: malformed bytecode") || r.stdout != "" {
		t.Errorf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestDoctorRuns(t *testing.T) {
	r := runCLI(t, t.TempDir(), nil, "", "doctor")
	for _, check := range []string{"haxe", "C compiler", "libpcre2-16", "zlib", "liburing", "io_uring", "locked memory"} {
		if !strings.Contains(r.stdout, check) {
			t.Errorf("doctor does not report %q:\n%s", check, r.stdout)
		}
	}
	// Without haxe the doctor must fail and say how to fix it.
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Skip("no cc")
	}
	bin := t.TempDir()
	os.Symlink(cc, filepath.Join(bin, "cc"))
	r = runCLI(t, t.TempDir(), []string{"PATH=" + bin}, "", "doctor")
	if r.code == 0 || !strings.Contains(r.stdout, "apt-get install haxe") {
		t.Errorf("doctor without haxe: code %d\n%s", r.code, r.stdout)
	}
}

// TestHelloEndToEnd builds and runs examples/hello with the real runtime.
// It is skipped, saying why, while the C generator cannot compile it yet.
// FIBERUS_MEASURE=1 adds a build with only the runtime cached and logs the
// times (go test -v -run HelloEndToEnd ./cmd/fiberus).
func TestHelloEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed")
	}
	root := repoRoot(t)
	work := t.TempDir()
	env := []string{"FIBERUS_CACHE_DIR=" + cacheDir}
	exe := filepath.Join(work, "hello")

	os.RemoveAll(cacheDir) // a cold build, whatever ran before
	cold := runCLI(t, root, env, "", "build", "-cp", "examples/hello", "-main", "Main", "-o", exe)
	if cold.code != 0 {
		if strings.Contains(cold.stderr, "generating C:") {
			t.Skipf("the C generator cannot compile hello yet:\n%s", cold.stderr)
		}
		t.Fatalf("build failed (code %d):\n%s", cold.code, cold.stderr)
	}
	out, err := exec.Command(exe, "tester").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Hello, tester, from Fiberus!") {
		t.Fatalf("hello printed %q (%v)", out, err)
	}
	if !strings.Contains(string(out), "examples/hello/Main.hx:5: traces name the Haxe file and line") {
		t.Errorf("trace line missing or wrong: %q", out)
	}
	// Everything cached (same program again).
	warm := runCLI(t, root, env, "", "build", "-cp", "examples/hello", "-main", "Main", "-o", exe)
	if warm.code != 0 {
		t.Fatalf("second build failed:\n%s", warm.stderr)
	}
	// Timings are reported, not asserted: test machines are shared and noisy.
	t.Logf("hello world build: cold %.2fs, all cached %.2fs", cold.took.Seconds(), warm.took.Seconds())
	if os.Getenv("FIBERUS_MEASURE") != "" {
		// A program never built before, the runtime (and the std objects of
		// earlier programs) cached: the usual first build of a program.
		src, err := os.ReadFile(filepath.Join(root, "examples", "hello", "Main.hx"))
		if err != nil {
			t.Fatal(err)
		}
		fresh := filepath.Join(work, "fresh")
		os.MkdirAll(fresh, 0o755)
		os.WriteFile(filepath.Join(fresh, "Main.hx"), bytes.ReplaceAll(src, []byte("Hello"), []byte("Hallo")), 0o644)
		r := runCLI(t, fresh, env, "", "build", "-cp", ".", "-main", "Main", "-o", exe)
		if r.code != 0 {
			t.Fatalf("build failed:\n%s", r.stderr)
		}
		t.Logf("build of a new hello world with the runtime cached: %.2fs", r.took.Seconds())
	}

	// run: program arguments, stdin and the exit code pass through; a second
	// run with unchanged inputs does not rebuild.
	app := filepath.Join(work, "app")
	os.MkdirAll(app, 0o755)
	os.WriteFile(filepath.Join(app, "Main.hx"), []byte(`class Main {
	static function main() {
		var line = Sys.stdin().readLine();
		Sys.println(Sys.args().join(",") + ":" + line);
		Sys.stderr().writeString("to stderr\n");
		Sys.exit(3);
	}
}
`), 0o644)
	r := runCLI(t, app, env, "input line\n", "run", "Main.hx", "--", "a", "b c")
	if r.code != 3 || r.stdout != "a,b c:input line\n" || !strings.Contains(r.stderr, "to stderr") {
		t.Fatalf("run: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, app, env, "x\n", "run", "-v", "Main.hx", "--", "again")
	if r.code != 3 || r.stdout != "again:x\n" || !strings.Contains(r.stderr, "inputs unchanged") {
		t.Errorf("cached run: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(app, "Main")); err == nil {
		t.Error("run wrote ./Main; its program belongs in the cache")
	}
}

// TestMissingAndUserNatives: a native nobody defines is a build warning and a
// Haxe exception when called; defined in a --csource file, it is called.
func TestMissingAndUserNatives(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed")
	}
	work := t.TempDir()
	env := []string{"FIBERUS_CACHE_DIR=" + cacheDir}
	os.WriteFile(filepath.Join(work, "Main.hx"), []byte(`class Main {
	@:hlNative("mylib", "times_ten") static function timesTen(x:Int):Int { return 0; }
	static function main() {
		try {
			Sys.println("native: " + timesTen(4));
		} catch (e:Dynamic) {
			Sys.println("caught: " + e);
		}
	}
}
`), 0o644)
	r := runCLI(t, work, env, "", "run", "Main.hx")
	if r.code != 0 && strings.Contains(r.stderr, "generating C:") {
		t.Skipf("the C generator cannot compile this yet:\n%s", r.stderr)
	}
	if r.code != 0 || r.stdout != "caught: Missing native mylib@times_ten\n" {
		t.Errorf("missing native: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "warning: native mylib@times_ten is not defined") {
		t.Errorf("no warning naming the missing native: %q", r.stderr)
	}
	os.WriteFile(filepath.Join(work, "native.c"), []byte("#include <stdint.h>\nint32_t hxn_mylib_times_ten(int32_t x) { return x * 10; }\n"), 0o644)
	r = runCLI(t, work, env, "", "run", "Main.hx", "--csource", "native.c")
	if r.code != 0 || r.stdout != "native: 40\n" || strings.Contains(r.stderr, "warning") {
		t.Errorf("user native: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	// A user C file that does not compile is the user's error, not an internal one.
	os.WriteFile(filepath.Join(work, "native.c"), []byte("int32_t broken(\n"), 0o644)
	r = runCLI(t, work, env, "", "build", "Main.hx", "--csource", "native.c")
	if r.code != 1 || !strings.Contains(r.stderr, "your C source") || strings.Contains(r.stderr, "internal compiler error") {
		t.Errorf("broken user C: code %d stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(work, "Main")); err == nil {
		t.Error("a failed build wrote ./Main")
	}
}

// TestStdObjectsShared: the C of std modules is the same in every program
// that uses them alike, so a new program compiles only its own code; a
// program that overrides a std module compiles that module again, and
// neither program runs the other's version.
func TestStdObjectsShared(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed")
	}
	env := []string{"FIBERUS_CACHE_DIR=" + cacheDir}
	prog := func(dir, class, text string) string {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(`class Main {
	static function main() {
		Sys.println(new `+class+`().greet("`+text+`"));
		trace("traced");
	}
}
class `+class+` {
	public function new() {}
	public function greet(s:String) return "hi " + s + " " + [1, 2].length;
}
`), 0o644)
		return dir
	}
	// build builds dir's Main and returns the generated C files it compiled.
	build := func(dir string, extra ...string) []string {
		t.Helper()
		args := append([]string{"build", "-v", "-cp", ".", "-main", "Main", "-o", "prog"}, extra...)
		r := runCLI(t, dir, env, "", args...)
		if r.code != 0 {
			t.Fatalf("build in %s failed:\n%s", dir, r.stderr)
		}
		var compiled []string
		for _, l := range strings.Split(r.stderr, "\n") {
			if strings.HasPrefix(l, "+ ") && strings.Contains(l, " -c ") && strings.Contains(l, "fiberus-build-") {
				f := strings.Fields(l[strings.Index(l, " -c ")+4:])[0]
				compiled = append(compiled, filepath.Base(f))
			}
		}
		return compiled
	}
	run := func(dir string) string {
		t.Helper()
		out, err := exec.Command(filepath.Join(dir, "prog")).CombinedOutput()
		if err != nil {
			t.Fatalf("%s/prog: %v\n%s", dir, err, out)
		}
		return string(out)
	}
	work := t.TempDir()
	a := prog(filepath.Join(work, "a"), "Alpha", "alpha")
	build(a)
	if out := run(a); out != "hi alpha 2\nMain.hx:4: traced\n" {
		t.Fatalf("a printed %q", out)
	}
	b := prog(filepath.Join(work, "b"), "Beta", "beta")
	compiled := build(b)
	for _, f := range compiled {
		if strings.HasPrefix(f, "funcs_") && !strings.HasPrefix(f, "funcs_Main_") && !strings.HasPrefix(f, "funcs_init_") {
			t.Errorf("a new program recompiled std code: %s (compiled: %v)", f, compiled)
		}
	}
	if out := run(b); out != "hi beta 2\nMain.hx:4: traced\n" {
		t.Fatalf("b printed %q", out)
	}
	// c overrides haxe.Log (std): its trace changes, and only c sees it.
	c := prog(filepath.Join(work, "c"), "Alpha", "alpha")
	os.MkdirAll(filepath.Join(c, "haxe"), 0o755)
	os.WriteFile(filepath.Join(c, "haxe", "Log.hx"), []byte(`package haxe;
class Log {
	public static dynamic function trace(v:Dynamic, ?infos:PosInfos):Void {
		Sys.println("LOG " + v + " at " + infos.lineNumber);
	}
}
`), 0o644)
	compiled = build(c)
	recompiledLog := false
	for _, f := range compiled {
		recompiledLog = recompiledLog || strings.HasPrefix(f, "funcs_Log_")
	}
	if !recompiledLog {
		t.Errorf("the overridden haxe.Log was not compiled (compiled: %v)", compiled)
	}
	if out := run(c); out != "hi alpha 2\nLOG traced at 4\n" {
		t.Errorf("c printed %q", out)
	}
	build(a)
	if out := run(a); out != "hi alpha 2\nMain.hx:4: traced\n" {
		t.Errorf("a rebuilt after c printed %q", out)
	}
}

// TestClangBuild: the runtime and a program's C also build with clang (which
// rejects some of gcc's flags), and the program runs on the job runtime:
// fibers, a counter, the context switch.
func TestClangBuild(t *testing.T) {
	for _, tool := range []string{"haxe", "clang"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	work := t.TempDir()
	os.WriteFile(filepath.Join(work, "Main.hx"), []byte(`class Main {
	static function main() {
		var done = fiberus.Counter.create(8);
		var sum:fiberus.AtomicInt = 0;
		for (i in 0...8)
			fiberus.Fiber.spawn(_ -> {
				fiberus.Fiber.yield();
				sum.fetchAdd(i);
				done.decrement();
			});
		done.wait();
		Sys.println("sum " + sum.load() + " " + Math.sqrt(2.0));
	}
}
`), 0o644)
	r := runCLI(t, work, []string{"FIBERUS_CACHE_DIR=" + cacheDir}, "", "run", "Main.hx", "--cc", "clang")
	if r.code != 0 || r.stdout != "sum 28 1.4142135623731\n" {
		t.Fatalf("with clang: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestRaytraceExample: examples/raytrace prints the same image checksum on one
// worker and on three as haxe --interp does with a sequential stand-in for the
// fiberus API (every row is one parallelFor index and writes only its pixels).
func TestRaytraceExample(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed")
	}
	root := repoRoot(t)
	stubs := filepath.Join(t.TempDir(), "fiberus")
	os.MkdirAll(stubs, 0o755)
	os.WriteFile(filepath.Join(stubs, "Jobs.hx"), []byte(`package fiberus;
class Jobs {
	public static function parallelFor(start:Int, end:Int, grain:Int, body:Int->Void):Void
		for (i in start...end) body(i);
}
`), 0o644)
	os.WriteFile(filepath.Join(stubs, "Fiber.hx"), []byte("package fiberus;\nclass Fiber { public static function getThreadCount():Int return 1; }\n"), 0o644)
	interp := exec.Command("haxe", "-cp", filepath.Dir(stubs), "-cp", filepath.Join(root, "examples", "raytrace"), "--run", "Main", "64")
	want, err := interp.Output()
	if err != nil || !strings.HasPrefix(string(want), "64x48, checksum ") {
		t.Fatalf("haxe --interp: %q, %v", want, err)
	}
	for _, workers := range []string{"1", "3"} {
		env := []string{"FIBERUS_CACHE_DIR=" + cacheDir, "FIBERUS_WORKERS=" + workers}
		r := runCLI(t, root, env, "", "run", "examples/raytrace/Main.hx", "--", "64")
		if r.code != 0 || r.stdout != string(want) {
			t.Errorf("%s workers: code %d stdout %q, haxe --interp printed %q; stderr %q", workers, r.code, r.stdout, want, r.stderr)
		}
		if !strings.Contains(r.stderr, "on "+workers+" thread") {
			t.Errorf("%s workers: stderr %q does not name the thread count", workers, r.stderr)
		}
	}
}
