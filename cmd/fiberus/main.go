// Command fiberus compiles Haxe programs to native Linux programs that run on
// the Fiberus runtime. The work is done by compiler/build; this file only
// dispatches the commands.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"

	"github.com/fiberus/fiberus"
	"github.com/fiberus/fiberus/compiler/build"
	"golang.org/x/sys/unix"
)

// version is set at link time: -ldflags "-X main.version=1.2.3".
var version = "0.1.0-dev"

const usage = `fiberus compiles Haxe to native x86-64 Linux programs.

Usage:
  fiberus build [haxe arguments | file.hxml | Main.hx] [-o OUT]
  fiberus run   [haxe arguments | file.hxml | Main.hx] [-- program arguments]
  fiberus dump FILE.hl
  fiberus doctor
  fiberus version
  fiberus clean

Build options (besides haxe's own: -cp, -main, -D, -lib, --resource, --debug, --dce, --macro, ...):
  -o, --output FILE   the program to write (default ./<main class>)
  -v, --verbose       print each command run
  --cc CMD            C compiler (default $CC, else cc)
  --cflags "FLAGS"    extra C compiler flags (runtime, generated code, csources)
  --ldflags "FLAGS"   extra linker flags
  --csource FILE      a C file with your own natives (repeatable)
  --kind KIND         exe (staticlib and sharedlib are not yet supported)
  --config FILE       the configuration file (default: fiberus.yaml next to the sources)
  --keep              keep the generated C and print where it is
  --no-lines          no #line directives in the generated C (debuggers show the C)

Configuration: fiberus.yaml < FIBERUS_* environment variables < command line.
See docs/configuration.md.
`

func main() {
	// On Ctrl-C or a kill, remove half-built outputs before exiting (the C
	// compiler and haxe, in our process group, get the signal too).
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		build.Cleanup()
		fmt.Fprintf(os.Stderr, "fiberus: interrupted (%v)\n", s)
		os.Exit(130)
	}()
	os.Exit(run(os.Args[1:]))
}

func sources() *build.Sources {
	return &build.Sources{
		FS:          fiberus.Sources,
		RuntimeDirs: fiberus.RuntimeDirs,
		IncludeDirs: fiberus.IncludeDirs,
		HaxeLib:     fiberus.HaxeLib,
	}
}

func fail(err error) int {
	fmt.Fprintf(os.Stderr, "fiberus: %v\n", err)
	return 1
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build", "run":
		for _, a := range rest {
			if a == "--" {
				break
			}
			if a == "-h" || a == "--help" || a == "-help" {
				fmt.Print(usage)
				return 0
			}
		}
		return buildOrRun(cmd == "run", rest)
	case "dump":
		if len(rest) != 1 {
			fmt.Fprintln(os.Stderr, "usage: fiberus dump FILE.hl")
			return 2
		}
		if err := build.Dump(rest[0], os.Stdout); err != nil {
			return fail(err)
		}
		return 0
	case "doctor":
		return doctor()
	case "version", "--version", "-version":
		h := "?"
		if x, err := sources().Hash(); err == nil {
			h = x
		}
		fmt.Printf("fiberus %s (runtime sources %s, %s, %s/%s)\n", version, h, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return 0
	case "clean":
		dir, err := build.CacheDir()
		if err != nil {
			return fail(err)
		}
		if err := os.RemoveAll(dir); err != nil {
			return fail(err)
		}
		fmt.Printf("removed %s\n", dir)
		return 0
	case "help", "-h", "--help":
		fmt.Print(usage)
		return 0
	}
	fmt.Fprintf(os.Stderr, "fiberus: unknown command %q\n\n%s", cmd, usage)
	return 2
}

func buildOrRun(isRun bool, args []string) int {
	a, err := build.ParseArgs(args, isRun)
	if err != nil {
		return fail(err)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail(err)
	}
	cfg, err := build.Resolve(a, cwd)
	if err != nil {
		return fail(err)
	}
	opt := build.Options{Sources: sources(), Stderr: os.Stderr, Cwd: cwd}
	if !isRun {
		if _, err := build.Build(cfg, opt); err != nil {
			return fail(err)
		}
		return 0
	}
	exe, err := build.PrepareRun(cfg, opt)
	if err != nil {
		return fail(err)
	}
	// Replace fiberus by the program: stdin, stdout, stderr, signals and the
	// exit status are the program's own.
	err = unix.Exec(exe, append([]string{exe}, cfg.ProgramArgs...), os.Environ())
	return fail(fmt.Errorf("starting %s: %v", exe, err))
}

func doctor() int {
	cc := os.Getenv("FIBERUS_CC")
	if cc == "" {
		cc = os.Getenv("CC")
	}
	if cc == "" {
		cc = "cc"
	}
	failed := false
	for _, c := range build.Doctor(cc, sources()) {
		fmt.Printf("%-4s  %-14s %s\n", c.Status, c.Name, c.Detail)
		if c.Fix != "" {
			fmt.Printf("      %-14s fix: %s\n", "", c.Fix)
		}
		failed = failed || c.Status == build.Fail
	}
	if dir, err := build.CacheDir(); err == nil {
		fmt.Printf("%-4s  %-14s %s\n", "", "cache", dir)
	}
	if failed {
		fmt.Println(strings.Repeat("-", 60))
		fmt.Println("some required checks failed: fix them before building")
		return 1
	}
	return 0
}
