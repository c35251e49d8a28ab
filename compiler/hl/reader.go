package hl

import "fmt"

// Read parses and validates a whole bytecode file. Any malformed or truncated
// input gives a *FormatError naming the offset and what was being read.
func Read(data []byte) (*Module, error) {
	d := &decoder{data: data}
	m := &Module{}
	readHeaderAndTables(d, m)
	if d.err != nil {
		return nil, d.err
	}
	if err := link(m); err != nil {
		return nil, err
	}
	if err := validate(m); err != nil {
		return nil, err
	}
	return m, nil
}

type counts struct {
	ints, floats, strings, bytes, types, globals, natives, functions, constants int
}

func readHeaderAndTables(d *decoder, m *Module) {
	d.what = "header"
	if !d.need(4) {
		return
	}
	if string(d.data[:3]) != "HLB" {
		d.fail(0, "not a HashLink bytecode file (magic %q, want \"HLB\")", d.data[:3])
		return
	}
	d.pos = 3
	m.Version = d.u8()
	if m.Version < 2 || m.Version > 5 {
		d.fail(3, "unsupported bytecode version %d (supported: 2 to 5)", m.Version)
		return
	}
	flagsAt := d.pos
	flags := d.uindex()
	if flags&^1 != 0 {
		d.fail(flagsAt, "unknown header flags 0x%x", flags)
	}
	m.HasDebug = flags&1 != 0
	var c counts
	c.ints = d.count(4)
	c.floats = d.count(8)
	c.strings = d.count(1)
	if m.Version >= 5 {
		c.bytes = d.count(1)
	}
	c.types = d.count(1)
	c.globals = d.count(1)
	c.natives = d.count(4)
	c.functions = d.count(4)
	if m.Version >= 4 {
		c.constants = d.count(2)
	}
	epAt := d.pos
	m.Entrypoint = d.uindex()

	d.what = "int table"
	m.Ints = make([]int32, c.ints)
	for i := range m.Ints {
		m.Ints[i] = d.i32()
	}
	d.what = "float table"
	m.Floats = make([]float64, c.floats)
	for i := range m.Floats {
		m.Floats[i] = d.f64()
	}
	d.what = "string table"
	m.Strings = readStrings(d, c.strings)
	if m.Version >= 5 {
		d.what = "bytes pool"
		m.Bytes = readBytesPool(d, c.bytes)
	}
	if m.HasDebug {
		d.what = "debug file table"
		n := d.count(1)
		m.DebugFiles = readStrings(d, n)
	}
	if d.err != nil {
		return
	}
	m.Types = make([]*Type, c.types)
	for i := range m.Types {
		m.Types[i] = &Type{Index: i}
	}
	for i, t := range m.Types {
		d.what = fmt.Sprintf("type %d", i)
		readType(d, m, t)
		if d.err != nil {
			return
		}
	}
	d.what = "globals"
	m.Globals = make([]*Type, c.globals)
	for i := range m.Globals {
		m.Globals[i] = typeRef(d, m)
	}
	m.Natives = make([]*Native, c.natives)
	for i := range m.Natives {
		d.what = fmt.Sprintf("native %d", i)
		n := &Native{}
		n.Lib = stringRef(d, m)
		n.Name = stringRef(d, m)
		n.Type = typeRef(d, m)
		n.FIndex = d.uindex()
		m.Natives[i] = n
	}
	m.Functions = make([]*Function, c.functions)
	for i := range m.Functions {
		d.what = fmt.Sprintf("function %d", i)
		m.Functions[i] = readFunction(d, m)
		if d.err != nil {
			return
		}
	}
	d.what = "constants"
	m.Constants = make([]Constant, c.constants)
	for i := range m.Constants {
		at := d.pos
		g := d.uindex()
		d.ref(at, g, len(m.Globals), "global")
		n := d.count(1)
		fields := make([]int, n)
		for j := range fields {
			fields[j] = d.uindex()
		}
		m.Constants[i] = Constant{Global: g, Fields: fields}
	}
	if d.err == nil && d.pos != len(d.data) {
		d.what = "end of file"
		d.fail(d.pos, "%d unexpected bytes after the constants", len(d.data)-d.pos)
	}
	if d.err == nil && m.Entrypoint >= len(m.Functions)+len(m.Natives) {
		d.what = "header"
		d.fail(epAt, "entrypoint %d is not a function index", m.Entrypoint)
	}
}

func readStrings(d *decoder, n int) []string {
	size := int(d.i32())
	if d.err != nil {
		return nil
	}
	if size < 0 || !d.need(size) {
		d.fail(d.pos, "string block size %d exceeds the file", size)
		return nil
	}
	blob := d.data[d.pos : d.pos+size]
	d.pos += size
	out := make([]string, 0, min(n, size))
	start := 0
	for i := 0; i < n && d.err == nil; i++ {
		at := d.pos
		l := d.uindex()
		if start+l >= size || blob[start+l] != 0 {
			d.fail(at, "string %d (length %d at %d) overruns its block of %d bytes or lacks its 0 terminator", i, l, start, size)
			return nil
		}
		out = append(out, string(blob[start:start+l]))
		start += l + 1
	}
	return out
}

func readBytesPool(d *decoder, n int) [][]byte {
	size := int(d.i32())
	if d.err != nil {
		return nil
	}
	if size < 0 || !d.need(size) {
		d.fail(d.pos, "bytes block size %d exceeds the file", size)
		return nil
	}
	blob := d.data[d.pos : d.pos+size]
	d.pos += size
	pos := make([]int, n)
	for i := range pos {
		at := d.pos
		pos[i] = d.uindex()
		if d.err == nil && (pos[i] > size || (i > 0 && pos[i] < pos[i-1])) {
			d.fail(at, "bytes entry %d starts at %d, outside its block of %d or before the previous entry", i, pos[i], size)
		}
	}
	if d.err != nil {
		return nil
	}
	out := make([][]byte, n)
	for i := range out {
		end := size
		if i+1 < n {
			end = pos[i+1]
		}
		out[i] = blob[pos[i]:end]
	}
	return out
}

func stringRef(d *decoder, m *Module) string {
	at := d.pos
	i := d.index()
	if !d.ref(at, i, len(m.Strings), "string") {
		return ""
	}
	return m.Strings[i]
}

func typeRef(d *decoder, m *Module) *Type {
	at := d.pos
	i := d.index()
	if !d.ref(at, i, len(m.Types), "type") {
		return nil
	}
	return m.Types[i]
}

// optTypeRef reads a type index where -1 means none.
func optTypeRef(d *decoder, m *Module) *Type {
	at := d.pos
	i := d.index()
	if i == -1 || d.err != nil {
		return nil
	}
	if !d.ref(at, i, len(m.Types), "type") {
		return nil
	}
	return m.Types[i]
}

// globalPlusOne reads a "global + 1" field (0 = none) and returns the global or -1.
func globalPlusOne(d *decoder) int {
	// Globals are read after types: the range is checked in link().
	return d.uindex() - 1
}

func readFields(d *decoder, m *Module, n int) []Field {
	fields := make([]Field, n)
	for i := range fields {
		fields[i].Name = stringRef(d, m)
		fields[i].Type = typeRef(d, m)
	}
	return fields
}

func readType(d *decoder, m *Module, t *Type) {
	at := d.pos
	k := Kind(d.u8())
	t.Kind = k
	switch k {
	case KFun, KMethod:
		n := d.u8()
		f := &FunType{Args: make([]*Type, n)}
		for i := range f.Args {
			f.Args[i] = typeRef(d, m)
		}
		f.Ret = typeRef(d, m)
		t.Fun = f
	case KObj, KStruct:
		o := &ObjType{}
		o.Name = stringRef(d, m)
		o.Super = optTypeRef(d, m)
		o.Global = globalPlusOne(d)
		nf := d.count(2)
		np := d.count(3)
		nb := d.count(2)
		o.Fields = readFields(d, m, nf)
		o.Protos = make([]Proto, np)
		for i := range o.Protos {
			o.Protos[i].Name = stringRef(d, m)
			o.Protos[i].FIndex = d.uindex()
			o.Protos[i].PIndex = d.index()
		}
		o.Bindings = make([]Binding, nb)
		for i := range o.Bindings {
			o.Bindings[i].Field = d.uindex()
			o.Bindings[i].FIndex = d.uindex()
		}
		t.Obj = o
	case KVirtual:
		n := d.count(2)
		t.Virtual = &VirtualType{Fields: readFields(d, m, n)}
	case KAbstract:
		t.Abstract = stringRef(d, m)
	case KEnum:
		e := &EnumType{}
		e.Name = stringRef(d, m)
		e.Global = globalPlusOne(d)
		n := d.count(2)
		e.Constructs = make([]EnumConstruct, n)
		for i := range e.Constructs {
			e.Constructs[i].Name = stringRef(d, m)
			np := d.count(1)
			e.Constructs[i].Params = make([]*Type, np)
			for j := range e.Constructs[i].Params {
				e.Constructs[i].Params[j] = typeRef(d, m)
			}
		}
		t.Enum = e
	case KRef, KNull, KPacked:
		t.Param = typeRef(d, m)
	case KVoid, KUI8, KUI16, KI32, KI64, KF32, KF64, KBool, KBytes, KDyn, KArray, KType, KDynObj, KGuid:
	default:
		d.fail(at, "unknown type kind %d", k)
	}
}

func readFunction(d *decoder, m *Module) *Function {
	f := &Function{}
	f.Type = typeRef(d, m)
	f.FIndex = d.uindex()
	nregs := d.count(1)
	nops := d.count(1)
	f.Regs = make([]*Type, nregs)
	for i := range f.Regs {
		f.Regs[i] = typeRef(d, m)
	}
	f.Ops = make([]Op, nops)
	for i := range f.Ops {
		readOp(d, &f.Ops[i])
		if d.err != nil {
			d.err.What = fmt.Sprintf("%s (findex %d), op %d", d.what, f.FIndex, i)
			return f
		}
	}
	if m.HasDebug {
		f.Debug = readDebugInfo(d, nops, len(m.DebugFiles))
		if m.Version >= 3 {
			n := d.count(2)
			f.Assigns = make([]Assign, n)
			for i := range f.Assigns {
				at := d.pos
				s := d.uindex()
				if d.ref(at, s, len(m.Strings), "string") {
					f.Assigns[i].Name = m.Strings[s]
				}
				f.Assigns[i].Pos = d.index()
			}
		}
	}
	return f
}

func readOp(d *decoder, op *Op) {
	at := d.pos
	c := d.u8()
	if d.err != nil {
		return
	}
	if c >= int(opcodeCount) {
		d.fail(at, "unknown opcode %d", c)
		return
	}
	op.Code = Opcode(c)
	switch opcodeInfo[c].shape {
	case shape0:
	case shape1:
		op.P1 = d.index()
	case shape2:
		op.P1, op.P2 = d.index(), d.index()
	case shape3, shape4, shape5, shape6:
		op.P1, op.P2, op.P3 = d.index(), d.index(), d.index()
		if extra := int(opcodeInfo[c].shape - shape3); extra > 0 {
			op.Extra = make([]int, extra)
			for i := range op.Extra {
				op.Extra[i] = d.index()
			}
		}
	case shapeVarArgs:
		op.P1, op.P2 = d.index(), d.index()
		n := d.u8()
		op.Extra = make([]int, n)
		for i := range op.Extra {
			op.Extra[i] = d.index()
		}
	case shapeSwitch:
		op.P1 = d.uindex()
		n := d.count(1)
		op.Extra = make([]int, n)
		for i := range op.Extra {
			op.Extra[i] = d.uindex()
		}
		op.P2 = d.uindex()
	}
}

func readDebugInfo(d *decoder, nops, nfiles int) []Pos {
	out := make([]Pos, nops)
	file, line := -1, 0
	for i := 0; i < nops && d.err == nil; {
		at := d.pos
		c := d.u8()
		switch {
		case c&1 != 0:
			file = (c>>1)<<8 | d.u8()
			if file >= nfiles {
				d.fail(at, "debug file %d out of range (table has %d)", file, nfiles)
			}
		case c&2 != 0:
			n := (c >> 2) & 15
			if i+n > nops {
				d.fail(at, "debug line run of %d ops overruns the function's %d ops", n, nops)
				return out
			}
			for ; n > 0; n-- {
				out[i] = Pos{file, line}
				i++
			}
			line += c >> 6
		case c&4 != 0:
			line += c >> 3
			out[i] = Pos{file, line}
			i++
		default:
			line = c>>3 | d.u8()<<5 | d.u8()<<13
			out[i] = Pos{file, line}
			i++
		}
		if d.err == nil && file < 0 {
			d.fail(at, "debug line before any file record")
		}
	}
	return out
}

// link builds the findex maps and checks cross-references that need whole tables.
func link(m *Module) error {
	m.FunByIndex = make(map[int]*Function, len(m.Functions))
	m.NativeByIndex = make(map[int]*Native, len(m.Natives))
	total := len(m.Functions) + len(m.Natives)
	bad := func(what, format string, args ...any) error {
		return &FormatError{Offset: -1, What: what, Msg: fmt.Sprintf(format, args...)}
	}
	seen := make(map[int]string, total)
	for i, f := range m.Functions {
		if f.FIndex >= total {
			return bad(fmt.Sprintf("function %d", i), "findex %d out of range (%d functions and natives)", f.FIndex, total)
		}
		if prev, dup := seen[f.FIndex]; dup {
			return bad(fmt.Sprintf("function %d", i), "findex %d already bound to %s", f.FIndex, prev)
		}
		seen[f.FIndex] = fmt.Sprintf("function %d", i)
		if f.Type.Kind != KFun {
			return bad(fmt.Sprintf("function %d", i), "type %d is %s, not a function type", f.Type.Index, f.Type.Kind)
		}
		if len(f.Type.Fun.Args) > len(f.Regs) {
			return bad(fmt.Sprintf("function %d", i), "%d arguments but only %d registers", len(f.Type.Fun.Args), len(f.Regs))
		}
		m.FunByIndex[f.FIndex] = f
	}
	for i, n := range m.Natives {
		if n.FIndex >= total {
			return bad(fmt.Sprintf("native %d", i), "findex %d out of range (%d functions and natives)", n.FIndex, total)
		}
		if prev, dup := seen[n.FIndex]; dup {
			return bad(fmt.Sprintf("native %d (%s@%s)", i, n.Lib, n.Name), "findex %d already bound to %s", n.FIndex, prev)
		}
		seen[n.FIndex] = fmt.Sprintf("native %s@%s", n.Lib, n.Name)
		if n.Type.Kind != KFun {
			return bad(fmt.Sprintf("native %d (%s@%s)", i, n.Lib, n.Name), "type is %s, not a function type", n.Type.Kind)
		}
		m.NativeByIndex[n.FIndex] = n
	}
	if _, ok := m.FunByIndex[m.Entrypoint]; !ok {
		return bad("header", "entrypoint %d is not a bytecode function", m.Entrypoint)
	}
	for _, t := range m.Types {
		what := fmt.Sprintf("type %d", t.Index)
		switch t.Kind {
		case KObj, KStruct:
			o := t.Obj
			if o.Global >= len(m.Globals) {
				return bad(what, "class global %d out of range", o.Global)
			}
			if o.Super != nil && o.Super.Kind != t.Kind {
				return bad(what, "super type %d is %s, not %s", o.Super.Index, o.Super.Kind, t.Kind)
			}
			if err := checkSuperChain(t); err != nil {
				return bad(what, "%v", err)
			}
			for _, p := range o.Protos {
				if p.FIndex >= total {
					return bad(what, "method %s has findex %d out of range", p.Name, p.FIndex)
				}
			}
			nf := len(t.ObjFields())
			for _, b := range o.Bindings {
				if b.FIndex >= total || b.Field >= nf {
					return bad(what, "binding of field %d to findex %d out of range", b.Field, b.FIndex)
				}
			}
		case KEnum:
			if t.Enum.Global >= len(m.Globals) {
				return bad(what, "enum global %d out of range", t.Enum.Global)
			}
		case KPacked:
			if t.Param.Kind != KStruct {
				return bad(what, "packed type of %s, not a struct", t.Param.Kind)
			}
		}
	}
	m.nameMethods()
	return nil
}

func checkSuperChain(t *Type) error {
	seen := map[*Type]bool{}
	for p := t; p != nil; p = p.Obj.Super {
		if seen[p] {
			return fmt.Errorf("cyclic class hierarchy through type %d", p.Index)
		}
		seen[p] = true
	}
	return nil
}

// ObjFields returns every field of an obj/struct type, parents' first: the
// numbering opcodes and bindings use.
func (t *Type) ObjFields() []Field {
	if t.Obj == nil {
		return nil
	}
	var chain []*ObjType
	for p := t; p != nil; p = p.Obj.Super {
		chain = append(chain, p.Obj)
	}
	var out []Field
	for i := len(chain) - 1; i >= 0; i-- {
		out = append(out, chain[i].Fields...)
	}
	return out
}
