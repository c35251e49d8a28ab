package cgen

import (
	"fmt"
	"sort"
	"unicode/utf16"

	"github.com/fiberus/fiberus/compiler/hl"
)

// hashName is HashLink's field-name hash over the UTF-16 units of s.
func hashName(s string) int32 {
	var h int32
	for _, u := range utf16.Encode([]rune(s)) {
		h = h*223 + int32(u)
	}
	return h % 0x1FFFFF7B
}

// hash returns the (collision-resolved) hash of a field name, registering
// it if needed (collisions resolved like the runtime: next free value, in
// registration order).
func (g *gen) hash(s string) int32 {
	if s == "" {
		return 0
	}
	if h, ok := g.hashes[s]; ok {
		return h
	}
	if g.takenHashes == nil {
		g.takenHashes = map[int32]bool{}
	}
	h := hashName(s)
	for g.takenHashes[h] {
		h++
	}
	g.takenHashes[h] = true
	g.hashes[s] = h
	g.hashOrder = append(g.hashOrder, s)
	return h
}

// registerAllNames registers every field name of the program in HashLink's
// order: types in file order (obj fields then protos, virtual fields), then
// the names of dynamic accesses in function order.
func (g *gen) registerAllNames() {
	reg := func(s string) { g.hash(s) }
	for _, t := range g.m.Types {
		switch {
		case t.Obj != nil:
			for _, f := range t.Obj.Fields {
				reg(f.Name)
			}
			for _, p := range t.Obj.Protos {
				reg(p.Name)
			}
		case t.Virtual != nil:
			for _, f := range t.Virtual.Fields {
				reg(f.Name)
			}
		}
	}
	for _, f := range g.m.Functions {
		for _, op := range f.Ops {
			if op.Code == hl.ODynGet && op.P3 >= 0 && op.P3 < len(g.m.Strings) {
				reg(g.m.Strings[op.P3])
			}
			if op.Code == hl.ODynSet && op.P2 >= 0 && op.P2 < len(g.m.Strings) {
				reg(g.m.Strings[op.P2])
			}
		}
	}
	for _, s := range []string{"__string", "__compare", "__cast", "__get_field"} {
		reg(s)
	}
}

// size and alignment of a value of t in a field, array slot or enum param.
func typeSize(t *hl.Type) int {
	switch t.Kind {
	case hl.KVoid:
		return 0
	case hl.KUI8, hl.KBool:
		return 1
	case hl.KUI16:
		return 2
	case hl.KI32, hl.KF32:
		return 4
	default:
		return 8
	}
}

func align(off, a int) int {
	if a <= 1 {
		return off
	}
	return (off + a - 1) / a * a
}

// objLayout is the instance layout of an obj/struct type.
type objLayout struct {
	fields  []hl.Field // all, absolute numbering
	offsets []int
	size    int
	ptrs    []int // word indexes holding pointers
}

func (g *gen) objLayoutOf(t *hl.Type) *objLayout {
	if l, ok := g.layouts[t.Index]; ok {
		return l
	}
	l := &objLayout{fields: t.ObjFields()}
	off := 0
	if t.Kind == hl.KObj {
		off = 8
	}
	for _, f := range l.fields {
		sz := typeSize(f.Type)
		off = align(off, sz)
		l.offsets = append(l.offsets, off)
		if f.Type.Kind.IsPtr() {
			l.ptrs = append(l.ptrs, off/8)
		}
		off += sz
	}
	l.size = off
	g.layouts[t.Index] = l
	return l
}

type enumLayout struct {
	offsets []int
	size    int
	ptrs    []int
}

func (g *gen) enumLayoutOf(t *hl.Type) []*enumLayout {
	if l, ok := g.enumLay[t.Index]; ok {
		return l
	}
	var out []*enumLayout
	for _, c := range t.Enum.Constructs {
		l := &enumLayout{}
		off := 12
		for _, p := range c.Params {
			sz := typeSize(p)
			off = align(off, sz)
			l.offsets = append(l.offsets, off)
			if p.Kind.IsPtr() {
				l.ptrs = append(l.ptrs, off/8)
			}
			off += sz
		}
		l.size = align(off, 8)
		out = append(out, l)
	}
	g.enumLay[t.Index] = out
	return out
}

type virtLayout struct {
	offsets []int // data offset of each field in an owned virtual
	size    int
}

func (g *gen) virtLayoutOf(t *hl.Type) *virtLayout {
	if l, ok := g.virtLay[t.Index]; ok {
		return l
	}
	n := len(t.Virtual.Fields)
	l := &virtLayout{}
	off := 24 + 8*n
	for _, f := range t.Virtual.Fields {
		sz := typeSize(f.Type)
		off = align(off, sz)
		l.offsets = append(l.offsets, off)
		off += sz
	}
	l.size = align(off, 8)
	g.virtLay[t.Index] = l
	return l
}

// ctype is the C type of a register, field or parameter of type t.
func (g *gen) ctype(t *hl.Type) string {
	switch t.Kind {
	case hl.KVoid:
		return "void"
	case hl.KUI8:
		return "uint8_t"
	case hl.KUI16:
		return "uint16_t"
	case hl.KI32:
		return "int32_t"
	case hl.KI64, hl.KGuid:
		return "int64_t"
	case hl.KF32:
		return "float"
	case hl.KF64:
		return "double"
	case hl.KBool:
		return "bool"
	case hl.KBytes:
		return "uint8_t *"
	case hl.KDyn, hl.KNull:
		return "vdynamic *"
	case hl.KFun:
		return "vclosure *"
	case hl.KObj, hl.KStruct:
		return "struct " + g.structName[t.Index] + " *"
	case hl.KArray:
		return "varray *"
	case hl.KType:
		return "hx_type *"
	case hl.KRef:
		if t.Param.Kind == hl.KVoid {
			return "void *"
		}
		return g.ctype(t.Param) + "*"
	case hl.KVirtual:
		return "vvirtual *"
	case hl.KDynObj:
		return "vdynobj *"
	case hl.KEnum:
		return "venum *"
	default:
		return "void *"
	}
}

// nctype is the C type of a native's parameter or result (brief's mapping).
func (g *gen) nctype(t *hl.Type) string {
	switch t.Kind {
	case hl.KObj, hl.KStruct:
		return "void *"
	case hl.KRef:
		if t.Param.Kind == hl.KObj || t.Param.Kind == hl.KStruct {
			return "void **"
		}
	}
	return g.ctype(t)
}

// cv is the value class used by the dynamic-call shapes.
func cv(t *hl.Type) byte {
	switch t.Kind {
	case hl.KVoid:
		return 'v'
	case hl.KUI8, hl.KUI16, hl.KI32, hl.KBool:
		return 'i'
	case hl.KF32:
		return 'f'
	case hl.KF64:
		return 'd'
	case hl.KI64, hl.KGuid:
		return 'l'
	default:
		return 'p'
	}
}

var cvType = map[byte]string{'v': "void", 'i': "int32_t", 'f': "float", 'd': "double", 'l': "int64_t", 'p': "void *"}

// shapeOf is the call shape of a function type: return class then args.
func shapeOf(ret *hl.Type, args []*hl.Type) string {
	b := []byte{cv(ret)}
	for _, a := range args {
		b = append(b, cv(a))
	}
	return string(b)
}

// prepareTypes names structs and computes layouts and type expressions.
func (g *gen) prepareTypes() {
	m := g.m
	g.typeExpr = make([]string, len(m.Types))
	g.nameTypes()
	for _, t := range m.Types {
		switch t.Kind {
		case hl.KVoid:
			g.typeExpr[t.Index] = "&hxt_void"
		case hl.KUI8:
			g.typeExpr[t.Index] = "&hxt_ui8"
		case hl.KUI16:
			g.typeExpr[t.Index] = "&hxt_ui16"
		case hl.KI32:
			g.typeExpr[t.Index] = "&hxt_i32"
		case hl.KI64:
			g.typeExpr[t.Index] = "&hxt_i64"
		case hl.KF32:
			g.typeExpr[t.Index] = "&hxt_f32"
		case hl.KF64:
			g.typeExpr[t.Index] = "&hxt_f64"
		case hl.KBool:
			g.typeExpr[t.Index] = "&hxt_bool"
		case hl.KBytes:
			g.typeExpr[t.Index] = "&hxt_bytes"
		case hl.KDyn:
			g.typeExpr[t.Index] = "&hxt_dyn"
		case hl.KArray:
			g.typeExpr[t.Index] = "&hxt_array"
		case hl.KType:
			g.typeExpr[t.Index] = "&hxt_type"
		case hl.KDynObj:
			g.typeExpr[t.Index] = "&hxt_dynobj"
		default:
			g.typeExpr[t.Index] = "&" + g.typeSym[t.Index]
		}
	}
	for _, t := range m.Types {
		if t.Obj == nil {
			continue
		}
		l := g.objLayoutOf(t)
		used := map[string]bool{"t": true}
		names := make([]string, len(l.fields))
		for i, f := range l.fields {
			n := sanitize(f.Name)
			if f.Name == "" || used[n] {
				n = fmt.Sprintf("f%d_%s", i, n)
			}
			if f.Name == "" {
				n = fmt.Sprintf("_iv%d", i)
			}
			used[n] = true
			names[i] = n
		}
		g.fieldNames[t.Index] = names
	}
}

// sortedLookup is a lookup table sorted by hash (entries with equal hashes:
// the first one wins).
type lookupEntry struct {
	hash   int32
	offset string
	typ    *hl.Type
}

func sortLookup(l []lookupEntry) []lookupEntry {
	sort.SliceStable(l, func(i, j int) bool { return l[i].hash < l[j].hash })
	var out []lookupEntry
	for i, e := range l {
		if i > 0 && e.hash == l[i-1].hash {
			continue
		}
		out = append(out, e)
	}
	return out
}
