// Command cgendump is a debugging aid: it generates the C of a .hl file into
// a folder (cgendump FILE.hl OUTDIR), or lists the module (cgendump FILE.hl -).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/fiberus/fiberus/compiler/cgen"
	"github.com/fiberus/fiberus/compiler/hl"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: cgendump FILE.hl OUTDIR|-")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "cgendump:", err)
		os.Exit(1)
	}
}

func run(file, out string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	m, err := hl.Read(data)
	if err != nil {
		return err
	}
	if out == "-" {
		return hl.Dump(os.Stdout, m)
	}
	gen, err := cgen.Generate(m, cgen.Options{Files: 2})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range gen.Files {
		if err := os.WriteFile(filepath.Join(out, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	if len(gen.MissingNatives) > 0 {
		fmt.Println("missing natives:", gen.MissingNatives)
	}
	return nil
}
