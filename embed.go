// Package fiberus carries the files the fiberus command needs at run time,
// so that one binary works from any folder with only haxe and a C compiler
// installed: the runtime's C and assembly sources and headers (not their
// tests), the SDK's C headers, and the sdk/haxe Haxe library. The build
// driver (compiler/build) unpacks them into the user cache.
package fiberus

import (
	"embed"
	"strings"
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
// errno after math functions.
var CFlags = []string{"-std=gnu11", "-O2", "-g", "-fwrapv", "-fno-strict-aliasing", "-fno-math-errno"}

// IncludeDirs are the -I folders of every C compilation.
var IncludeDirs = append(append([]string{}, RuntimeDirs...), "sdk/include")

// HaxeLib is the folder added to haxe's class path in every build.
const HaxeLib = "sdk/haxe"

// RuntimeSources lists the .c and .S files of the given runtime folders in
// Sources (paths relative to the repository root, sorted): the one list that
// tests, benchmarks and bindings linking part of the runtime build from.
func RuntimeSources(dirs ...string) []string {
	var out []string
	for _, d := range dirs {
		entries, err := Sources.ReadDir(d)
		if err != nil {
			continue // a folder not written yet (io/)
		}
		for _, e := range entries {
			if n := e.Name(); strings.HasSuffix(n, ".c") || strings.HasSuffix(n, ".S") {
				out = append(out, d+"/"+n)
			}
		}
	}
	return out
}
