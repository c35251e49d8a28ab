package build

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// inDir runs the test body with dir as the current directory.
func inDir(t *testing.T, dir string) {
	t.Helper()
	old, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseArgsHaxeArguments(t *testing.T) {
	a, err := ParseArgs([]string{"-cp", "src", "-p", "lib", "-main", "app.Main", "-D", "x=1", "--define", "y",
		"-lib", "heaps", "--resource", "a.txt@a", "-debug", "--dce", "full", "--macro", "include('pack')",
		"-o", "out/app", "-v", "--cc", "clang", "--cflags", "-O3 -march=native", "--csource", "n.c", "extra.Module"}, false)
	if err != nil {
		t.Fatal(err)
	}
	want := &Args{
		Classpaths: []string{"src", "lib"}, Main: "app.Main", Defines: []string{"x=1", "y"}, Libs: []string{"heaps"},
		Haxe:   []string{"--resource", "a.txt@a", "-debug", "--dce", "full", "--macro", "include('pack')", "extra.Module"},
		Output: "out/app", Verbose: true, CC: "clang", CFlags: []string{"-O3", "-march=native"}, CSources: []string{"n.c"},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
}

func TestParseArgsCwdIsNotPassedTwice(t *testing.T) {
	clearEnv(t)
	a, err := ParseArgs([]string{"--cwd", "sub", "-cp", "src", "-main", "M"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Cwd != "sub" || len(a.Haxe) != 0 {
		t.Errorf("cwd %q haxe %q: fiberus runs haxe in the folder instead of passing --cwd", a.Cwd, a.Haxe)
	}
	c, err := Resolve(a, "/top")
	if err != nil {
		t.Fatal(err)
	}
	if c.HaxeCwd != "/top/sub" {
		t.Errorf("haxe folder %q, want /top/sub", c.HaxeCwd)
	}
}

func TestParseArgsOutputForms(t *testing.T) {
	for _, args := range [][]string{{"-main", "M", "-o", "x"}, {"-main", "M", "--output", "x"}, {"-main", "M", "--output=x"}} {
		a, err := ParseArgs(args, false)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if a.Output != "x" {
			t.Errorf("%v: output %q, want x", args, a.Output)
		}
	}
}

func TestParseArgsHxmlWithFiberusDir(t *testing.T) {
	dir := t.TempDir()
	inDir(t, dir)
	writeFile(t, "common.hxml", "# shared settings\n-cp src\n-D multithreaded\n")
	writeFile(t, "build.hxml", "common.hxml\n\n-main app.Main\n-D iouring\n--fiberus bin\n-hl old/out.hl\n-cp \"my src\"\n")
	a, err := ParseArgs([]string{"build.hxml"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if a.FiberusDir != "bin" || a.Main != "app.Main" {
		t.Errorf("fiberus dir %q main %q, want bin app.Main", a.FiberusDir, a.Main)
	}
	if want := []string{"src", "my src"}; !reflect.DeepEqual(a.Classpaths, want) {
		t.Errorf("classpaths %q, want %q", a.Classpaths, want)
	}
	if want := []string{"multithreaded", "iouring"}; !reflect.DeepEqual(a.Defines, want) {
		t.Errorf("defines %q, want %q", a.Defines, want)
	}
	if len(a.Haxe) != 0 {
		t.Errorf("--fiberus and -hl must not reach haxe, got %q", a.Haxe)
	}
	if want := []string{"build.hxml", "common.hxml"}; !reflect.DeepEqual(a.Inputs, want) {
		t.Errorf("inputs %q, want %q", a.Inputs, want)
	}
	c, err := Resolve(a, dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "bin", "Main"); c.Output != want {
		t.Errorf("output %q, want %q", c.Output, want)
	}
	// -o beats --fiberus.
	a, err = ParseArgs([]string{"build.hxml", "-o", "elsewhere"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = Resolve(a, dir); err != nil || c.Output != filepath.Join(dir, "elsewhere") {
		t.Errorf("with -o: output %q, err %v", c.Output, err)
	}
}

func TestParseHxmlLines(t *testing.T) {
	got := parseHxml("  -cp src  \r\n#-D no\n-D \"a b\"\n--no-traces\nMain\n--macro foo(\"x y\")\n")
	want := []string{"-cp", "src", "-D", "a b", "--no-traces", "Main", "--macro", "foo(\"x y\")"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseArgsSelfIncludingHxml(t *testing.T) {
	inDir(t, t.TempDir())
	writeFile(t, "loop.hxml", "-main Main\nloop.hxml\n")
	if _, err := ParseArgs([]string{"loop.hxml"}, false); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("want a nesting error, got %v", err)
	}
}

func TestParseArgsLoneMainHx(t *testing.T) {
	dir := t.TempDir()
	inDir(t, dir)
	writeFile(t, "game/Main.hx", "class Main { static function main() {} }")
	a, err := ParseArgs([]string{"game/Main.hx", "-D", "x"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Main != "Main" || !reflect.DeepEqual(a.Classpaths, []string{"game"}) {
		t.Errorf("main %q classpaths %q, want Main [game]", a.Main, a.Classpaths)
	}
	c, err := Resolve(a, dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Output != filepath.Join(dir, "Main") {
		t.Errorf("default output %q, want ./Main", c.Output)
	}
	if _, err := ParseArgs([]string{"nothere/Main.hx"}, false); err == nil || !strings.Contains(err.Error(), "nothere/Main.hx") {
		t.Errorf("missing Main.hx: got %v", err)
	}
}

func TestParseArgsProgramArguments(t *testing.T) {
	a, err := ParseArgs([]string{"-main", "Main", "--", "-o", "x", "--", "y"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if a.Output != "" || !reflect.DeepEqual(a.ProgramArgs, []string{"-o", "x", "--", "y"}) {
		t.Errorf("output %q program args %q", a.Output, a.ProgramArgs)
	}
	if _, err := ParseArgs([]string{"-main", "Main", "--", "x"}, false); err == nil {
		t.Error("build accepted program arguments")
	}
}

func TestParseArgsRejects(t *testing.T) {
	for _, args := range [][]string{
		{"-main", "M", "--js", "out.js"},
		{"-main", "M", "--interp"},
		{"-main", "M", "--next", "-main", "N"},
		{"-main"},
		{"-o"},
	} {
		if _, err := ParseArgs(args, false); err == nil {
			t.Errorf("%q: accepted", args)
		}
	}
}

func TestMainName(t *testing.T) {
	for main, want := range map[string]string{"Main": "Main", "app.server.Server": "Server"} {
		if got := (&Config{Main: main}).MainName(); got != want {
			t.Errorf("MainName(%q) = %q, want %q", main, got, want)
		}
	}
}
