package build

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// clearEnv removes every FIBERUS_* configuration variable for the test.
func clearEnv(t *testing.T) {
	t.Helper()
	for _, k := range configKeys {
		name := "FIBERUS_" + strings.ToUpper(k)
		t.Setenv(name, "") // restores the old value after the test
		os.Unsetenv(name)
	}
}

func TestConfigPrecedence(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ConfigFileName), `
main: FromFile
cc: file-cc
cflags: [-DFILE]
ldflags: [-lfile]
defines: [fromfile]
`)
	inDir(t, dir)
	parse := func(args ...string) *Config {
		t.Helper()
		a, err := ParseArgs(args, false)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Resolve(a, dir)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// File alone.
	c := parse()
	if c.Main != "FromFile" || c.CC != "file-cc" || !reflect.DeepEqual(c.CFlags, []string{"-DFILE"}) {
		t.Errorf("file only: main %q cc %q cflags %q", c.Main, c.CC, c.CFlags)
	}
	if c.ConfigFile != filepath.Join(dir, ConfigFileName) {
		t.Errorf("config file %q", c.ConfigFile)
	}
	// The environment beats the file.
	t.Setenv("FIBERUS_CC", "env-cc")
	t.Setenv("FIBERUS_CFLAGS", "-DENV -DENV2")
	c = parse()
	if c.CC != "env-cc" || !reflect.DeepEqual(c.CFlags, []string{"-DENV", "-DENV2"}) || c.Main != "FromFile" {
		t.Errorf("env over file: main %q cc %q cflags %q", c.Main, c.CC, c.CFlags)
	}
	if !reflect.DeepEqual(c.LDFlags, []string{"-lfile"}) {
		t.Errorf("ldflags %q: keys the environment does not set come from the file", c.LDFlags)
	}
	// Flags beat both.
	c = parse("--cc", "flag-cc", "--cflags", "-DFLAG", "-main", "FromFlag", "-D", "fromflag")
	if c.CC != "flag-cc" || !reflect.DeepEqual(c.CFlags, []string{"-DFLAG"}) || c.Main != "FromFlag" ||
		!reflect.DeepEqual(c.Defines, []string{"fromflag"}) {
		t.Errorf("flags over env: main %q cc %q cflags %q defines %q", c.Main, c.CC, c.CFlags, c.Defines)
	}
}

func TestConfigPathsRelativeToFile(t *testing.T) {
	clearEnv(t)
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	writeFile(t, filepath.Join(proj, ConfigFileName), "main: Main\nclasspaths: [src]\ncsources: [native/n.c]\noutput: bin/game\n")
	inDir(t, root)
	a, err := ParseArgs([]string{"--config", "proj/fiberus.yaml"}, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(a, root)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join("proj", "src")}; !reflect.DeepEqual(c.Classpaths, want) {
		t.Errorf("classpaths %q, want %q (relative to haxe's folder)", c.Classpaths, want)
	}
	if want := []string{filepath.Join(proj, "native", "n.c")}; !reflect.DeepEqual(c.CSources, want) {
		t.Errorf("csources %q, want %q", c.CSources, want)
	}
	if want := filepath.Join(proj, "bin", "game"); c.Output != want || !c.OutputSet {
		t.Errorf("output %q (set %v), want %q", c.Output, c.OutputSet, want)
	}
	// The environment's paths are relative to the current directory.
	t.Setenv("FIBERUS_CSOURCES", "x.c")
	if c, err = Resolve(a, root); err != nil || !reflect.DeepEqual(c.CSources, []string{filepath.Join(root, "x.c")}) {
		t.Errorf("env csources %q, err %v", c.CSources, err)
	}
}

func TestConfigOutputPrecedence(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ConfigFileName), "main: app.Game\noutput: fromfile\n")
	writeFile(t, filepath.Join(dir, "b.hxml"), "--fiberus fromhxml\n")
	inDir(t, dir)
	for _, tc := range []struct {
		args []string
		env  string
		want string
	}{
		{nil, "", "fromfile"},
		{nil, "fromenv", "fromenv"},
		{[]string{"b.hxml"}, "fromenv", "fromhxml/Game"},
		{[]string{"b.hxml", "-o", "fromflag"}, "fromenv", "fromflag"},
	} {
		if tc.env != "" {
			t.Setenv("FIBERUS_OUTPUT", tc.env)
		} else {
			os.Unsetenv("FIBERUS_OUTPUT")
		}
		a, err := ParseArgs(tc.args, false)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Resolve(a, dir)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(dir, tc.want); c.Output != want || !c.OutputSet {
			t.Errorf("args %q env %q: output %q (set %v), want %q", tc.args, tc.env, c.Output, c.OutputSet, want)
		}
	}
}

func TestConfigFoundNextToMainHx(t *testing.T) {
	clearEnv(t)
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "game", "Main.hx"), "class Main {}")
	writeFile(t, filepath.Join(root, "game", ConfigFileName), "defines: [fromyaml]\n")
	inDir(t, root)
	a, err := ParseArgs([]string{"game/Main.hx"}, false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Resolve(a, root)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Defines, []string{"fromyaml"}) {
		t.Errorf("defines %q: the yaml next to Main.hx was not used", c.Defines)
	}
}

func TestConfigErrors(t *testing.T) {
	clearEnv(t)
	for _, tc := range []struct{ yaml, args, want string }{
		{"main: Main\ncflag: [-O3]\n", "", `unknown key "cflag"`},
		{"main: Main\nkind: staticlib\n", "", "not yet supported"},
		{"main: Main\n", "--kind sharedlib", "not yet supported"},
		{"main: Main\nkind: dll\n", "", "unknown output kind"},
		{"cc: gcc\n", "", "no main class"},
		{"main: [oops\n", "", ConfigFileName},
	} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, ConfigFileName), tc.yaml)
		inDir(t, dir)
		a, err := ParseArgs(strings.Fields(tc.args), false)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Resolve(a, dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("yaml %q args %q: got %v, want an error with %q", tc.yaml, tc.args, err, tc.want)
		}
	}
}

func TestConfigDefaultCC(t *testing.T) {
	clearEnv(t)
	dir := t.TempDir()
	inDir(t, dir)
	t.Setenv("CC", "my-cc")
	c, err := Resolve(&Args{Main: "Main"}, dir)
	if err != nil || c.CC != "my-cc" {
		t.Errorf("cc %q err %v: $CC is the default compiler", c.CC, err)
	}
}
