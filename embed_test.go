package fiberus

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbedsEveryRuntimeFile guards the //go:embed patterns: every C,
// assembly and header file of a runtime folder (not its tests) and every
// file of sdk/haxe must be in Sources, and nothing else.
func TestEmbedsEveryRuntimeFile(t *testing.T) {
	want := map[string]bool{}
	for _, d := range IncludeDirs {
		entries, err := os.ReadDir(d)
		if os.IsNotExist(err) {
			continue // a component not written yet (and not in embed.go)
		}
		if err != nil {
			t.Fatalf("runtime folder %s: %v", d, err)
		}
		for _, e := range entries {
			switch filepath.Ext(e.Name()) {
			case ".c", ".h", ".S", ".s":
				if !e.IsDir() {
					want[d+"/"+e.Name()] = true
				}
			}
		}
	}
	err := filepath.WalkDir(HaxeLib, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			want[filepath.ToSlash(p)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	fs.WalkDir(Sources, ".", func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			got[p] = true
		}
		return err
	})
	for p := range want {
		if !got[p] {
			t.Errorf("%s is not embedded: add its pattern to embed.go", p)
		}
	}
	for p := range got {
		if !want[p] {
			t.Errorf("%s is embedded but is not a runtime source", p)
		}
		if strings.Contains(p, "/test/") {
			t.Errorf("%s: test files must not be embedded", p)
		}
	}
}
