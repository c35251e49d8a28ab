package hl

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// String renders a type the way HashLink names types in messages: i32, f64,
// class names, null<i32>, ref<f64>, virtual<a:i32,b:String>, (i32, f64) -> bool.
func (t *Type) String() string { return t.str(0) }

func (t *Type) str(depth int) string {
	if t == nil {
		return "<nil>"
	}
	if depth > 4 {
		return "..."
	}
	switch t.Kind {
	case KObj, KStruct:
		return t.Obj.Name
	case KEnum:
		if t.Enum.Name == "" {
			return "enum<ctx>"
		}
		return t.Enum.Name
	case KAbstract:
		return t.Abstract
	case KNull, KRef, KPacked:
		return t.Kind.String() + "<" + t.Param.str(depth+1) + ">"
	case KVirtual:
		parts := make([]string, len(t.Virtual.Fields))
		for i, f := range t.Virtual.Fields {
			parts[i] = f.Name + ":" + f.Type.str(depth+1)
		}
		return "virtual<" + strings.Join(parts, ",") + ">"
	case KFun, KMethod:
		args := make([]string, len(t.Fun.Args))
		for i, a := range t.Fun.Args {
			args[i] = a.str(depth + 1)
		}
		return "(" + strings.Join(args, ", ") + ") -> " + t.Fun.Ret.str(depth+1)
	}
	return t.Kind.String()
}

// FuncName is a readable name for findex: a native's lib@name, or the class
// method a proto or binding gives it, or fun$N.
func (m *Module) FuncName(findex int) string {
	if n := m.NativeByIndex[findex]; n != nil {
		return n.Lib + "@" + n.Name
	}
	if name, ok := m.methodNames[findex]; ok {
		return name
	}
	if findex == m.Entrypoint {
		return ".init"
	}
	return "fun$" + strconv.Itoa(findex)
}

// nameMethods records, for every function a class names through a proto or a
// binding, "Class.name" (the first one found, in type order).
func (m *Module) nameMethods() {
	m.methodNames = make(map[int]string)
	set := func(findex int, name string) {
		if _, ok := m.methodNames[findex]; !ok {
			m.methodNames[findex] = name
		}
	}
	for _, t := range m.Types {
		if t.Obj == nil {
			continue
		}
		for _, p := range t.Obj.Protos {
			set(p.FIndex, t.Obj.Name+"."+p.Name)
		}
		fields := t.ObjFields()
		for _, b := range t.Obj.Bindings {
			set(b.FIndex, t.Obj.Name+"."+fields[b.Field].Name)
		}
	}
}

// Dump writes a readable listing of the whole module.
func Dump(w io.Writer, m *Module) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("hl v%d, debug %v, entrypoint f%d\n", m.Version, m.HasDebug, m.Entrypoint)
	p("%d ints, %d floats, %d strings, %d bytes, %d types, %d globals, %d natives, %d functions, %d constants\n",
		len(m.Ints), len(m.Floats), len(m.Strings), len(m.Bytes), len(m.Types), len(m.Globals), len(m.Natives), len(m.Functions), len(m.Constants))
	p("\ntypes:\n")
	for _, t := range m.Types {
		p("  t%-4d %-8s %s\n", t.Index, t.Kind, t)
		switch {
		case t.Obj != nil:
			o := t.Obj
			if o.Super != nil {
				p("        extends %s\n", o.Super)
			}
			if o.Global >= 0 {
				p("        global g%d\n", o.Global)
			}
			base := len(t.ObjFields()) - len(o.Fields)
			for i, f := range o.Fields {
				p("        @%d %s : %s\n", base+i, f.Name, f.Type)
			}
			for _, pr := range o.Protos {
				p("        method %s f%d slot %d\n", pr.Name, pr.FIndex, pr.PIndex)
			}
			for _, b := range o.Bindings {
				p("        binding @%d = f%d\n", b.Field, b.FIndex)
			}
		case t.Enum != nil:
			for i, c := range t.Enum.Constructs {
				args := make([]string, len(c.Params))
				for j, a := range c.Params {
					args[j] = a.String()
				}
				p("        #%d %s(%s)\n", i, c.Name, strings.Join(args, ", "))
			}
		}
	}
	p("\nglobals:\n")
	for i, g := range m.Globals {
		p("  g%-4d %s\n", i, g)
	}
	p("\nnatives:\n")
	for _, n := range m.Natives {
		p("  f%-4d %s@%s %s\n", n.FIndex, n.Lib, n.Name, n.Type)
	}
	p("\nconstants:\n")
	for _, c := range m.Constants {
		p("  g%d = %v\n", c.Global, c.Fields)
	}
	for _, f := range m.Functions {
		p("\nfunction f%d %s %s (%d regs, %d ops)\n", f.FIndex, m.FuncName(f.FIndex), f.Type, len(f.Regs), len(f.Ops))
		for i, r := range f.Regs {
			p("    r%-3d %s\n", i, r)
		}
		for i := range f.Ops {
			pos := ""
			if f.Debug != nil {
				d := f.Debug[i]
				file := "?"
				if d.File >= 0 && d.File < len(m.DebugFiles) {
					file = m.DebugFiles[d.File]
				}
				pos = fmt.Sprintf("%s:%d", file, d.Line)
			}
			p("  %5d %-28s %s\n", i, pos, m.OpString(f, i))
		}
	}
	return bw.Flush()
}

// OpString renders op i of f with its operands resolved (constants, names, targets).
func (m *Module) OpString(f *Function, i int) string {
	op := &f.Ops[i]
	kinds := operandKinds[op.Code]
	operands := append([]int{op.P1, op.P2, op.P3}, op.Extra...)
	var parts []string
	pos := 0
	for _, k := range kinds {
		switch k {
		case '*':
			regs := make([]string, len(op.Extra))
			for j, r := range op.Extra {
				regs[j] = "r" + strconv.Itoa(r)
			}
			parts = append(parts, "("+strings.Join(regs, ", ")+")")
			continue
		case 'S':
			targets := make([]string, len(op.Extra))
			for j, off := range op.Extra {
				targets[j] = "@" + strconv.Itoa(i+1+off)
			}
			parts = append(parts, "["+strings.Join(targets, ", ")+"] end @"+strconv.Itoa(i+1+op.P2))
			continue
		}
		v := operands[pos]
		pos++
		switch k {
		case 'r':
			parts = append(parts, "r"+strconv.Itoa(v))
		case 'f':
			parts = append(parts, "f"+strconv.Itoa(v)+"<"+m.FuncName(v)+">")
		case 'g':
			parts = append(parts, "g"+strconv.Itoa(v))
		case 'i':
			parts = append(parts, strconv.Itoa(int(m.Ints[v])))
		case 'd':
			parts = append(parts, strconv.FormatFloat(m.Floats[v], 'g', -1, 64))
		case 's':
			parts = append(parts, strconv.Quote(m.Strings[v]))
		case 'b':
			if m.Version >= 5 {
				parts = append(parts, "bytes#"+strconv.Itoa(v))
			} else {
				parts = append(parts, strconv.Quote(m.Strings[v]))
			}
		case 't':
			parts = append(parts, m.Types[v].String())
		case 'j':
			parts = append(parts, "@"+strconv.Itoa(i+1+v))
		case 'F':
			parts = append(parts, m.fieldName(f, op, v))
		default:
			parts = append(parts, strconv.Itoa(v))
		}
	}
	return op.Code.String() + " " + strings.Join(parts, ", ")
}

func (m *Module) fieldName(f *Function, op *Op, fid int) string {
	reg := 0
	switch op.Code {
	case OField:
		reg = op.P2
	case OSetField:
		reg = op.P1
	}
	t := f.Regs[reg]
	switch t.Kind {
	case KObj, KStruct:
		if name := t.ObjFields()[fid].Name; name != "" {
			return "." + name
		}
	case KVirtual:
		return "." + t.Virtual.Fields[fid].Name
	}
	return "@" + strconv.Itoa(fid)
}
