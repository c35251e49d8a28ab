package cgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// Stable names: every C symbol that function bodies mention is named after
// what it is (a type's structure or class name, a string's content, a
// function's Haxe name), never after an index of the bytecode's tables. The
// indexes of std functions, types and strings shift from one program to the
// next; their names do not, so the C of a std module is the same bytes in
// every program that uses it the same way, and its object is shared through
// the build's object cache.
//
// Rule for code generation: a function body names program-wide things only
// through these names (g.tx, g.globalSym, g.strSym, g.bytesSym,
// g.closureSym, g.fidSym, g.enumStruct, g.structName, g.funcName, and
// g.fileID in positions), never through a table index; and every symbol a
// body may mention is declared by declarations (split.go), since function
// files do not include hx_types.h. TestStdFilesStableAcrossPrograms checks it.

// shortHash is a short hex digest of s for names.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:5])
}

// uniqueNamer hands out names, suffixing _2, _3... to repeats in call order.
type uniqueNamer map[string]bool

func (u uniqueNamer) name(base string) string {
	n := base
	for k := 2; u[n]; k++ {
		n = fmt.Sprintf("%s_%d", base, k)
	}
	u[n] = true
	return n
}

// typeDesc is a description of t that does not depend on type indexes: named
// types by name, the others by structure.
func (g *gen) typeDesc(t *hl.Type, visiting map[*hl.Type]bool) string {
	switch t.Kind {
	case hl.KObj, hl.KStruct:
		return t.Kind.String() + ":" + t.Obj.Name
	case hl.KEnum:
		return "enum:" + t.Enum.Name
	case hl.KAbstract:
		return "abstract:" + t.Abstract
	case hl.KFun, hl.KMethod:
		var b strings.Builder
		b.WriteString(t.Kind.String() + "(")
		for _, a := range t.Fun.Args {
			b.WriteString(g.typeDesc(a, visiting) + ",")
		}
		b.WriteString(")" + g.typeDesc(t.Fun.Ret, visiting))
		return b.String()
	case hl.KVirtual:
		if visiting[t] {
			return "virtual:rec"
		}
		visiting[t] = true
		defer delete(visiting, t)
		var b strings.Builder
		b.WriteString("virtual{")
		for _, f := range t.Virtual.Fields {
			b.WriteString(f.Name + ":" + g.typeDesc(f.Type, visiting) + ",")
		}
		b.WriteString("}")
		return b.String()
	case hl.KRef, hl.KNull, hl.KPacked:
		return t.Kind.String() + "(" + g.typeDesc(t.Param, visiting) + ")"
	}
	return t.Kind.String()
}

// nameTypes gives each non-primitive type its hx_type symbol (hxT_...), each
// obj/struct its C struct tag (S_...) and each enum its construct tag prefix.
func (g *gen) nameTypes() {
	syms, tags, etags := uniqueNamer{}, uniqueNamer{}, uniqueNamer{}
	g.typeSym = make([]string, len(g.m.Types))
	g.enumTag = map[int]string{}
	for _, t := range g.m.Types {
		switch t.Kind {
		case hl.KObj, hl.KStruct:
			g.typeSym[t.Index] = syms.name("hxT_" + sanitizeNoKw(t.Obj.Name))
			g.structName[t.Index] = tags.name("S_" + sanitizeNoKw(t.Obj.Name))
		case hl.KEnum:
			g.typeSym[t.Index] = syms.name("hxT_e_" + sanitizeNoKw(t.Enum.Name))
			g.enumTag[t.Index] = etags.name("E_" + sanitizeNoKw(t.Enum.Name))
		case hl.KAbstract:
			g.typeSym[t.Index] = syms.name("hxT_a_" + sanitizeNoKw(t.Abstract))
		default:
			g.typeSym[t.Index] = syms.name("hxT_" + t.Kind.String() + "_" + shortHash(g.typeDesc(t, map[*hl.Type]bool{})))
		}
	}
}

// sanitizeNoKw is sanitize for name parts that get a prefix.
func sanitizeNoKw(s string) string {
	return strings.TrimSuffix(sanitize(s), "_")
}

// enumStruct is the C struct tag of construct c of enum type t.
func (g *gen) enumStruct(t *hl.Type, c int) string {
	return fmt.Sprintf("%s_%d", g.enumTag[t.Index], c)
}

// nameData names globals, strings, bytes, static closures and function ids,
// and gives each debug file a stable number.
func (g *gen) nameData() {
	m := g.m
	u := uniqueNamer{}
	g.strSym = make([]string, len(m.Strings))
	for i, s := range m.Strings {
		g.strSym[i] = u.name("hxS_" + shortHash(s))
	}
	pool := m.Strings // OBytes indexes the bytes pool, the strings before version 5
	if m.Version >= 5 {
		pool = nil
		for _, b := range m.Bytes {
			pool = append(pool, string(b))
		}
	}
	g.bytesSym = make([]string, len(pool))
	for i, b := range pool {
		g.bytesSym[i] = u.name("hxB_" + shortHash(b))
	}
	constOf := map[int]*hl.Constant{}
	for i := range m.Constants {
		constOf[m.Constants[i].Global] = &m.Constants[i]
	}
	g.globalSym = make([]string, len(m.Globals))
	for i, t := range m.Globals {
		if c := constOf[i]; c != nil {
			g.globalSym[i] = u.name("hxK_" + shortHash(g.constDesc(t, c)))
			continue
		}
		switch {
		case t.Obj != nil:
			g.globalSym[i] = u.name("hxG_" + sanitizeNoKw(t.Obj.Name))
		case t.Kind == hl.KEnum:
			g.globalSym[i] = u.name("hxG_e_" + sanitizeNoKw(t.Enum.Name))
		default:
			g.globalSym[i] = u.name("hxG_" + t.Kind.String() + "_" + shortHash(g.typeDesc(t, map[*hl.Type]bool{})))
		}
	}
	g.fileID = stableFileIDs(m.DebugFiles)
	// static closures: natives declared twice share a C name, not a closure
	g.clSym = map[int]string{}
	cl := uniqueNamer{}
	for fi := 0; fi < len(m.Functions)+len(m.Natives); fi++ {
		if n, ok := g.funcName[fi]; ok {
			g.clSym[fi] = cl.name("hxC_" + n)
		}
	}
}

// stableFileIDs numbers debug files from their path's hash (11 bits: fr.line
// keeps the line in the low 21), probing in path order on collisions.
func stableFileIDs(files []string) []int {
	ids := make([]int, len(files))
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return files[order[a]] < files[order[b]] })
	taken := map[int]bool{}
	for _, i := range order {
		h := sha256.Sum256([]byte(files[i]))
		id := (int(h[0])<<8 | int(h[1])) % maxFileIDs
		for n := 0; taken[id] && n < maxFileIDs; n++ {
			id = (id + 1) % maxFileIDs
		}
		taken[id] = true
		ids[i] = id
	}
	return ids
}

// maxFileIDs bounds the stable debug-file numbers (11 bits of fr.line).
const maxFileIDs = 2048

// constDesc describes a constant global by its type and field values.
func (g *gen) constDesc(t *hl.Type, c *hl.Constant) string {
	m := g.m
	var b strings.Builder
	b.WriteString(g.typeDesc(t, map[*hl.Type]bool{}))
	if t.Obj == nil {
		return b.String()
	}
	l := g.objLayoutOf(t)
	nParent := len(l.fields) - len(t.Obj.Fields)
	for k, idx := range c.Fields {
		b.WriteString("|")
		fi := nParent + k
		if fi >= len(l.fields) || idx < 0 {
			b.WriteString("?")
			continue
		}
		switch l.fields[fi].Type.Kind {
		case hl.KI32, hl.KUI8, hl.KUI16:
			if idx < len(m.Ints) {
				b.WriteString(strconv.Itoa(int(m.Ints[idx])))
			}
		case hl.KBool:
			b.WriteString(strconv.Itoa(idx))
		case hl.KF64, hl.KF32:
			if idx < len(m.Floats) {
				b.WriteString(strconv.FormatUint(math.Float64bits(m.Floats[idx]), 16))
			}
		case hl.KBytes:
			if idx < len(m.Strings) {
				b.WriteString(strconv.Quote(m.Strings[idx]))
			}
		case hl.KType:
			if idx < len(m.Types) {
				b.WriteString(g.typeDesc(m.Types[idx], map[*hl.Type]bool{}))
			}
		default:
			b.WriteString("g") // another global: named after its order
		}
	}
	return b.String()
}

func (g *gen) closureSym(findex int) string { return g.clSym[findex] }
func (g *gen) fidSym(findex int) string     { return "hxI_" + g.funcName[findex] }
