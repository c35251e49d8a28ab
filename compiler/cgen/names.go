package cgen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

var cKeywords = map[string]bool{
	"auto": true, "break": true, "case": true, "char": true, "const": true, "continue": true,
	"default": true, "do": true, "double": true, "else": true, "enum": true, "extern": true,
	"float": true, "for": true, "goto": true, "if": true, "inline": true, "int": true, "long": true,
	"register": true, "restrict": true, "return": true, "short": true, "signed": true, "sizeof": true,
	"static": true, "struct": true, "switch": true, "typedef": true, "union": true, "unsigned": true,
	"void": true, "volatile": true, "while": true, "asm": true, "typeof": true, "bool": true,
	"true": true, "false": true, "main": true, "errno": true, "stdin": true, "stdout": true,
	"stderr": true, "NULL": true, "_Bool": true, "_Complex": true, "_Alignas": true,
	// predefined in GNU C mode, and object-like macros of the headers hx.h includes
	"linux": true, "unix": true, "i386": true, "NAN": true, "INFINITY": true, "HUGE_VAL": true,
	"EOF": true, "BUFSIZ": true, "EXIT_SUCCESS": true, "EXIT_FAILURE": true, "RAND_MAX": true,
	"offsetof": true, "alignof": true, "alignas": true, "noreturn": true, "static_assert": true,
	"complex": true, "imaginary": true, "I": true,
}

// reserved prefixes of the runtime and libc-ish names a program must not define.
var reservedPrefixes = []string{"hx", "gc_", "fiber", "job_", "counter_", "io_", "__", "pthread", "str", "mem", "mall", "free"}

// sanitize turns any text into a C identifier.
func sanitize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	out := b.String()
	if out == "" || (out[0] >= '0' && out[0] <= '9') {
		out = "_" + out
	}
	if cKeywords[out] {
		out += "_"
	}
	return out
}

// computeFinfo names every bytecode function as HashLink's stack traces do
// (section 6.6): protos and bindings first, then local functions attached to
// their owner in file order.
func (g *gen) computeFinfo() {
	m := g.m
	type owner struct {
		obj, field string
	}
	named := map[int]owner{}
	for _, t := range m.Types {
		if t.Obj == nil {
			continue
		}
		for _, p := range t.Obj.Protos {
			if _, ok := m.FunByIndex[p.FIndex]; ok {
				named[p.FIndex] = owner{t.Obj.Name, p.Name}
			}
		}
		all := t.ObjFields()
		for _, b := range t.Obj.Bindings {
			if b.Field < 0 || b.Field >= len(all) {
				continue
			}
			f := all[b.Field]
			if f.Type.Kind != hl.KFun && f.Type.Kind != hl.KDyn {
				continue
			}
			if _, ok := m.FunByIndex[b.FIndex]; ok {
				named[b.FIndex] = owner{t.Obj.Name, f.Name}
			}
		}
	}
	// local functions: ref = owner function's findex, n = its counter
	attachedTo := map[int]int{}
	refNum := map[int]int{}
	counter := map[int]int{}
	for _, f := range m.Functions {
		real := f.FIndex
		for {
			if _, ok := named[real]; ok {
				break
			}
			r, ok := attachedTo[real]
			if !ok {
				real = -1
				break
			}
			real = r
		}
		if real < 0 {
			continue
		}
		for _, op := range f.Ops {
			switch op.Code {
			case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN, hl.OStaticClosure, hl.OInstanceClosure:
				if _, ok := m.FunByIndex[op.P2]; !ok {
					continue
				}
				if _, ok := named[op.P2]; ok {
					continue
				}
				attachedTo[op.P2] = real
				refNum[op.P2] = counter[real]
				counter[real]++
			}
		}
	}
	for _, f := range m.Functions {
		switch {
		case f.FIndex == m.Entrypoint:
			g.finfo[f.FIndex] = ".init"
		case named[f.FIndex] != owner{}:
			o := named[f.FIndex]
			g.finfo[f.FIndex] = o.obj + "." + o.field
		default:
			if r, ok := attachedTo[f.FIndex]; ok {
				o := named[r]
				g.finfo[f.FIndex] = fmt.Sprintf("%s.~%s.%d", o.obj, o.field, refNum[f.FIndex])
			} else {
				g.finfo[f.FIndex] = fmt.Sprintf("fun$%d", f.FIndex)
			}
		}
	}
}

// computeFuncNames gives every function and native its C symbol.
func (g *gen) computeFuncNames() {
	m := g.m
	used := map[string]bool{}
	var fidx []int
	for _, f := range m.Functions {
		fidx = append(fidx, f.FIndex)
	}
	sort.Ints(fidx)
	// natives first: their names are fixed
	var nidx []int
	for _, n := range m.Natives {
		nidx = append(nidx, n.FIndex)
	}
	sort.Ints(nidx)
	for _, fi := range nidx {
		n := m.NativeByIndex[fi]
		lib := strings.TrimPrefix(n.Lib, "?")
		sym := "hxn_" + sanitize(lib) + "_" + sanitize(n.Name)
		if first, ok := g.natSyms[sym]; ok {
			g.funcName[fi] = g.funcName[first]
			continue
		}
		g.natSyms[sym] = fi
		avail := g.opt.Available == nil || g.opt.Available(sym)
		if !avail {
			g.missing[fi] = true
			g.funcName[fi] = "hxmissing_" + sanitize(lib) + "_" + sanitize(n.Name)
		} else {
			g.funcName[fi] = sym
		}
		used[g.funcName[fi]] = true
	}
	for _, fi := range fidx {
		name := g.finfo[fi]
		var c string
		switch {
		case fi == m.Entrypoint:
			c = "fun_init"
		case strings.HasPrefix(name, "fun$"):
			c = fmt.Sprintf("f%d", fi)
			// named after its position, not its index (stable.go)
			if f := m.FunByIndex[fi]; len(f.Debug) > 0 && f.Debug[0].File >= 0 && f.Debug[0].File < len(m.DebugFiles) {
				file := m.DebugFiles[f.Debug[0].File]
				base := strings.TrimSuffix(file[strings.LastIndexAny(file, "/\\")+1:], ".hx")
				c = fmt.Sprintf("f_%s_%d", sanitizeNoKw(base), f.Debug[0].Line)
			}
		default:
			c = sanitize(strings.TrimPrefix(name, "$"))
		}
		for _, p := range reservedPrefixes {
			if strings.HasPrefix(c, p) {
				c = "h_" + c
				break
			}
		}
		// a counter, not the findex: names stay stable across programs (stable.go)
		g.funcName[fi] = uniqueNamer(used).name(c)
	}
}
