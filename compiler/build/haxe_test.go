package build

import (
	"slices"
	"testing"
)

func TestHaxeArgsDefaultHLVer(t *testing.T) {
	has := func(args []string, d string) bool {
		for i := 0; i+1 < len(args); i++ {
			if args[i] == "-D" && args[i+1] == d {
				return true
			}
		}
		return false
	}
	args := HaxeArgs(&Config{Main: "Main"}, "/sdk", "/tmp/out.hl")
	if !has(args, DefaultHLVer) {
		t.Errorf("no %s in %v", DefaultHLVer, args)
	}
	for _, c := range []*Config{
		{Main: "Main", Defines: []string{"hl-ver=1.11.0"}},
		{Main: "Main", Haxe: []string{"-D", "hl_ver=1.10.0"}},
	} {
		args := HaxeArgs(c, "/sdk", "/tmp/out.hl")
		if has(args, DefaultHLVer) {
			t.Errorf("user's hl-ver overridden: %v", args)
		}
		if !slices.Contains(args, "/tmp/out.hl") {
			t.Errorf("no output in %v", args)
		}
	}
}

func TestGeneratedFlagsLetUserOverride(t *testing.T) {
	tc := &Toolchain{Cmd: []string{"gcc"}, CFlags: []string{"-g"}}
	if slices.Contains(tc.Flags(), "-g1") {
		t.Fatalf("-g1 leaked into the runtime's flags %v", tc.Flags())
	}
	flags := tc.ForGenerated().Flags()
	g1, userG := slices.Index(flags, "-g1"), -1
	for i, f := range flags {
		if f == "-g" {
			userG = i // the last one wins in gcc
		}
	}
	if g1 < 0 || userG < g1 {
		t.Errorf("generated flags %v: want -g1, then the user's -g after it", flags)
	}
}
