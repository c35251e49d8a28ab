// Package cgen translates a HashLink bytecode module (compiler/hl) into C that
// compiles against the Fiberus runtime's contract header hx.h.
//
// The output: hx_types.h (every struct, prototype and extern of the program,
// for the program-wide files), types.c (the hx_type tables), globals.c
// (globals, constants, string data, static closures, missing-native stubs and
// the hx_module descriptor), reflect.c (dynamic-call dispatchers), main.c, and
// the function bodies in funcs_<module>_<hash>_<n>.c, one file per Haxe source
// file (big ones split). The function files are self-contained and use
// stable names (stable.go, split.go): a std module's file is the same bytes in
// every program that uses it alike, so the build's object cache shares it.
// Generation is deterministic: the same module gives the same bytes.
package cgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// Options tune the output.
type Options struct {
	// Available reports whether a C function (e.g. "hxn_std_itos") is defined
	// by the runtime or by user C files. Natives for which it returns false get
	// a generated stub that throws the Haxe exception "Missing native std@foo"
	// when called; Generate lists them in Output.MissingNatives. nil = all available.
	Available func(sym string) bool
	Files     int  // unused: bodies are split per Haxe module (split.go); kept for callers
	NoLines   bool // omit #line directives
	Plain     bool // no loop copies (loops.go, nests.go, promote.go, lanes.go): tests compare with it
}

// File is one generated file.
type File struct {
	Name string
	Data []byte
}

// Output is the generated program.
type Output struct {
	Files          []File
	MissingNatives []string // "lib@name", sorted
}

// Error is a generation failure located in a function and op when known.
type Error struct {
	FIndex int // -1 when not about a function
	Op     int // -1 when not about an op
	Name   string
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.FIndex < 0:
		return "cgen: " + e.Msg
	case e.Op < 0:
		return fmt.Sprintf("cgen: function %s (findex %d): %s", e.Name, e.FIndex, e.Msg)
	default:
		return fmt.Sprintf("cgen: function %s (findex %d), op %d: %s", e.Name, e.FIndex, e.Op, e.Msg)
	}
}

// gen holds everything derived from the module while generating.
type gen struct {
	m   *hl.Module
	opt Options

	typeExpr   []string         // C expression of &hx_type for each type index
	structName map[int]string   // obj/struct type index -> C struct tag
	fieldNames map[int][]string // obj type index -> C member name per absolute field
	layouts    map[int]*objLayout
	enumLay    map[int][]*enumLayout
	virtLay    map[int]*virtLayout

	hashes      map[string]int32 // field name -> hash (collisions resolved)
	hashOrder   []string         // names in registration order
	takenHashes map[int32]bool

	funcName map[int]string // findex -> C symbol (bytecode functions and natives)
	finfo    map[int]string // findex -> HashLink frame name
	missing  map[int]bool   // native findex -> stub generated
	natSyms  map[string]int // native C symbol -> first findex declaring it

	usedStrings map[int]bool
	usedBytes   map[int]bool
	staticCl    map[int]bool // findex with a static closure object
	shapes      map[string]bool

	// stable names (stable.go)
	typeSym    []string          // type index -> hx_type symbol ("" for primitives)
	enumTag    map[int]string    // enum type index -> construct struct tag prefix
	strSym     []string          // string index -> UTF-16 data symbol
	bytesSym   []string          // bytes index -> data symbol
	globalSym  []string          // global index -> C variable
	fileID     []int             // debug file index -> number in fr.line
	clSym      map[int]string    // findex -> static closure symbol
	structDefs map[string]string // C struct tag -> definition (split.go)

	reflectFuns map[int]*reflectFun // findex -> recognised Reflect function or nil (dynfuse.go)
	constStrs   map[int]string      // constant String global -> its text (dynfuse.go)
	callMethods map[int]*callMethodFun
}

// Generate translates m into C.
func Generate(m *hl.Module, opt Options) (out *Output, err error) {
	if m == nil {
		return nil, &Error{FIndex: -1, Op: -1, Msg: "nil module"}
	}
	if opt.Files < 1 {
		opt.Files = 4
	}
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*Error); ok {
				out, err = nil, e
				return
			}
			panic(r)
		}
	}()
	g := &gen{m: m, opt: opt,
		structName: map[int]string{}, fieldNames: map[int][]string{}, layouts: map[int]*objLayout{},
		enumLay: map[int][]*enumLayout{}, virtLay: map[int]*virtLayout{}, hashes: map[string]int32{},
		funcName: map[int]string{}, finfo: map[int]string{}, missing: map[int]bool{}, natSyms: map[string]int{},
		usedStrings: map[int]bool{}, usedBytes: map[int]bool{}, staticCl: map[int]bool{}, shapes: map[string]bool{},
	}
	if err := g.prepare(); err != nil {
		return nil, err
	}
	out = &Output{}
	funcs, err := g.genFunctions()
	if err != nil {
		return nil, err
	}
	out.Files = append(out.Files, File{"hx_types.h", g.genHeader()})
	out.Files = append(out.Files, File{"types.c", g.genTypes()})
	out.Files = append(out.Files, File{"globals.c", g.genGlobals()})
	out.Files = append(out.Files, File{"reflect.c", g.genReflectFile()})
	out.Files = append(out.Files, funcs...)
	out.Files = append(out.Files, File{"main.c", []byte("#include \"hx.h\"\n\nextern const hx_module hx_program;\n\nint main(int argc, char **argv) { return hx_main(&hx_program, argc, argv); }\n")})
	for f := range g.missing {
		n := m.NativeByIndex[f]
		out.MissingNatives = append(out.MissingNatives, n.Lib+"@"+n.Name)
	}
	sort.Strings(out.MissingNatives)
	out.MissingNatives = dedupe(out.MissingNatives)
	return out, nil
}

func dedupe(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// fail aborts generation with an error (recovered in Generate).
func (g *gen) fail(findex, op int, format string, args ...any) {
	name := ""
	if findex >= 0 {
		name = g.finfo[findex]
		if name == "" {
			name = fmt.Sprintf("fun$%d", findex)
		}
	}
	panic(&Error{FIndex: findex, Op: op, Name: name, Msg: fmt.Sprintf(format, args...)})
}

// writer accumulates C text and counts lines (for #line bookkeeping).
type writer struct {
	buf   bytes.Buffer
	lines int // newlines written so far
}

func (w *writer) p(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	w.buf.WriteString(s)
	w.lines += strings.Count(s, "\n")
}

func (w *writer) s(s string) {
	w.buf.WriteString(s)
	w.lines += strings.Count(s, "\n")
}
