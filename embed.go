// Package fiberus carries the files the fiberus command needs at run time,
// so that one binary works from any folder with only haxe and a C compiler
// installed: the runtime's C and assembly sources and headers (not their
// tests), the SDK's C headers, and the sdk/haxe Haxe library. The build
// driver (compiler/build) unpacks them into the user cache.
package fiberus

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// Sources holds the runtime folders, sdk/include and sdk/haxe. Each pattern
// must match a file, so a runtime folder joins the list once it has one:
// io/ is not written yet (add io/*.[chsS] then; TestEmbedsEveryRuntimeFile
// fails until it is added).
//
//go:embed fibers/*.[chsS] jobs/*.[chsS] counters/*.[chsS] fibrix/*.[chsS] hxrt/*.[chsS]
//go:embed sdk/include/*.h
//go:embed all:sdk/haxe
var Sources embed.FS

// RuntimeDirs are the folders whose .c and .S files make the runtime archive.
var RuntimeDirs = []string{"fibers", "jobs", "counters", "fibrix", "io", "hxrt"}

// CFlags are the flags of every C compilation, runtime and generated code
// alike (the runtime's tests use them too): HashLink's integer semantics need
// -fwrapv, type punning of bytes needs -fno-strict-aliasing, and no code reads
// errno after math functions. -O2's "very cheap" vectoriser cost model refuses
// loops that need a scalar epilogue, which is every fast loop copy of
// compiler/cgen/loops.go; -O3's dynamic model takes them (spectral-norm 1.5x).
// -ffp-contract=off keeps every float operation rounded as HashLink rounds it
// even when a user's --cflags enables FMA (-march=native): gcc would otherwise
// fuse a*b+c and change results (a user who wants that passes -ffp-contract=fast).
// These are gcc's; a build with clang drops GCCOnlyCFlags.
var CFlags = []string{"-std=gnu11", "-O2", "-g", "-fwrapv", "-fno-strict-aliasing", "-fno-math-errno",
	"-fvect-cost-model=dynamic", "-ffp-contract=off"}

// GCCOnlyCFlags are the CFlags clang rejects (its vectoriser has no such cost
// model and takes those loops anyway).
var GCCOnlyCFlags = []string{"-fvect-cost-model=dynamic"}

// IncludeDirs are the -I folders of every C compilation.
var IncludeDirs = append(append([]string{}, RuntimeDirs...), "sdk/include")

// HaxeLib is the folder added to haxe's class path in every build.
const HaxeLib = "sdk/haxe"

// ListSources lists the C and assembly files (.c, .S, .s) directly in the
// given folders of fsys, as slash paths in folder order. A folder that does not
// exist yet (io/) is skipped.
func ListSources(fsys fs.FS, dirs ...string) ([]string, error) {
	var out []string
	for _, d := range dirs {
		entries, err := fs.ReadDir(fsys, d)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("runtime folder %s: %w", d, err)
		}
		for _, e := range entries {
			switch path.Ext(e.Name()) {
			case ".c", ".S", ".s":
				if !e.IsDir() {
					out = append(out, path.Join(d, e.Name()))
				}
			}
		}
	}
	return out, nil
}

// RuntimeSources lists the sources of the given runtime folders in Sources:
// the one list that tests, benchmarks and bindings linking part of the
// runtime build from.
func RuntimeSources(dirs ...string) []string {
	out, err := ListSources(Sources, dirs...)
	if err != nil {
		panic(err) // the embedded tree is fixed at build time: cannot happen
	}
	return out
}
