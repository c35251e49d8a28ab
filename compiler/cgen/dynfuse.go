package cgen

import (
	"fmt"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// dynfuse.go: peepholes for Dynamic-heavy code. Each folds a short run of ops
// whose intermediate Dynamic is dead afterwards into one runtime call or an
// inline fast path that computes exactly what the ops would, without the
// intermediate box:
//
//   - ODynGet d; OSafeCast i <- d (Int/Float)   -> hx_dyn_get_toi / hx_dyn_get_tod
//   - OToDyn b <- int; ... use of b             -> the int is passed raw to the use
//     (a Dynamic add, Reflect.setField), boxed only on the add's slow path
//   - Dynamic add d; OSafeCast i <- d (Int)     -> the Int + Int sum goes to i unboxed
//   - ODynGet d; adds of raw Ints consuming d, then d's successors (addChain)
//     -> when the field holds an Int, Int sums and at most one box at the end
//   - Reflect.field/setField/hasField with a constant name -> the runtime entry
//     with the name's hash computed here, in a frame of the Reflect function
//     (so that traces are unchanged)
//   - Reflect.callMethod(_, f, []) -> the call without the std code's array
//     and closure copies (hx_reflect_call_noargs), else the std code
//
// Besides, Int and Dynamic-pointer field reads and Int field writes through
// Dynamic, and Std.isOfType on a class object, get a per-site cache
// (static __thread in the generated code; hx.h hx_field_ic, hx_isof_ic).
//
// "Dead" comes from a liveness analysis over the function's ops (jumps,
// switches and trap handlers included); registers whose address is taken
// (ORef) or that live across a trap (volatile) are never folded.

// icDecl declares a site's cache of field places (hx.h hx_field_ic).
const icDecl = "static __thread hx_field_ic ic_[2];"

// fusions is what the analysis decided for one function.
type fusions struct {
	skip    map[int]bool           // ops emitted as part of another op
	rawInt  map[int]map[int]string // use op -> boxed register -> the C int its box would hold
	copies  map[int]string         // sunk OToDyn op -> the C int local it copies its Int into
	chain   map[int]*addChain      // last add of a chain -> the chain
	toi     map[int]int            // op -> the OSafeCast op folded into it
	reflect map[int]*reflectFun    // call op -> Reflect function called with a constant name
	name    map[int]string         // call op -> the constant name
	callm   map[int]*callMethodFun // Reflect.callMethod calls
	isOf    map[int]bool           // Std.isOfType calls on a class object: cached per site
}

// isOfTypeOf recognises Std.isOfType(v:Dynamic, t:Dynamic):Bool.
func (g *gen) isOfTypeOf(findex int) bool {
	ft := g.m.FuncType(findex)
	return g.m.NativeByIndex[findex] == nil && g.finfo[findex] == "$Std.isOfType" && ft != nil && len(ft.Fun.Args) == 2 &&
		ft.Fun.Args[0].Kind == hl.KDyn && ft.Fun.Args[1].Kind == hl.KDyn && ft.Fun.Ret.Kind == hl.KBool
}

// isClassObject reports whether t is the type of a class object (hl.BaseType's subclasses).
func isClassObject(t *hl.Type) bool {
	for c := t; c != nil && c.Kind == hl.KObj && c.Obj != nil; c = c.Obj.Super {
		if c.Obj.Name == "hl.BaseType" {
			return true
		}
	}
	return false
}

// isOfTypeCached emits Std.isOfType(v, cls) with a per-site cache of its
// answers for class instances and plain virtuals (hx.h hx_isof_ic).
func (fw *fnWriter) isOfTypeCached(i int) string {
	g, op := fw.g, &fw.f.Ops[i]
	args := op.CallArgs()
	ft := g.m.FuncType(op.P2)
	as := fw.callArgs(i, args, ft.Fun.Args, false)
	call := fmt.Sprintf("%s(v_, c_)", g.funcName[op.P2])
	return fmt.Sprintf("%s{ static __thread hx_isof_ic ic_[2]; vdynamic *v_ = %s, *c_ = %s; int k_ = hx_isof_cached(ic_, v_, c_); bool r_; if (k_ >= 0) r_ = k_; else { r_ = %s; hx_isof_fill(ic_, v_, c_, r_); } %s }",
		fw.setPos(i), as[0], as[1], call, fw.callSet(op.P1, "r_", &hl.Type{Kind: hl.KBool}))
}

// addChain is a Dynamic field read followed by Dynamic adds of raw Ints,
// each consuming the previous result (dead afterwards): when the field holds
// an Int, the sums are Int sums and only the last is boxed (or none, when it
// is cast to Int). Emitted at its last add; the ops before it emit nothing.
type addChain struct {
	get  int   // the ODynGet
	adds []int // the adds, in order
}

// callMethodFun describes std Reflect.callMethod (recognised by its natives)
// and how to read its argument array's length.
type callMethodFun struct {
	pos           int32  // fr.line of its call_method native call
	array, length string // C members: ArrayDyn.array, ArrayBase.length
	base          string // C struct tag of ArrayBase (named, so that the file defines it)
}

// memberOf returns the C member of the field named name of obj type t.
func (g *gen) memberOf(t *hl.Type, name string) (string, *hl.Type, bool) {
	if t == nil || t.Kind != hl.KObj || t.Obj == nil {
		return "", nil, false
	}
	l := g.objLayoutOf(t)
	for k := range l.fields {
		if l.fields[k].Name == name {
			return g.fieldNames[t.Index][k], l.fields[k].Type, true
		}
	}
	return "", nil, false
}

// memoOf returns (*m)[findex], computing it with recognise the first time
// (a nil answer is remembered too).
func memoOf[T any](m *map[int]*T, findex int, recognise func(int) *T) *T {
	if *m == nil {
		*m = map[int]*T{}
	}
	r, ok := (*m)[findex]
	if !ok {
		r = recognise(findex)
		(*m)[findex] = r
	}
	return r
}

// callMethodOf recognises Reflect.callMethod(o, f, args:ArrayDyn).
func (g *gen) callMethodOf(findex int) *callMethodFun {
	return memoOf(&g.callMethods, findex, g.recogniseCallMethod)
}

func (g *gen) recogniseCallMethod(findex int) *callMethodFun {
	f := g.m.FunByIndex[findex]
	if g.finfo[findex] != "$Reflect.callMethod" || f == nil || len(f.Type.Fun.Args) != 3 || f.Type.Fun.Ret.Kind != hl.KDyn {
		return nil
	}
	seen := map[string]int{}
	for i := range f.Ops {
		op := &f.Ops[i]
		switch op.Code {
		case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN:
			if n := g.m.NativeByIndex[op.P2]; n != nil && strings.TrimPrefix(n.Lib, "?") == "std" {
				seen[n.Name] = i
			}
		}
	}
	call, ok := seen["call_method"]
	if _, ok2 := seen["get_closure_value"]; !ok || !ok2 {
		return nil
	}
	if _, ok := seen["no_closure"]; !ok {
		return nil
	}
	arr, at, ok := g.memberOf(f.Type.Fun.Args[2], "array")
	if !ok {
		return nil
	}
	ln, lt, ok := g.memberOf(at, "length")
	if !ok || lt.Kind != hl.KI32 {
		return nil
	}
	return &callMethodFun{array: arr, length: ln, base: g.structName[at.Index], pos: g.opPos(f, call)}
}

// callMethodFused emits Reflect.callMethod: with an empty argument array, the
// runtime calls the function without building the std code's copies (in a
// frame of Reflect.callMethod); otherwise, or for an unusual function, the
// std code runs.
func (fw *fnWriter) callMethodFused(i int) string {
	g, op := fw.g, &fw.f.Ops[i]
	cm := fw.fz.callm[i]
	args := op.CallArgs()
	ft := g.m.FuncType(op.P2)
	as := fw.callArgs(i, args, ft.Fun.Args, false)
	a := rn(args[2])
	call := fmt.Sprintf("%s(%s)", g.funcName[op.P2], strings.Join(as, ", "))
	return fmt.Sprintf("%s{ bool h_ = false; vdynamic *res_ = NULL; struct %s *b_; if (%s && (b_ = %s->%s) != NULL && b_->%s == 0) { hx_frame f_; f_.prev = ctx->frame; f_.fid = %s; f_.line = %d; ctx->frame = &f_; res_ = hx_reflect_call_noargs((vdynamic *)%s, &h_); ctx->frame = f_.prev; } if (!h_) res_ = %s; %s }",
		fw.setPos(i), cm.base, a, a, cm.array, cm.length, g.fidSym(op.P2), cm.pos, rn(args[1]), call, fw.callSet(op.P1, "res_", &hl.Type{Kind: hl.KDyn}))
}

// reflectFun describes a std Reflect function recognised by its body.
type reflectFun struct {
	kind string // "field", "setField", "hasField"
	pos  int32  // fr.line of its call of the native (HX_POS)
}

// reflectOf recognises Reflect.field/setField/hasField: the std bodies hash the
// name and call one object native, and nothing else.
func (g *gen) reflectOf(findex int) *reflectFun {
	return memoOf(&g.reflectFuns, findex, g.recogniseReflect)
}

func (g *gen) recogniseReflect(findex int) *reflectFun {
	want := map[string]string{"$Reflect.field": "obj_get_field", "$Reflect.setField": "obj_set_field", "$Reflect.hasField": "obj_has_field"}
	native, ok := want[g.finfo[findex]]
	f := g.m.FunByIndex[findex]
	if !ok || f == nil {
		return nil
	}
	hashed, called := false, -1
	for i := range f.Ops {
		op := &f.Ops[i]
		switch op.Code {
		case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN:
			n := g.m.NativeByIndex[op.P2]
			if n == nil || strings.TrimPrefix(n.Lib, "?") != "std" {
				return nil
			}
			switch n.Name {
			case "hash":
				hashed = true
			case native:
				called = i
			default:
				return nil
			}
		case hl.OCallMethod, hl.OCallThis, hl.OCallClosure, hl.OThrow, hl.ORethrow, hl.OTrap:
			return nil
		}
	}
	if !hashed || called < 0 {
		return nil
	}
	return &reflectFun{kind: strings.TrimPrefix(g.finfo[findex], "$Reflect."), pos: g.opPos(f, called)}
}

// isDynAdd reports whether op is a call of Std.__add__ on two Dynamics into a
// Dynamic register (the op genOp inlines the Int + Int case of).
func (fw *fnWriter) isDynAdd(op *hl.Op) bool {
	if op.Code != hl.OCall2 || fw.g.m.NativeByIndex[op.P2] != nil || fw.g.finfo[op.P2] != "$Std.__add__" {
		return false
	}
	ft := fw.g.m.FuncType(op.P2)
	return ft != nil && len(ft.Fun.Args) == 2 && fw.reg(op.P1).Kind == hl.KDyn &&
		ft.Fun.Args[0].Kind == hl.KDyn && ft.Fun.Args[1].Kind == hl.KDyn && ft.Fun.Ret.Kind == hl.KDyn
}

// opReads returns the registers op reads (a register read through a
// reference is not listed: such registers are never folded).
func opReads(op *hl.Op) []int {
	switch op.Code {
	case hl.OMov, hl.ONeg, hl.ONot, hl.OToDyn, hl.OToSFloat, hl.OToUFloat, hl.OToInt, hl.OSafeCast,
		hl.OUnsafeCast, hl.OToVirtual, hl.OArraySize, hl.OGetType, hl.OGetTID, hl.ORef, hl.OUnref,
		hl.OEnumIndex, hl.ORefData, hl.OField, hl.ODynGet, hl.OVirtualClosure, hl.OEnumField:
		return []int{op.P2}
	case hl.OAdd, hl.OSub, hl.OMul, hl.OSDiv, hl.OUDiv, hl.OSMod, hl.OUMod, hl.OShl, hl.OSShr, hl.OUShr,
		hl.OAnd, hl.OOr, hl.OXor, hl.OGetI8, hl.OGetI16, hl.OGetMem, hl.OGetArray, hl.ORefOffset:
		return []int{op.P2, op.P3}
	case hl.OSetI8, hl.OSetI16, hl.OSetMem, hl.OSetArray:
		return []int{op.P1, op.P2, op.P3}
	case hl.OInt, hl.OFloat, hl.OBool, hl.OBytes, hl.OString, hl.ONull, hl.OCall0, hl.OStaticClosure,
		hl.OGetGlobal, hl.OType, hl.OEnumAlloc, hl.ONew, hl.OLabel, hl.ONop, hl.OAssert, hl.OJAlways,
		hl.OCatch, hl.OEndTrap, hl.OTrap:
		return nil
	case hl.OIncr, hl.ODecr, hl.ORet, hl.OThrow, hl.ORethrow, hl.ONullCheck, hl.OSwitch, hl.OPrefetch,
		hl.OJTrue, hl.OJFalse, hl.OJNull, hl.OJNotNull:
		return []int{op.P1}
	case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq,
		hl.OSetref:
		return []int{op.P1, op.P2}
	case hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN, hl.OCallMethod, hl.OMakeEnum:
		return op.CallArgs()
	case hl.OCallThis:
		return append([]int{0}, op.Extra...)
	case hl.OCallClosure:
		return append([]int{op.P2}, op.Extra...)
	case hl.OInstanceClosure:
		return []int{op.P3}
	case hl.OSetGlobal:
		return []int{op.P2}
	case hl.OGetThis:
		return []int{0}
	case hl.OSetField, hl.ODynSet, hl.OSetEnumField:
		return []int{op.P1, op.P3}
	case hl.OSetThis:
		return []int{0, op.P2}
	}
	// unknown: everything it names
	return append([]int{op.P1, op.P2, op.P3}, op.Extra...)
}

// opWrites returns the register op writes, or -1 (OTrap's exception register
// is written when an exception lands, not at the op: none here).
func opWrites(op *hl.Op) int {
	if op.Code == hl.OTrap || op.Code == hl.OIncr || op.Code == hl.ODecr {
		return -1 // (Incr/Decr read it too: treat as a read only)
	}
	return written(op)
}

// liveness holds, per op, the registers live on entry (bit sets).
type liveness struct {
	words int
	in    []uint64
	succ  [][]int
}

func (l *liveness) liveIn(i, r int) bool {
	if i >= len(l.in)/l.words {
		return false
	}
	return l.in[i*l.words+r/64]&(1<<(r%64)) != 0
}

// liveAfter reports whether register r may be read after op i.
func (l *liveness) liveAfter(i, r int) bool {
	for _, s := range l.succ[i] {
		if l.liveIn(s, r) {
			return true
		}
	}
	return false
}

func computeLiveness(f *hl.Function) *liveness { return livenessIn(f, 0, len(f.Ops)) }

// livenessIn computes liveness over ops lo..hi-1 as if nothing were read
// once control leaves them. Over the whole function that is liveness; over a
// region, the registers live on entry to lo are those it may read before
// writing them (lanes.go).
func livenessIn(f *hl.Function, lo, hi int) *liveness {
	n := len(f.Ops)
	words := (len(f.Regs) + 63) / 64
	if words == 0 {
		words = 1
	}
	l := &liveness{words: words, in: make([]uint64, (n+1)*words), succ: make([][]int, n)}
	for i := range f.Ops {
		op := &f.Ops[i]
		switch op.Code {
		case hl.ORet, hl.OThrow, hl.ORethrow:
		case hl.OJAlways:
			l.succ[i] = jumpTargets(op, i)
		default:
			l.succ[i] = append([]int{i + 1}, jumpTargets(op, i)...)
		}
	}
	// every op inside a trap may land in its handler
	for i := range f.Ops {
		if f.Ops[i].Code == hl.OTrap {
			end := i + 1 + f.Ops[i].P2
			for k := i + 1; k < end && k < n; k++ {
				l.succ[k] = append(l.succ[k], end)
			}
		}
	}
	reads := make([][]int, n)
	for i := range f.Ops {
		reads[i] = opReads(&f.Ops[i])
	}
	tmp := make([]uint64, words)
	for changed := true; changed; {
		changed = false
		for i := hi - 1; i >= lo; i-- {
			for w := range tmp {
				tmp[w] = 0
			}
			for _, s := range l.succ[i] {
				if s >= lo && s < hi {
					for w := 0; w < words; w++ {
						tmp[w] |= l.in[s*words+w]
					}
				}
			}
			if d := opWrites(&f.Ops[i]); d >= 0 && d < len(f.Regs) {
				tmp[d/64] &^= 1 << (d % 64)
			}
			for _, r := range reads[i] {
				if r >= 0 && r < len(f.Regs) {
					tmp[r/64] |= 1 << (r % 64)
				}
			}
			row := l.in[i*words : (i+1)*words]
			for w := range tmp {
				if row[w] != tmp[w] {
					row[w] = tmp[w]
					changed = true
				}
			}
		}
	}
	return l
}

// analyzeFusions decides the folds of fw.f (see the file comment).
func (fw *fnWriter) analyzeFusions() *fusions {
	g, f := fw.g, fw.f
	fz := &fusions{skip: map[int]bool{}, rawInt: map[int]map[int]string{}, copies: map[int]string{}, chain: map[int]*addChain{}, toi: map[int]int{},
		reflect: map[int]*reflectFun{}, name: map[int]string{}, callm: map[int]*callMethodFun{}, isOf: map[int]bool{}}
	// only functions with a candidate pay for the analysis
	cand := false
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Code == hl.ODynGet || op.Code == hl.OToDyn || fw.isDynAdd(op) || (op.Code == hl.OCall2 || op.Code == hl.OCall3) && g.reflectOf(op.P2) != nil ||
			op.Code == hl.OCall3 && g.callMethodOf(op.P2) != nil || op.Code == hl.OCall2 && g.isOfTypeOf(op.P2) {
			cand = true
			break
		}
	}
	// (the analysis holds a bit per register and op: giant functions go without)
	if !cand || len(f.Ops)*((len(f.Regs)+63)/64) > 1<<22 {
		return fz
	}
	n := len(f.Ops)
	label := map[int]bool{}
	noFold := map[int]bool{}
	for i := range f.Ops {
		op := &f.Ops[i]
		for _, t := range jumpTargets(op, i) {
			label[t] = true
		}
		if op.Code == hl.ORef {
			noFold[op.P2] = true
		}
	}
	for r := range fw.volatile {
		noFold[r] = true
	}
	lv := computeLiveness(f)
	dead := func(i, r int) bool { return !noFold[r] && !lv.liveAfter(i, r) }
	// castInto: op i+1 is "OSafeCast dst <- r" with r dead after it; returns dst's kind
	castAfter := func(i, r int) (hl.Kind, bool) {
		if i+1 >= n || label[i+1] {
			return 0, false
		}
		c := &f.Ops[i+1]
		if c.Code != hl.OSafeCast || c.P2 != r || c.P1 == r || !dead(i+1, r) {
			return 0, false
		}
		return fw.reg(c.P1).Kind, true
	}
	// constName: the constant String register r holds at op i (its definition in the same block)
	constName := func(i, r int) (string, bool) {
		if noFold[r] {
			return "", false
		}
		for k := i - 1; k >= 0; k-- {
			if label[k+1] {
				return "", false
			}
			if opWrites(&f.Ops[k]) != r {
				continue
			}
			op := &f.Ops[k]
			if op.Code != hl.OGetGlobal {
				return "", false
			}
			return g.constString(op.P2)
		}
		return "", false
	}
	for i := range f.Ops {
		op := &f.Ops[i]
		switch {
		case op.Code == hl.ODynGet && fw.reg(op.P1).Kind == hl.KDyn:
			if k, ok := castAfter(i, op.P1); ok && (k == hl.KI32 || k == hl.KF64) {
				fz.toi[i] = i + 1
				fz.skip[i+1] = true
			}
		case fw.isDynAdd(op):
			if k, ok := castAfter(i, op.P1); ok && k == hl.KI32 {
				fz.toi[i] = i + 1
				fz.skip[i+1] = true
			}
		case op.Code == hl.OCall2 && g.isOfTypeOf(op.P2):
			if args := op.CallArgs(); isClassObject(fw.reg(args[1])) && fw.reg(args[0]).Kind.IsDynamic() {
				fz.isOf[i] = true
			}
		case op.Code == hl.OCall3 && g.callMethodOf(op.P2) != nil:
			if args := op.CallArgs(); fw.reg(args[2]).Kind == hl.KObj && fw.reg(args[2]) == g.m.FuncType(op.P2).Fun.Args[2] && fw.reg(args[1]).Kind.IsDynamic() {
				fz.callm[i] = g.callMethodOf(op.P2)
			}
		case (op.Code == hl.OCall2 || op.Code == hl.OCall3) && g.reflectOf(op.P2) != nil:
			rf := g.reflectOf(op.P2)
			args := op.CallArgs()
			ft := g.m.FuncType(op.P2)
			want := 2
			if rf.kind == "setField" {
				want = 3
			}
			if len(args) != want || ft == nil || len(ft.Fun.Args) != want || ft.Fun.Args[0].Kind != hl.KDyn ||
				(want == 3 && ft.Fun.Args[2].Kind != hl.KDyn) || !fw.reg(args[0]).Kind.IsDynamic() {
				continue
			}
			name, ok := constName(i, args[1])
			if !ok || name == "" {
				continue
			}
			fz.reflect[i] = rf
			fz.name[i] = name
			if rf.kind == "field" && fw.reg(op.P1).Kind == hl.KDyn {
				if k, ok := castAfter(i, op.P1); ok && k == hl.KI32 {
					fz.toi[i] = i + 1
					fz.skip[i+1] = true
				}
			}
		}
	}
	// sink boxes of Ints into the use that consumes them
	for k := range f.Ops {
		op := &f.Ops[k]
		if op.Code != hl.OToDyn || fz.skip[k] || fw.reg(op.P2).Kind != hl.KI32 || noFold[op.P1] {
			continue
		}
		if bk := fw.reg(op.P1).Kind; bk != hl.KDyn && !(bk == hl.KNull && fw.reg(op.P1).Param.Kind == hl.KI32) {
			continue
		}
		b, src := op.P1, op.P2
		for j := k + 1; j < n && !label[j]; j++ {
			u := &f.Ops[j]
			reads := opReads(u)
			uses := 0
			for _, r := range reads {
				if r == b {
					uses++
				}
			}
			if uses == 0 {
				// (the Int is copied at k: it may change before j)
				if opWrites(u) == b || fz.skip[j] {
					break
				}
				continue
			}
			ok := uses == 1 && (opWrites(u) == b || dead(j, b))
			switch {
			case !ok:
			case fw.isDynAdd(u):
				args := u.CallArgs()
				ok = args[0] == b || args[1] == b
			case fz.reflect[j] != nil && fz.reflect[j].kind == "setField":
				ok = u.CallArgs()[2] == b
			default:
				ok = false
			}
			if ok {
				if fz.rawInt[j] == nil {
					fz.rawInt[j] = map[int]string{}
				}
				tmp := fmt.Sprintf("s%d_", k)
				if j == k+1 {
					tmp = rn(src) // nothing in between: the register itself
					fz.skip[k] = true
				} else {
					fz.copies[k] = tmp
				}
				fz.rawInt[j][b] = tmp
			}
			break
		}
	}
	fw.findAddChains(fz, label, dead)
	return fz
}

// findAddChains finds the chains of addChain: ODynGet d0; adds d_i = d_(i-1) +
// raw Int (either order) with d_(i-1) dead after; only sunk box copies between.
func (fw *fnWriter) findAddChains(fz *fusions, label map[int]bool, dead func(i, r int) bool) {
	f := fw.f
	n := len(f.Ops)
	for s := range f.Ops {
		op := &f.Ops[s]
		if op.Code != hl.ODynGet || fw.reg(op.P1).Kind != hl.KDyn || fz.toi[s] != 0 || fz.skip[s] {
			continue
		}
		cur := op.P1
		var adds []int
		for j := s + 1; j < n && !label[j]; j++ {
			u := &f.Ops[j]
			if fz.copies[j] != "" || fz.skip[j] && u.Code == hl.OToDyn {
				continue
			}
			if !fw.isDynAdd(u) || fz.rawInt[j] == nil || len(fz.rawInt[j]) != 1 {
				break
			}
			args := u.CallArgs()
			other := args[0]
			if other == cur {
				other = args[1]
			}
			if args[0] != cur && args[1] != cur || args[0] == args[1] || fz.rawInt[j][other] == "" ||
				!(u.P1 == cur || dead(j, cur)) {
				break
			}
			adds = append(adds, j)
			cur = u.P1
			if fz.toi[j] != 0 {
				break
			}
		}
		if len(adds) == 0 {
			continue
		}
		last := adds[len(adds)-1]
		fz.chain[last] = &addChain{get: s, adds: adds}
		fz.skip[s] = true
		for _, a := range adds[:len(adds)-1] {
			fz.skip[a] = true
		}
	}
}

// chainFused emits an addChain at its last add.
func (fw *fnWriter) chainFused(ch *addChain) string {
	g, f := fw.g, fw.f
	get := &f.Ops[ch.get]
	h := g.hash(g.m.Strings[get.P3])
	var fast []string
	for _, a := range ch.adds {
		for _, v := range fw.fz.rawInt[a] {
			fast = append(fast, fmt.Sprintf("c_ = (int32_t)((uint32_t)c_ + (uint32_t)%s);", v))
		}
	}
	last := ch.adds[len(ch.adds)-1]
	if c, ok := fw.fz.toi[last]; ok {
		fast = append(fast, fw.set(f.Ops[c].P1, "c_", &hl.Type{Kind: hl.KI32}))
	} else {
		fast = append(fast, fmt.Sprintf("%s = hx_box_i32(c_);", rn(f.Ops[last].P1)))
	}
	slow := []string{fmt.Sprintf("%s = d_;", rn(get.P1))}
	for _, a := range ch.adds {
		slow = append(slow, fw.dynAddFused(a))
	}
	return fmt.Sprintf("%s{ "+icDecl+" int32_t c_; vdynamic *d_ = hx_dyn_get_num_ic((vdynamic *)%s, %d, &c_, ic_); if (d_ == HX_NUM_I32) { %s } else { %s } }",
		fw.setPos(ch.get), rn(get.P2), h, strings.Join(fast, " "), strings.Join(slow, " "))
}

// constString returns the text of global gi when it is a constant String
// never written by the program.
func (g *gen) constString(gi int) (string, bool) {
	if g.constStrs == nil {
		g.constStrs = map[int]string{}
		written := map[int]bool{}
		for _, f := range g.m.Functions {
			for i := range f.Ops {
				if f.Ops[i].Code == hl.OSetGlobal {
					written[f.Ops[i].P1] = true
				}
			}
		}
		for _, c := range g.m.Constants {
			t := g.m.Globals[c.Global]
			if written[c.Global] || t.Obj == nil || t.Obj.Name != "String" || len(c.Fields) < 1 {
				continue
			}
			l := g.objLayoutOf(t)
			nParent := len(l.fields) - len(t.Obj.Fields)
			for k, idx := range c.Fields {
				if nParent+k < len(l.fields) && l.fields[nParent+k].Type.Kind == hl.KBytes && idx >= 0 && idx < len(g.m.Strings) {
					g.constStrs[c.Global] = g.m.Strings[idx]
					break
				}
			}
		}
	}
	s, ok := g.constStrs[gi]
	return s, ok
}

// coldPos sets fr.line for a call on a slow path: it does not count as the
// current position afterwards (the fast path did not store it).
func (fw *fnWriter) coldPos(i int) string {
	p, ok := fw.framePos(i)
	if !ok {
		return ""
	}
	return fmt.Sprintf("fr.line = %d; ", p)
}

// dynAddFused emits the Dynamic add of op i with its folds: operands boxed
// from Ints are used raw (boxed only for Std.__add__), and a folded Int cast
// of the result takes the Int + Int sum unboxed.
func (fw *fnWriter) dynAddFused(i int) string {
	g, op := fw.g, &fw.f.Ops[i]
	args := op.CallArgs()
	raw := fw.fz.rawInt[i]
	var decl, checks, vals, boxed []string
	for k, a := range args {
		v := fmt.Sprintf("a%d_", k)
		if src, ok := raw[a]; ok {
			decl = append(decl, fmt.Sprintf("int32_t %s = %s;", v, src))
			vals = append(vals, "(uint32_t)"+v)
			boxed = append(boxed, fmt.Sprintf("hx_box_i32(%s)", v))
		} else {
			decl = append(decl, fmt.Sprintf("vdynamic *%s = %s;", v, rn(a)))
			checks = append(checks, fmt.Sprintf("%s && %s->t->kind == HX_I32", v, v))
			vals = append(vals, fmt.Sprintf("(uint32_t)%s->v.i", v))
			boxed = append(boxed, v)
		}
	}
	sum := fmt.Sprintf("(int32_t)(%s + %s)", vals[0], vals[1])
	cond := strings.Join(checks, " && ")
	if cond == "" {
		cond = "1"
	}
	call := fmt.Sprintf("%s(%s, %s)", g.funcName[op.P2], boxed[0], boxed[1])
	slow := fw.coldPos(i) + fw.callSet(op.P1, call, &hl.Type{Kind: hl.KDyn})
	var fast string
	if c, ok := fw.fz.toi[i]; ok {
		cast := &fw.f.Ops[c]
		fast = fw.set(cast.P1, sum, &hl.Type{Kind: hl.KI32})
		slow += " " + fw.set(cast.P1, fmt.Sprintf("hx_dyn_toi(%s, %s)", rn(op.P1), g.tx(fw.reg(cast.P1))), &hl.Type{Kind: hl.KI32})
	} else {
		fast = fmt.Sprintf("%s = hx_box_i32(%s);", rn(op.P1), sum)
	}
	return fmt.Sprintf("{ %s if (%s) { %s } else { %s } }", strings.Join(decl, " "), cond, fast, slow)
}

// reflectFused emits a Reflect.field/setField/hasField call with a constant
// name: the runtime entry with the hash, inside a frame of the Reflect
// function at the position of its native call (traces stay the same).
func (fw *fnWriter) reflectFused(i int) string {
	g, op := fw.g, &fw.f.Ops[i]
	rf := fw.fz.reflect[i]
	args := op.CallArgs()
	h := g.hash(fw.fz.name[i])
	o := fmt.Sprintf("(vdynamic *)%s", rn(args[0]))
	var body string
	switch rf.kind {
	case "field":
		if c, ok := fw.fz.toi[i]; ok {
			cast := &fw.f.Ops[c]
			body = icDecl + " " + fw.set(cast.P1, fmt.Sprintf("hx_reflect_get_toi_ic(%s, %d, %s, ic_)", o, h, g.tx(fw.reg(cast.P1))), &hl.Type{Kind: hl.KI32})
		} else {
			body = icDecl + " " + fw.callSet(op.P1, fmt.Sprintf("hx_reflect_get_ic(%s, %d, ic_)", o, h), &hl.Type{Kind: hl.KDyn})
		}
	case "hasField":
		body = fw.callSet(op.P1, fmt.Sprintf("hx_reflect_has(%s, %d)", o, h), &hl.Type{Kind: hl.KBool})
	case "setField":
		if src, ok := fw.fz.rawInt[i][args[2]]; ok {
			body = fmt.Sprintf("%s hx_dyn_seti_ic(%s, %d, %s, ic_);", icDecl, o, h, src)
		} else {
			body = fmt.Sprintf("hx_reflect_set(%s, %d, (vdynamic *)%s);", o, h, rn(args[2]))
		}
	}
	return fmt.Sprintf("%s{ hx_frame f_; f_.prev = ctx->frame; f_.fid = %s; f_.line = %d; ctx->frame = &f_; %s ctx->frame = f_.prev; }",
		fw.setPos(i), g.fidSym(op.P2), rf.pos, body)
}
