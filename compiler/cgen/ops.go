package cgen

import (
	"fmt"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

func (fw *fnWriter) ct(r int) string { return fw.g.ctype(fw.reg(r)) }

// conv renders expr (of C type from) as C type to.
func conv(expr, from, to string) string {
	if from == to {
		return expr
	}
	return fmt.Sprintf("((%s)%s)", to, expr)
}

// set assigns expr (of HL type et) to register dst; a void dst keeps only the effect.
func (fw *fnWriter) set(dst int, expr string, et *hl.Type) string {
	t := fw.reg(dst)
	if t.Kind == hl.KVoid {
		if et == nil || et.Kind == hl.KVoid {
			return expr + ";"
		}
		return "(void)" + expr + ";"
	}
	from := fw.g.ctype(t)
	if et != nil {
		from = fw.g.ctype(et)
	}
	return fmt.Sprintf("%s = %s;", fw.regName(dst), conv(expr, from, fw.g.ctype(t)))
}

// addr is the address of a register as void *.
func addr(r int) string { return fmt.Sprintf("(void *)&r%d", r) }

// dynSuffix selects the hx_dyn_get/set/cast variant for t.
func dynSuffix(t *hl.Type) string {
	switch t.Kind {
	case hl.KUI8, hl.KUI16, hl.KI32, hl.KBool:
		return "i"
	case hl.KI64, hl.KGuid:
		return "i64"
	case hl.KF32:
		return "f"
	case hl.KF64:
		return "d"
	}
	return "p"
}

// dynGet renders hx_dyn_get<T>(obj, hash, type) for a value of type t.
func (fw *fnWriter) dynGet(obj string, h int32, t *hl.Type) string {
	switch s := dynSuffix(t); s {
	case "i", "p":
		return fmt.Sprintf("hx_dyn_get%s(%s, %d, %s)", s, obj, h, fw.g.tx(t))
	default:
		return fmt.Sprintf("hx_dyn_get%s(%s, %d)", s, obj, h)
	}
}

func (fw *fnWriter) dynSet(obj string, h int32, t *hl.Type, v string) string {
	switch s := dynSuffix(t); s {
	case "i":
		return fmt.Sprintf("hx_dyn_seti(%s, %d, %s, %s);", obj, h, fw.g.tx(t), v)
	case "p":
		return fmt.Sprintf("hx_dyn_setp(%s, %d, %s, (void *)%s);", obj, h, fw.g.tx(t), v)
	default:
		return fmt.Sprintf("hx_dyn_set%s(%s, %d, %s);", s, obj, h, v)
	}
}

// dynCast converts the Dynamic held in the C lvalue `lv` (type vdynamic *)
// to register dst's type.
func (fw *fnWriter) castFrom(dst int, lv string, fromExpr string) string {
	t := fw.reg(dst)
	g := fw.g
	switch dynSuffix(t) {
	case "i":
		return fw.set(dst, fmt.Sprintf("hx_dyn_casti((void *)&%s, %s, %s)", lv, fromExpr, g.tx(t)), &hl.Type{Kind: hl.KI32})
	case "i64":
		return fw.set(dst, fmt.Sprintf("hx_dyn_casti64((void *)&%s, %s)", lv, fromExpr), &hl.Type{Kind: hl.KI64})
	case "f":
		return fw.set(dst, fmt.Sprintf("hx_dyn_castf((void *)&%s, %s)", lv, fromExpr), &hl.Type{Kind: hl.KF32})
	case "d":
		return fw.set(dst, fmt.Sprintf("hx_dyn_castd((void *)&%s, %s)", lv, fromExpr), &hl.Type{Kind: hl.KF64})
	}
	if t.Kind == hl.KVoid {
		return ""
	}
	return fmt.Sprintf("%s = (%s)hx_dyn_castp((void *)&%s, %s, %s);", fw.regName(dst), g.ctype(t), lv, fromExpr, g.tx(t))
}

func isNum(k hl.Kind) bool {
	switch k {
	case hl.KUI8, hl.KUI16, hl.KI32, hl.KI64, hl.KF32, hl.KF64, hl.KBool:
		return true
	}
	return false
}

func isFloat(k hl.Kind) bool { return k == hl.KF32 || k == hl.KF64 }

// findProto finds the method in slot pindex for an obj type (closest class first).
func findProto(t *hl.Type, pindex int) *hl.Proto {
	for c := t; c != nil && c.Obj != nil; c = c.Obj.Super {
		for k := range c.Obj.Protos {
			if c.Obj.Protos[k].PIndex == pindex {
				return &c.Obj.Protos[k]
			}
		}
	}
	return nil
}

// callArgs renders the argument list converting registers to the parameter C types.
func (fw *fnWriter) callArgs(i int, regs []int, params []*hl.Type, native bool) []string {
	if len(regs) != len(params) {
		fw.fail(i, "call with %d arguments, function takes %d", len(regs), len(params))
	}
	var out []string
	for k, r := range regs {
		rt := fw.reg(r)
		if params[k].Kind == hl.KVoid {
			continue
		}
		to := fw.g.ctype(params[k])
		if native {
			to = fw.g.nctype(params[k])
		}
		if rt.Kind == hl.KVoid {
			out = append(out, fmt.Sprintf("(%s)0", to))
			continue
		}
		out = append(out, conv(fw.regName(r), fw.g.ctype(rt), to))
	}
	return out
}

func (fw *fnWriter) fnPtrType(ret *hl.Type, params []*hl.Type, self bool) string {
	var ps []string
	if self {
		ps = append(ps, "void *")
	}
	for _, p := range params {
		if p.Kind == hl.KVoid {
			continue
		}
		ps = append(ps, fw.g.ctype(p))
	}
	if len(ps) == 0 {
		ps = []string{"void"}
	}
	return fmt.Sprintf("%s (*)(%s)", fw.g.ctype(ret), strings.Join(ps, ", "))
}

func (fw *fnWriter) jump(i, target int, cond string) string {
	poll := ""
	if target <= i {
		poll = "HX_POLL(); "
	}
	to := fw.label(target)
	if ln := fw.laneBack[target]; ln != nil && i >= ln.exit && i <= ln.back {
		to = ln.commitLabel() // the lanes' outer back edge: commit the second iteration
	}
	if p := fw.prom; p != nil && i >= p.head && i <= p.back && (target < p.head || target > p.back) {
		poll += p.storeBack() // leaving a loop with fields in locals (promote.go)
	}
	if cond == "" {
		return fmt.Sprintf("%sgoto %s;", poll, to)
	}
	return fmt.Sprintf("if (%s) { %sgoto %s; }", cond, poll, to)
}

func nullField(t *hl.Type) string {
	switch t.Kind {
	case hl.KUI8:
		return "ui8"
	case hl.KUI16:
		return "ui16"
	case hl.KI32:
		return "i"
	case hl.KI64:
		return "i64"
	case hl.KF32:
		return "f"
	case hl.KF64:
		return "d"
	case hl.KBool:
		return "b"
	}
	return "ptr"
}

var cmpOps = map[hl.Opcode]string{
	hl.OJSLt: "<", hl.OJSGte: ">=", hl.OJSGt: ">", hl.OJSLte: "<=", hl.OJULt: "<", hl.OJUGte: ">=",
	hl.OJNotLt: "<", hl.OJNotGte: ">=", hl.OJEq: "==", hl.OJNotEq: "!=",
}

// branchCond is the C condition under which conditional jump op i jumps.
func (fw *fnWriter) branchCond(i int) string {
	op := &fw.f.Ops[i]
	switch op.Code {
	case hl.OJTrue:
		return fw.regName(op.P1)
	case hl.OJFalse:
		return "!" + fw.regName(op.P1)
	case hl.OJNull:
		return fw.regName(op.P1) + " == NULL"
	case hl.OJNotNull:
		return fw.regName(op.P1) + " != NULL"
	}
	return fw.cond(i, op.Code, op.P1, op.P2)
}

// cond renders the condition of a two-register conditional jump (section 3.5).
func (fw *fnWriter) cond(i int, code hl.Opcode, a, b int) string {
	ta, tb := fw.reg(a), fw.reg(b)
	op := cmpOps[code]
	neg := code == hl.OJNotLt || code == hl.OJNotGte
	wrap := func(s string) string {
		if neg {
			return "!(" + s + ")"
		}
		return s
	}
	A, B := fw.regName(a), fw.regName(b)
	switch {
	case isNum(ta.Kind) && isNum(tb.Kind):
		if code == hl.OJULt || code == hl.OJUGte {
			u := "uint32_t"
			if ta.Kind == hl.KI64 {
				u = "uint64_t"
			}
			return fmt.Sprintf("(%s)%s %s (%s)%s", u, A, op, u, B)
		}
		return wrap(fmt.Sprintf("%s %s %s", A, op, B))
	case ta.Kind == hl.KType && tb.Kind == hl.KType:
		s := fmt.Sprintf("hx_same_type_q(%s, %s)", A, B)
		if code == hl.OJNotEq {
			return "!" + s
		}
		if code == hl.OJEq {
			return s
		}
	case ta.Kind == hl.KNull && tb.Kind == hl.KNull:
		x := nullField(ta.Param)
		if code == hl.OJEq || code == hl.OJNotEq {
			s := fmt.Sprintf("(%s == %s || (%s && %s && %s->v.%s == %s->v.%s))", A, B, A, B, A, x, B, x)
			if code == hl.OJNotEq {
				return "!" + s
			}
			return s
		}
		return wrap(fmt.Sprintf("(%s && %s && %s->v.%s %s %s->v.%s)", A, B, A, x, op, B, x))
	case ta.Kind == hl.KDyn || tb.Kind == hl.KDyn || ta.Kind == hl.KFun || tb.Kind == hl.KFun:
		c := fmt.Sprintf("hx_dyn_compare((vdynamic *)%s, (vdynamic *)%s)", A, B)
		if op == ">" || op == ">=" {
			return wrap(fmt.Sprintf("({ int32_t c_ = %s; c_ != HX_INVALID_COMPARISON && c_ %s 0; })", c, op))
		}
		return wrap(fmt.Sprintf("%s %s 0", c, op))
	case ta.Kind == hl.KObj && tb.Kind == hl.KObj:
		for _, me := range fw.g.methodsOf(ta) {
			if me.name != "__compare" {
				continue
			}
			ft := fw.g.m.FuncType(me.findex)
			if ft == nil || len(ft.Fun.Args) != 2 {
				break
			}
			native := fw.g.m.NativeByIndex[me.findex] != nil
			ct := fw.g.ctype
			if native {
				ct = fw.g.nctype
			}
			call := fmt.Sprintf("%s((%s)%s, (%s)%s)", fw.g.funcName[me.findex], ct(ft.Fun.Args[0]), A, ct(ft.Fun.Args[1]), B)
			if code == hl.OJEq || code == hl.OJNotEq {
				s := fmt.Sprintf("(%s == %s || (%s && %s && %s == 0))", A, B, A, B, call)
				if code == hl.OJNotEq {
					return "!" + s
				}
				return s
			}
			return wrap(fmt.Sprintf("(%s && %s && %s %s 0)", A, B, call, op))
		}
	case ta.Kind == hl.KVirtual && tb.Kind == hl.KVirtual && (code == hl.OJEq || code == hl.OJNotEq):
		s := fmt.Sprintf("(%s == %s || (%s && %s && %s->value && %s->value == %s->value))", A, B, A, B, A, A, B)
		if code == hl.OJNotEq {
			return "!" + s
		}
		return s
	case ta.Kind == hl.KVirtual && tb.Kind == hl.KObj && (code == hl.OJEq || code == hl.OJNotEq):
		s := fmt.Sprintf("(%s ? (%s && %s->value == (vdynamic *)%s) : %s == NULL)", A, B, A, B, B)
		if code == hl.OJNotEq {
			return "!" + s
		}
		return s
	case ta.Kind == hl.KObj && tb.Kind == hl.KVirtual && (code == hl.OJEq || code == hl.OJNotEq):
		s := fmt.Sprintf("(%s ? (%s && %s->value == (vdynamic *)%s) : %s == NULL)", B, A, B, A, A)
		if code == hl.OJNotEq {
			return "!" + s
		}
		return s
	}
	if code == hl.OJULt || code == hl.OJUGte {
		fw.fail(i, "unsigned comparison of %s and %s", ta, tb)
	}
	return wrap(fmt.Sprintf("(void *)%s %s (void *)%s", A, op, B))
}

var arith = map[hl.Opcode]string{hl.OAdd: "+", hl.OSub: "-", hl.OMul: "*", hl.OAnd: "&", hl.OOr: "|", hl.OXor: "^"}

// genOp emits op i.
func (fw *fnWriter) genOp(i int) {
	g, f := fw.g, fw.f
	m := g.m
	op := &f.Ops[i]
	R := fw.regName
	emit := func(code string) {
		if code != "" {
			fw.line(i, code)
		}
	}
	pos := func() string { return fw.setPos(i) }
	switch op.Code {
	case hl.OMov:
		emit(fw.set(op.P1, R(op.P2), fw.reg(op.P2)))
	case hl.OInt:
		t := fw.reg(op.P1)
		v := m.Ints[op.P2]
		emit(fw.set(op.P1, intLit(int64(v)), t))
	case hl.OFloat:
		t := fw.reg(op.P1)
		lit := floatLit(m.Floats[op.P2])
		if m.Floats[op.P2] == 0 {
			// haxe pools 0.0 and -0.0 as one constant (whichever came first), and HashLink's
			// JIT loads every zero constant as +0.0 (xorpd): so must we, or 1/0 is -inf.
			lit = "0.0"
		}
		if t.Kind == hl.KF32 {
			lit = "(float)" + lit
		}
		emit(fw.set(op.P1, lit, t))
	case hl.OBool:
		emit(fw.set(op.P1, fmt.Sprint(op.P2 != 0), fw.reg(op.P1)))
	case hl.OBytes:
		n := len(m.Strings)
		if m.Version >= 5 {
			n = len(m.Bytes)
		}
		if op.P2 < 0 || op.P2 >= n {
			fw.fail(i, "bytes index %d out of range", op.P2)
		}
		g.usedBytes[op.P2] = true
		emit(fw.set(op.P1, g.bytesSym[op.P2], &hl.Type{Kind: hl.KBytes}))
	case hl.OString:
		g.usedStrings[op.P2] = true
		emit(fw.set(op.P1, "(uint8_t *)"+g.strSym[op.P2], &hl.Type{Kind: hl.KBytes}))
	case hl.ONull:
		if fw.reg(op.P1).Kind != hl.KVoid {
			emit(fmt.Sprintf("%s = NULL;", R(op.P1)))
		}
	case hl.OAdd, hl.OSub, hl.OMul, hl.OAnd, hl.OOr, hl.OXor:
		emit(fw.set(op.P1, fmt.Sprintf("%s %s %s", R(op.P2), arith[op.Code], R(op.P3)), fw.reg(op.P1)))
	case hl.OSDiv, hl.OUDiv, hl.OSMod, hl.OUMod:
		t := fw.reg(op.P1)
		a, b := R(op.P2), R(op.P3)
		var e string
		switch {
		case isFloat(t.Kind) && (op.Code == hl.OSDiv || op.Code == hl.OUDiv):
			e = fmt.Sprintf("%s / %s", a, b)
		case isFloat(t.Kind):
			fn := "fmod"
			if t.Kind == hl.KF32 {
				fn = "fmodf"
			}
			e = fmt.Sprintf("%s(%s, %s)", fn, a, b)
		case t.Kind == hl.KI64:
			switch op.Code {
			case hl.OSDiv:
				e = fmt.Sprintf("hx_sdiv64(%s, %s)", a, b)
			case hl.OSMod:
				e = fmt.Sprintf("hx_smod64(%s, %s)", a, b)
			case hl.OUDiv:
				e = fmt.Sprintf("(int64_t)(%s == 0 ? 0 : (uint64_t)%s / (uint64_t)%s)", b, a, b)
			default:
				e = fmt.Sprintf("(int64_t)(%s == 0 ? 0 : (uint64_t)%s %% (uint64_t)%s)", b, a, b)
			}
		default:
			switch op.Code {
			case hl.OSDiv:
				e = fmt.Sprintf("hx_sdiv(%s, %s)", a, b)
			case hl.OSMod:
				e = fmt.Sprintf("hx_smod(%s, %s)", a, b)
			case hl.OUDiv:
				e = fmt.Sprintf("(int32_t)hx_udiv((uint32_t)%s, (uint32_t)%s)", a, b)
			default:
				e = fmt.Sprintf("(int32_t)hx_umod((uint32_t)%s, (uint32_t)%s)", a, b)
			}
		}
		emit(fw.set(op.P1, e, t))
	case hl.OShl, hl.OSShr, hl.OUShr:
		t := fw.reg(op.P1)
		a, b := R(op.P2), R(op.P3)
		mask, u, s := "31", "uint32_t", "int32_t"
		if t.Kind == hl.KI64 {
			mask, u, s = "63", "uint64_t", "int64_t"
		}
		var e string
		switch op.Code {
		case hl.OShl:
			e = fmt.Sprintf("(%s)((%s)%s << (%s & %s))", s, u, a, b, mask)
		case hl.OSShr:
			e = fmt.Sprintf("(%s)((%s)%s >> (%s & %s))", s, s, a, b, mask)
		default:
			e = fmt.Sprintf("(%s)((%s)%s >> (%s & %s))", s, u, a, b, mask)
		}
		emit(fw.set(op.P1, e, t))
	case hl.ONeg:
		emit(fw.set(op.P1, "-"+R(op.P2), fw.reg(op.P1)))
	case hl.ONot:
		emit(fw.set(op.P1, "!"+R(op.P2), fw.reg(op.P1)))
	case hl.OIncr:
		emit(R(op.P1) + "++;")
	case hl.ODecr:
		emit(R(op.P1) + "--;")
	case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN:
		ft := m.FuncType(op.P2)
		if ft == nil {
			fw.fail(i, "call of unknown function %d", op.P2)
		}
		nat := m.NativeByIndex[op.P2]
		native := nat != nil
		args := fw.callArgs(i, op.CallArgs(), ft.Fun.Args, native)
		if native && intrinsic(nat) != "" {
			emit(fw.callSet(op.P1, fmt.Sprintf("%s(%s)", intrinsic(nat), strings.Join(args, ", ")), ft.Fun.Ret))
			break
		}
		if fw.fz.callm[i] != nil {
			emit(fw.callMethodFused(i))
			break
		}
		if fw.fz.isOf[i] {
			emit(fw.isOfTypeCached(i))
			break
		}
		if fw.fz.reflect[i] != nil {
			emit(fw.reflectFused(i))
			break
		}
		if ch := fw.fz.chain[i]; ch != nil {
			emit(fw.chainFused(ch))
			break
		}
		if fw.isDynAdd(op) && (fw.fz.rawInt[i] != nil || fw.fz.toi[i] != 0) {
			emit(fw.dynAddFused(i))
			break
		}
		call := fmt.Sprintf("%s(%s)", g.funcName[op.P2], strings.Join(args, ", "))
		rt := ft.Fun.Ret
		if !native && len(args) == 2 && g.finfo[op.P2] == "$Std.__add__" && fw.reg(op.P1).Kind == hl.KDyn &&
			ft.Fun.Args[0].Kind == hl.KDyn && ft.Fun.Args[1].Kind == hl.KDyn && ft.Fun.Ret.Kind == hl.KDyn {
			// Dynamic + Dynamic: Int + Int inline, the rest in Std.__add__
			// (through a temporary: the destination may be an operand)
			emit(fmt.Sprintf("{ vdynamic *s_ = hx_dyn_add_int(%s, %s); if (s_) %s = s_; else { %s%s } }", args[0], args[1], R(op.P1), pos(), fw.callSet(op.P1, call, rt)))
			break
		}
		if native {
			// natives return obj as void *: convert to the register type
			rt = &hl.Type{Kind: ft.Fun.Ret.Kind, Param: ft.Fun.Ret.Param}
			if ft.Fun.Ret.Kind == hl.KObj || ft.Fun.Ret.Kind == hl.KStruct {
				rt = &hl.Type{Kind: hl.KAbstract}
			}
		}
		emit(pos() + fw.callSet(op.P1, call, rt))
	case hl.OCallMethod, hl.OCallThis:
		args := op.Extra
		if op.Code == hl.OCallThis {
			args = append([]int{0}, op.Extra...)
		}
		if len(args) == 0 {
			fw.fail(i, "method call without object")
		}
		emit(pos() + fw.callMethod(i, op.P1, op.P2, args))
	case hl.OCallClosure:
		emit(pos() + fw.callClosure(i, op.P1, op.P2, op.Extra))
	case hl.OStaticClosure:
		if m.FuncType(op.P2) == nil {
			fw.fail(i, "closure of unknown function %d", op.P2)
		}
		g.staticCl[op.P2] = true
		emit(fw.set(op.P1, "&"+g.closureSym(op.P2), &hl.Type{Kind: hl.KFun}))
	case hl.OInstanceClosure:
		ft := m.FuncType(op.P2)
		if ft == nil {
			fw.fail(i, "closure of unknown function %d", op.P2)
		}
		emit(fw.set(op.P1, fmt.Sprintf("hx_alloc_closure_ptr(%s, %s, (void *)%s)", g.tx(ft), g.fptr(op.P2), R(op.P3)), &hl.Type{Kind: hl.KFun}))
	case hl.OVirtualClosure:
		ot := fw.reg(op.P2)
		switch ot.Kind {
		case hl.KObj:
			p := findProto(ot, op.P3)
			if p == nil {
				fw.fail(i, "no method in slot %d of %s", op.P3, ot)
			}
			emit(fw.set(op.P1, fmt.Sprintf("hx_alloc_closure_ptr(%s, ((vobj *)%s)->t->vobj_proto[%d], (void *)%s)", g.ftypeExpr(p.FIndex), R(op.P2), op.P3, R(op.P2)), &hl.Type{Kind: hl.KFun}))
		case hl.KVirtual:
			if op.P3 < 0 || op.P3 >= len(ot.Virtual.Fields) {
				fw.fail(i, "virtual field %d out of range", op.P3)
			}
			h := g.hash(ot.Virtual.Fields[op.P3].Name)
			emit(pos() + fw.set(op.P1, fmt.Sprintf("hx_dyn_getp((vdynamic *)%s, %d, %s)", R(op.P2), h, g.tx(fw.reg(op.P1))), &hl.Type{Kind: hl.KAbstract}))
		default:
			fw.fail(i, "virtual closure on %s", ot)
		}
	case hl.OGetGlobal:
		gt := m.Globals[op.P2]
		if gt.Kind == hl.KVoid {
			return
		}
		emit(fw.set(op.P1, g.globalSym[op.P2], gt))
	case hl.OSetGlobal:
		gt := m.Globals[op.P1]
		if gt.Kind == hl.KVoid {
			return
		}
		s := fmt.Sprintf("%s = %s;", g.globalSym[op.P1], conv(R(op.P2), fw.ct(op.P2), g.ctype(gt)))
		if gt.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB_GLOBAL(&%s, %s);", g.globalSym[op.P1], g.globalSym[op.P1])
		}
		emit(s)
	case hl.OField:
		emit(fw.getField(i, op.P1, op.P2, op.P3))
	case hl.OGetThis:
		emit(fw.getField(i, op.P1, 0, op.P2))
	case hl.OSetField:
		emit(fw.setField(i, op.P1, op.P2, op.P3))
	case hl.OSetThis:
		emit(fw.setField(i, 0, op.P1, op.P2))
	case hl.ODynGet:
		h := g.hash(m.Strings[op.P3])
		t := fw.reg(op.P1)
		if t.Kind == hl.KVoid {
			t = &hl.Type{Kind: hl.KDyn}
		}
		if c, ok := fw.fz.toi[i]; ok { // the Int/Float cast of the next op, without the box
			cast := &f.Ops[c]
			ct := fw.reg(cast.P1)
			if ct.Kind == hl.KF64 {
				emit(pos() + "{ " + icDecl + " " + fw.set(cast.P1, fmt.Sprintf("hx_dyn_get_tod_ic((vdynamic *)%s, %d, ic_)", R(op.P2), h), ct) + " }")
				break
			}
			call := fmt.Sprintf("hx_dyn_get_toi_ic((vdynamic *)%s, %d, %s, ic_)", R(op.P2), h, g.tx(ct))
			emit(pos() + "{ " + icDecl + " " + fw.set(cast.P1, call, ct) + " }")
			break
		}
		if t.Kind == hl.KDyn && fw.reg(op.P1).Kind == hl.KDyn { // with a per-site cache (dynfuse.go)
			emit(pos() + fmt.Sprintf("{ %s %s = hx_dyn_getp_ic((vdynamic *)%s, %d, ic_); }", icDecl, R(op.P1), R(op.P2), h))
			break
		}
		emit(pos() + fw.set(op.P1, fw.dynGet(fmt.Sprintf("(vdynamic *)%s", R(op.P2)), h, t), t))
	case hl.ODynSet:
		h := g.hash(m.Strings[op.P2])
		switch fw.reg(op.P3).Kind { // with a per-site cache (dynfuse.go)
		case hl.KI32:
			emit(pos() + fmt.Sprintf("{ %s hx_dyn_seti_ic((vdynamic *)%s, %d, %s, ic_); }", icDecl, R(op.P1), h, R(op.P3)))
			return
		case hl.KF64:
			emit(pos() + fmt.Sprintf("{ %s hx_dyn_setd_ic((vdynamic *)%s, %d, %s, ic_); }", icDecl, R(op.P1), h, R(op.P3)))
			return
		}
		emit(pos() + fw.dynSet(fmt.Sprintf("(vdynamic *)%s", R(op.P1)), h, fw.reg(op.P3), R(op.P3)))
	case hl.OJTrue, hl.OJFalse, hl.OJNull, hl.OJNotNull:
		emit(fw.jump(i, i+1+op.P2, fw.branchCond(i)))
	case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq:
		c := fw.branchCond(i)
		p := ""
		if strings.Contains(c, "(") && !isNum(fw.reg(op.P1).Kind) {
			p = pos()
		}
		emit(p + fw.jump(i, i+1+op.P3, c))
	case hl.OJAlways:
		emit(fw.jump(i, i+1+op.P1, ""))
	case hl.OToDyn:
		if c := fw.fz.copies[i]; c != "" { // boxed at its use (dynfuse.go)
			emit(fmt.Sprintf("%s = %s;", c, R(op.P2)))
			break
		}
		emit(fw.toDyn(i, op.P1, op.P2))
	case hl.OToSFloat:
		emit(fw.set(op.P1, fmt.Sprintf("(%s)%s", fw.ct(op.P1), R(op.P2)), fw.reg(op.P1)))
	case hl.OToUFloat:
		st := fw.reg(op.P2)
		u := "uint32_t"
		if st.Kind == hl.KI64 {
			u = "uint64_t"
		}
		emit(fw.set(op.P1, fmt.Sprintf("(%s)(%s)%s", fw.ct(op.P1), u, R(op.P2)), fw.reg(op.P1)))
	case hl.OToInt:
		st, dt := fw.reg(op.P2), fw.reg(op.P1)
		var e string
		switch {
		case isFloat(st.Kind) && dt.Kind == hl.KI64:
			e = fmt.Sprintf("hx_ftoi64(%s)", R(op.P2))
		case isFloat(st.Kind):
			e = fmt.Sprintf("hx_ftoi(%s)", R(op.P2))
		default:
			e = fmt.Sprintf("(%s)%s", fw.ct(op.P1), R(op.P2))
		}
		emit(fw.set(op.P1, e, dt))
	case hl.OSafeCast:
		emit(pos() + fw.safeCast(i, op.P1, op.P2))
	case hl.OUnsafeCast:
		emit(fw.set(op.P1, R(op.P2), fw.reg(op.P2)))
	case hl.OToVirtual:
		emit(pos() + fw.set(op.P1, fmt.Sprintf("hx_to_virtual(%s, (vdynamic *)%s)", g.tx(fw.reg(op.P1)), R(op.P2)), &hl.Type{Kind: hl.KVirtual}))
	case hl.OLabel, hl.ONop, hl.OCatch, hl.OPrefetch:
	case hl.ORet:
		rt := f.Type.Fun.Ret
		t := fw.reg(op.P1)
		if fw.frameless {
			switch {
			case rt.Kind == hl.KVoid:
				emit("return;")
			case t.Kind == hl.KVoid:
				emit(fmt.Sprintf("return (%s)0;", g.ctype(rt)))
			default:
				emit(fmt.Sprintf("return %s;", conv(R(op.P1), g.ctype(t), g.ctype(rt))))
			}
			return
		}
		if rt.Kind == hl.KVoid || t.Kind == hl.KVoid {
			if rt.Kind != hl.KVoid {
				emit(fmt.Sprintf("HX_LEAVE(ctx, fr); return (%s)0;", g.ctype(rt)))
			} else {
				emit("HX_LEAVE(ctx, fr); return;")
			}
		} else {
			emit(fmt.Sprintf("HX_LEAVE(ctx, fr); return %s;", conv(R(op.P1), g.ctype(t), g.ctype(rt))))
		}
	case hl.OThrow:
		emit(pos() + fmt.Sprintf("hx_throw((vdynamic *)%s);", R(op.P1)))
	case hl.ORethrow:
		emit(pos() + fmt.Sprintf("hx_rethrow((vdynamic *)%s);", R(op.P1)))
	case hl.OSwitch:
		var b strings.Builder
		fmt.Fprintf(&b, "switch ((uint32_t)%s) {", R(op.P1))
		for k, off := range op.Extra {
			t := i + 1 + off
			poll := ""
			if t <= i {
				poll = "HX_POLL(); "
			}
			fmt.Fprintf(&b, " case %d: %sgoto L%d;", k, poll, t)
		}
		b.WriteString(" default: break; }")
		emit(b.String())
	case hl.ONullCheck:
		// HashLink 1.12 names the field when the check guards a read of it
		fail := "hx_null_access()"
		if i+1 < len(f.Ops) && f.Ops[i+1].Code == hl.OField && f.Ops[i+1].P2 == op.P1 {
			t, fid := fw.reg(op.P1), f.Ops[i+1].P3
			switch {
			case t.Obj != nil && fid >= 0 && fid < len(g.objLayoutOf(t).fields):
				fail = fmt.Sprintf("hx_null_access_field(%d)", g.hash(g.objLayoutOf(t).fields[fid].Name))
			case t.Kind == hl.KVirtual && fid >= 0 && fid < len(t.Virtual.Fields):
				fail = fmt.Sprintf("hx_null_access_field(%d)", g.hash(t.Virtual.Fields[fid].Name))
			}
		}
		emit(fmt.Sprintf("if (HX_UNLIKELY(%s == NULL)) { %s%s; }", R(op.P1), fw.throwPos(i), fail))
	case hl.OTrap:
		d := fw.depth
		fw.depth++
		if fw.depth > fw.maxDepth {
			fw.maxDepth = fw.depth
		}
		emit(fmt.Sprintf("if (HX_TRAP(ctx, fr, tr%d)) { %s = (%s)ctx->exc_value; goto L%d; }", d, R(op.P1), fw.ct(op.P1), i+1+op.P2))
	case hl.OEndTrap:
		if fw.depth == 0 {
			fw.fail(i, "OEndTrap without an open trap")
		}
		emit(fmt.Sprintf("HX_ENDTRAP(ctx, tr%d);", fw.depth-1))
		if op.P1 != 0 {
			fw.depth--
		}
	case hl.OGetI8:
		emit(fw.set(op.P1, fmt.Sprintf("*(uint8_t *)(%s + %s)", R(op.P2), R(op.P3)), &hl.Type{Kind: hl.KUI8}))
	case hl.OGetI16:
		emit(fmt.Sprintf("{ uint16_t v_; memcpy(&v_, %s + %s, 2); %s }", R(op.P2), R(op.P3), fw.set(op.P1, "v_", &hl.Type{Kind: hl.KUI16})))
	case hl.OGetMem:
		t := fw.reg(op.P1)
		emit(fmt.Sprintf("{ %s v_; memcpy(&v_, %s + %s, sizeof v_); %s }", g.ctype(t), R(op.P2), R(op.P3), fw.set(op.P1, "v_", t)))
	case hl.OGetArray:
		t := fw.reg(op.P1)
		if t.Kind == hl.KVoid {
			return
		}
		emit(fw.set(op.P1, fmt.Sprintf("hx_aptr(%s, %s)[%s]", R(op.P2), g.ctype(t), R(op.P3)), t))
	case hl.OSetI8:
		emit(fmt.Sprintf("*(uint8_t *)(%s + %s) = (uint8_t)%s;", R(op.P1), R(op.P2), R(op.P3)))
	case hl.OSetI16:
		emit(fmt.Sprintf("{ uint16_t v_ = (uint16_t)%s; memcpy(%s + %s, &v_, 2); }", R(op.P3), R(op.P1), R(op.P2)))
	case hl.OSetMem:
		emit(fmt.Sprintf("{ %s v_ = %s; memcpy(%s + %s, &v_, sizeof v_); }", fw.ct(op.P3), R(op.P3), R(op.P1), R(op.P2)))
	case hl.OSetArray:
		t := fw.reg(op.P3)
		if t.Kind == hl.KVoid {
			return
		}
		s := fmt.Sprintf("hx_aptr(%s, %s)[%s] = %s;", R(op.P1), g.ctype(t), R(op.P2), R(op.P3))
		if t.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB(%s, %s);", R(op.P1), R(op.P3))
		}
		emit(s)
	case hl.ONew:
		emit(fw.newValue(i, op.P1))
	case hl.OArraySize:
		emit(fw.set(op.P1, fmt.Sprintf("((varray *)%s)->size", R(op.P2)), &hl.Type{Kind: hl.KI32}))
	case hl.OType:
		emit(fw.set(op.P1, g.tx(m.Types[op.P2]), &hl.Type{Kind: hl.KType}))
	case hl.OGetType:
		emit(fw.set(op.P1, fmt.Sprintf("(%s ? ((vdynamic *)%s)->t : &hxt_void)", R(op.P2), R(op.P2)), &hl.Type{Kind: hl.KType}))
	case hl.OGetTID:
		emit(fw.set(op.P1, fmt.Sprintf("((hx_type *)%s)->kind", R(op.P2)), &hl.Type{Kind: hl.KI32}))
	case hl.ORef:
		emit(fmt.Sprintf("%s = (%s)&%s;", R(op.P1), fw.ct(op.P1), R(op.P2)))
	case hl.OUnref:
		t := fw.reg(op.P2)
		if t.Kind != hl.KRef {
			fw.fail(i, "unref of a %s", t)
		}
		emit(fw.set(op.P1, "*"+R(op.P2), t.Param))
	case hl.OSetref:
		t := fw.reg(op.P1)
		if t.Kind != hl.KRef {
			fw.fail(i, "setref of a %s", t)
		}
		s := fmt.Sprintf("*%s = %s;", R(op.P1), conv(R(op.P2), fw.ct(op.P2), g.ctype(t.Param)))
		if t.Param.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB(%s, %s);", R(op.P1), R(op.P2))
		}
		emit(s)
	case hl.OMakeEnum:
		emit(fw.makeEnum(i, op.P1, op.P2, op.Extra))
	case hl.OEnumAlloc:
		et := fw.reg(op.P1)
		if et.Kind != hl.KEnum || op.P2 < 0 || op.P2 >= len(et.Enum.Constructs) {
			fw.fail(i, "bad enum constructor %d for %s", op.P2, et)
		}
		emit(fw.set(op.P1, fmt.Sprintf("hx_alloc_enum(%s, %d)", g.tx(et), op.P2), &hl.Type{Kind: hl.KEnum}))
	case hl.OEnumIndex:
		emit(fw.set(op.P1, fmt.Sprintf("((venum *)%s)->index", R(op.P2)), &hl.Type{Kind: hl.KI32}))
	case hl.OEnumField:
		emit(fw.enumField(i, op.P1, op.P2, op.P3, op.Extra))
	case hl.OSetEnumField:
		et := fw.reg(op.P1)
		if et.Kind != hl.KEnum || len(et.Enum.Constructs) == 0 || op.P2 < 0 || op.P2 >= len(et.Enum.Constructs[0].Params) {
			fw.fail(i, "bad enum field %d for %s", op.P2, et)
		}
		pt := et.Enum.Constructs[0].Params[op.P2]
		if pt.Kind == hl.KVoid {
			return
		}
		s := fmt.Sprintf("((struct %s *)%s)->p%d = %s;", g.enumStruct(et, 0), R(op.P1), op.P2, conv(R(op.P3), fw.ct(op.P3), g.ctype(pt)))
		if pt.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB(%s, %s);", R(op.P1), R(op.P3))
		}
		emit(s)
	case hl.OAssert:
		emit(pos() + "hx_assert();")
	case hl.ORefData:
		emit(fmt.Sprintf("%s = (%s)hx_aptr(%s, char);", R(op.P1), fw.ct(op.P1), R(op.P2)))
	case hl.ORefOffset:
		emit(fmt.Sprintf("%s = %s + %s;", R(op.P1), R(op.P2), R(op.P3)))
	default:
		fw.fail(i, "unsupported opcode %s", op.Code)
	}
}

// callSet assigns the result of a call expression of return type rt.
func (fw *fnWriter) callSet(dst int, call string, rt *hl.Type) string {
	t := fw.reg(dst)
	if t.Kind == hl.KVoid || rt.Kind == hl.KVoid {
		return call + ";"
	}
	from := fw.g.ctype(rt)
	if rt.Kind == hl.KAbstract {
		from = "void *"
	}
	return fmt.Sprintf("%s = %s;", fw.regName(dst), conv(call, from, fw.g.ctype(t)))
}

func (fw *fnWriter) callMethod(i, dst, slot int, args []int) string {
	g := fw.g
	o := args[0]
	ot := fw.reg(o)
	switch ot.Kind {
	case hl.KObj:
		p := findProto(ot, slot)
		if p == nil {
			fw.fail(i, "no method slot %d in %s", slot, ot)
		}
		ft := g.m.FuncType(p.FIndex)
		if ft == nil {
			fw.fail(i, "method of unknown function %d", p.FIndex)
		}
		as := fw.callArgs(i, args, ft.Fun.Args, false)
		call := fmt.Sprintf("((%s)((vobj *)%s)->t->vobj_proto[%d])(%s)", fw.fnPtrType(ft.Fun.Ret, ft.Fun.Args, false), fw.regName(o), slot, strings.Join(as, ", "))
		return fw.callSet(dst, call, ft.Fun.Ret)
	case hl.KVirtual:
		if slot < 0 || slot >= len(ot.Virtual.Fields) {
			fw.fail(i, "method slot %d out of range for %s", slot, ot)
		}
		fld := ot.Virtual.Fields[slot]
		h := g.hash(fld.Name)
		ft := fld.Type
		if ft.Kind != hl.KMethod && ft.Kind != hl.KFun {
			fw.fail(i, "method call of virtual field %s of type %s", fld.Name, ft)
		}
		if ft.Kind == hl.KFun {
			// a closure-valued field: read it, then call it
			return fmt.Sprintf("{ vclosure *c_ = hx_vfields(%s)[%d] ? *(vclosure **)hx_vfields(%s)[%d] : (vclosure *)hx_dyn_getp(%s->value, %d, %s); if (!c_) hx_null_access(); %s }",
				fw.regName(o), slot, fw.regName(o), slot, fw.regName(o), h, g.tx(ft), fw.closureCall(i, dst, "c_", ft, args[1:]))
		}
		as := fw.callArgs(i, args[1:], ft.Fun.Args, false)
		fast := fmt.Sprintf("((%s)hx_vfields(%s)[%d])(%s)", fw.fnPtrType(ft.Fun.Ret, ft.Fun.Args, true), fw.regName(o), slot, strings.Join(append([]string{fw.regName(o) + "->value"}, as...), ", "))
		var pargs []string
		for _, a := range args[1:] {
			if fw.reg(a).Kind.IsPtr() {
				pargs = append(pargs, "(void *)"+fw.regName(a))
			} else {
				pargs = append(pargs, addr(a))
			}
		}
		decl := "void **a_ = NULL;"
		if len(pargs) > 0 {
			decl = fmt.Sprintf("void *a_[] = {%s};", strings.Join(pargs, ", "))
		}
		slow := fmt.Sprintf("hx_dyn_call_obj(%s->value, %s, %d, a_, &ret_)", fw.regName(o), g.tx(ft), h)
		var slowSet string
		rt := ft.Fun.Ret
		dt := fw.reg(dst)
		switch {
		case dt.Kind == hl.KVoid || rt.Kind == hl.KVoid:
			slowSet = slow + ";"
		case rt.Kind.IsPtr():
			slowSet = fmt.Sprintf("%s = (%s)%s;", fw.regName(dst), g.ctype(dt), slow)
		default:
			slowSet = fmt.Sprintf("%s; %s = ret_.v.%s;", slow, fw.regName(dst), nullField(rt))
		}
		return fmt.Sprintf("if (hx_vfields(%s)[%d]) { %s } else { %s vdynamic ret_; %s }", fw.regName(o), slot, fw.callSet(dst, fast, rt), decl, slowSet)
	}
	fw.fail(i, "method call on a %s", ot)
	return ""
}

// closureCall calls the typed closure held in C expression c (type ft).
func (fw *fnWriter) closureCall(i, dst int, c string, ft *hl.Type, args []int) string {
	as := fw.callArgs(i, args, ft.Fun.Args, false)
	bound := fmt.Sprintf("((%s)%s->fun)(%s)", fw.fnPtrType(ft.Fun.Ret, ft.Fun.Args, true), c, strings.Join(append([]string{c + "->value"}, as...), ", "))
	plain := fmt.Sprintf("((%s)%s->fun)(%s)", fw.fnPtrType(ft.Fun.Ret, ft.Fun.Args, false), c, strings.Join(as, ", "))
	return fmt.Sprintf("if (%s->has_value) { %s } else { %s }", c, fw.callSet(dst, bound, ft.Fun.Ret), fw.callSet(dst, plain, ft.Fun.Ret))
}

func (fw *fnWriter) callClosure(i, dst, c int, args []int) string {
	ct := fw.reg(c)
	switch ct.Kind {
	case hl.KFun:
		return fw.closureCall(i, dst, fw.regName(c), ct, args)
	case hl.KDyn:
		var boxed []string
		for _, a := range args {
			at := fw.reg(a)
			if at.Kind.IsDynamic() {
				boxed = append(boxed, "(vdynamic *)"+fw.regName(a))
			} else {
				boxed = append(boxed, fmt.Sprintf("hx_make_dyn(%s, %s)", addr(a), fw.g.tx(at)))
			}
		}
		decl := "vdynamic **a_ = NULL;"
		if len(boxed) > 0 {
			decl = fmt.Sprintf("vdynamic *a_[] = {%s};", strings.Join(boxed, ", "))
		}
		return fmt.Sprintf("{ %s vdynamic *res_ = hx_dyn_call((vclosure *)%s, a_, %d); %s }", decl, fw.regName(c), len(args), fw.castFrom(dst, "res_", "&hxt_dyn"))
	}
	fw.fail(i, "closure call on a %s", ct)
	return ""
}

func (fw *fnWriter) getField(i, dst, o, fid int) string {
	g := fw.g
	ot := fw.reg(o)
	switch ot.Kind {
	case hl.KObj, hl.KStruct:
		l := g.objLayoutOf(ot)
		if fid < 0 || fid >= len(l.fields) {
			fw.fail(i, "field %d out of range for %s", fid, ot)
		}
		ft := l.fields[fid].Type
		if ft.Kind == hl.KVoid || fw.reg(dst).Kind == hl.KVoid {
			return ""
		}
		return fw.set(dst, fmt.Sprintf("%s->%s", fw.regName(o), g.fieldNames[ot.Index][fid]), ft)
	case hl.KVirtual:
		f, h, ok := fw.virtualField(i, ot, fid)
		if !ok {
			return ""
		}
		e := fmt.Sprintf("(hx_vfields(%s)[%d] ? *(%s*)hx_vfields(%s)[%d] : (%s)%s)", fw.regName(o), fid, g.ctype(f.Type), fw.regName(o), fid, g.ctype(f.Type), fw.dynGet(fw.regName(o)+"->value", h, f.Type))
		return fw.setPos(i) + fw.set(dst, e, f.Type)
	}
	fw.fail(i, "field access on a %s", ot)
	return ""
}

func (fw *fnWriter) setField(i, o, fid, v int) string {
	g := fw.g
	ot := fw.reg(o)
	vt := fw.reg(v)
	switch ot.Kind {
	case hl.KObj, hl.KStruct:
		l := g.objLayoutOf(ot)
		if fid < 0 || fid >= len(l.fields) {
			fw.fail(i, "field %d out of range for %s", fid, ot)
		}
		ft := l.fields[fid].Type
		if ft.Kind == hl.KVoid {
			return ""
		}
		val := conv(fw.regName(v), g.ctype(vt), g.ctype(ft))
		if vt.Kind == hl.KVoid {
			val = "0"
		}
		s := fmt.Sprintf("%s->%s = %s;", fw.regName(o), g.fieldNames[ot.Index][fid], val)
		if ft.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB(%s, %s);", fw.regName(o), fw.regName(v))
		}
		return s
	case hl.KVirtual:
		f, h, ok := fw.virtualField(i, ot, fid)
		if !ok {
			return ""
		}
		val := conv(fw.regName(v), g.ctype(vt), g.ctype(f.Type))
		s := fmt.Sprintf("if (hx_vfields(%s)[%d]) *(%s*)hx_vfields(%s)[%d] = %s; else %s", fw.regName(o), fid, g.ctype(f.Type), fw.regName(o), fid, val,
			fw.dynSet(fmt.Sprintf("(vdynamic *)%s", fw.regName(o)), h, f.Type, val))
		if f.Type.Kind.IsPtr() {
			s += fmt.Sprintf(" HX_WB(%s->value ? (void *)%s->value : (void *)%s, %s);", fw.regName(o), fw.regName(o), fw.regName(o), fw.regName(v))
		}
		return fw.setPos(i) + s
	}
	fw.fail(i, "field store on a %s", ot)
	return ""
}

// virtualField is field fid of virtual type vt and its name hash; ok is false
// for a void field, which reads and writes nothing.
func (fw *fnWriter) virtualField(i int, vt *hl.Type, fid int) (f hl.Field, hash int32, ok bool) {
	if fid < 0 || fid >= len(vt.Virtual.Fields) {
		fw.fail(i, "field %d out of range for %s", fid, vt)
	}
	f = vt.Virtual.Fields[fid]
	if f.Type.Kind == hl.KVoid {
		return f, 0, false
	}
	return f, fw.g.hash(f.Name), true
}

func (fw *fnWriter) toDyn(i, dst, src int) string {
	g := fw.g
	st := fw.reg(src)
	if fw.reg(dst).Kind == hl.KVoid {
		return ""
	}
	dct := fw.ct(dst)
	switch st.Kind {
	case hl.KBool:
		return fmt.Sprintf("%s = (%s)hx_alloc_dynbool(%s);", fw.regName(dst), dct, fw.regName(src))
	case hl.KI32:
		return fmt.Sprintf("%s = (%s)hx_box_i32(%s);", fw.regName(dst), dct, fw.regName(src))
	case hl.KUI8, hl.KUI16:
		return fmt.Sprintf("{ vdynamic *d_ = hx_alloc_dynamic(%s); d_->v.i = %s; %s = (%s)d_; }", g.tx(st), fw.regName(src), fw.regName(dst), dct)
	case hl.KI64, hl.KF32, hl.KF64:
		return fmt.Sprintf("{ vdynamic *d_ = hx_alloc_dynamic(%s); d_->v.%s = %s; %s = (%s)d_; }", g.tx(st), nullField(st), fw.regName(src), fw.regName(dst), dct)
	case hl.KVoid:
		return fmt.Sprintf("%s = NULL;", fw.regName(dst))
	}
	if st.Kind.IsDynamic() {
		return fmt.Sprintf("%s = (%s)%s;", fw.regName(dst), dct, fw.regName(src))
	}
	return fmt.Sprintf("%s = (%s)hx_make_dyn(%s, %s);", fw.regName(dst), dct, addr(src), g.tx(st))
}

func (fw *fnWriter) safeCast(i, dst, src int) string {
	g := fw.g
	st, dt := fw.reg(src), fw.reg(dst)
	if dt.Kind == hl.KVoid {
		return ""
	}
	if st.Kind == hl.KNull && st.Param.Kind == dt.Kind && isNum(dt.Kind) {
		return fmt.Sprintf("%s = %s ? %s->v.%s : 0;", fw.regName(dst), fw.regName(src), fw.regName(src), nullField(dt))
	}
	if st.Kind == hl.KDyn { // inline fast paths for the usual box or class instance
		switch {
		case dynSuffix(dt) == "i":
			return fw.set(dst, fmt.Sprintf("hx_dyn_toi(%s, %s)", fw.regName(src), g.tx(dt)), &hl.Type{Kind: hl.KI32})
		case dt.Kind == hl.KF64:
			return fw.set(dst, fmt.Sprintf("hx_dyn_tod(%s)", fw.regName(src)), &hl.Type{Kind: hl.KF64})
		case dt.Kind == hl.KObj:
			return fmt.Sprintf("%s = (%s)hx_dyn_top(%s, %s);", fw.regName(dst), g.ctype(dt), fw.regName(src), g.tx(dt))
		}
	}
	switch dynSuffix(dt) {
	case "i":
		return fw.set(dst, fmt.Sprintf("hx_dyn_casti(%s, %s, %s)", addr(src), g.tx(st), g.tx(dt)), &hl.Type{Kind: hl.KI32})
	case "i64":
		return fw.set(dst, fmt.Sprintf("hx_dyn_casti64(%s, %s)", addr(src), g.tx(st)), &hl.Type{Kind: hl.KI64})
	case "f":
		return fw.set(dst, fmt.Sprintf("hx_dyn_castf(%s, %s)", addr(src), g.tx(st)), &hl.Type{Kind: hl.KF32})
	case "d":
		return fw.set(dst, fmt.Sprintf("hx_dyn_castd(%s, %s)", addr(src), g.tx(st)), &hl.Type{Kind: hl.KF64})
	}
	return fmt.Sprintf("%s = (%s)hx_dyn_castp(%s, %s, %s);", fw.regName(dst), g.ctype(dt), addr(src), g.tx(st), g.tx(dt))
}

func hasBindings(t *hl.Type) bool {
	for c := t; c != nil && c.Obj != nil; c = c.Obj.Super {
		if len(c.Obj.Bindings) > 0 {
			return true
		}
	}
	return false
}

func (fw *fnWriter) newValue(i, dst int) string {
	g := fw.g
	t := fw.reg(dst)
	switch t.Kind {
	case hl.KObj:
		if hasBindings(t) {
			return fmt.Sprintf("%s = (%s)hx_alloc_obj(%s);", fw.regName(dst), g.ctype(t), g.tx(t))
		}
		kind := "HX_MEM_NOPTR"
		if len(g.objLayoutOf(t).ptrs) > 0 {
			kind = "HX_MEM_DYNAMIC"
		}
		return fmt.Sprintf("%s = (%s)hx_gc_alloc(sizeof(struct %s), %s); %s->t = %s;", fw.regName(dst), g.ctype(t), g.structName[t.Index], kind, fw.regName(dst), g.tx(t))
	case hl.KStruct:
		return fmt.Sprintf("%s = (%s)hx_alloc_obj(%s);", fw.regName(dst), g.ctype(t), g.tx(t))
	case hl.KDynObj:
		return fmt.Sprintf("%s = hx_alloc_dynobj();", fw.regName(dst))
	case hl.KVirtual:
		return fmt.Sprintf("%s = hx_alloc_virtual(%s);", fw.regName(dst), g.tx(t))
	case hl.KVoid:
		return ""
	}
	fw.fail(i, "new of a %s", t)
	return ""
}

func (fw *fnWriter) makeEnum(i, dst, c int, args []int) string {
	g := fw.g
	et := fw.reg(dst)
	if et.Kind != hl.KEnum || c < 0 || c >= len(et.Enum.Constructs) {
		fw.fail(i, "bad enum constructor %d for %s", c, et)
	}
	ctor := et.Enum.Constructs[c]
	if len(args) != len(ctor.Params) {
		fw.fail(i, "constructor %s takes %d params, %d given", ctor.Name, len(ctor.Params), len(args))
	}
	lay := g.enumLayoutOf(et)[c]
	kind := "HX_MEM_NOPTR"
	if len(lay.ptrs) > 0 {
		kind = "HX_MEM_DYNAMIC"
	}
	sn := "struct " + g.enumStruct(et, c)
	var b strings.Builder
	fmt.Fprintf(&b, "{ %s *e_ = (%s *)hx_gc_alloc(sizeof(%s), %s); e_->t = %s; e_->index = %d;", sn, sn, sn, kind, g.tx(et), c)
	for k, a := range args {
		pt := ctor.Params[k]
		if pt.Kind == hl.KVoid {
			continue
		}
		fmt.Fprintf(&b, " e_->p%d = %s;", k, conv(fw.regName(a), fw.ct(a), g.ctype(pt)))
		if pt.Kind.IsPtr() {
			fmt.Fprintf(&b, " HX_WB(e_, e_->p%d);", k)
		}
	}
	fmt.Fprintf(&b, " %s = (venum *)e_; }", fw.regName(dst))
	return b.String()
}

func (fw *fnWriter) enumField(i, dst, e, c int, extra []int) string {
	if len(extra) != 1 {
		fw.fail(i, "malformed OEnumField")
	}
	k := extra[0]
	et := fw.reg(e)
	dt := fw.reg(dst)
	if dt.Kind == hl.KVoid {
		return ""
	}
	if et.Kind == hl.KEnum {
		if c < 0 || c >= len(et.Enum.Constructs) || k < 0 || k >= len(et.Enum.Constructs[c].Params) {
			fw.fail(i, "bad enum field %d/%d for %s", c, k, et)
		}
		pt := et.Enum.Constructs[c].Params[k]
		return fw.set(dst, fmt.Sprintf("((struct %s *)%s)->p%d", fw.g.enumStruct(et, c), fw.regName(e), k), pt)
	}
	// receiver typed Dynamic: find the param through the runtime type
	return fmt.Sprintf("memcpy((void *)&%s, (char *)%s + ((venum *)%s)->t->tenum->constructs[%d].offsets[%d], sizeof(%s));", fw.regName(dst), fw.regName(e), fw.regName(e), c, k, fw.regName(dst))
}
