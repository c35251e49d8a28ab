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
