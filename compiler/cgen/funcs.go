package cgen

import (
	"fmt"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

type fnWriter struct {
	g         *gen
	f         *hl.Function
	w         writer
	volatile  map[int]bool
	curFile   int
	curLine   int // the line the C preprocessor believes the next line has
	lastPos   int32
	depth     int
	maxDepth  int
	frameless bool // no op can call (throws only on null-check paths): no shadow frame, no stack check
	open      bool // a C line of ops is not terminated yet
	openFile  int
	openLine  int
	fz        *fusions // folded op runs (dynfuse.go)

	copyPrefix     string // labels of a fast loop copy (loops.go) while one is written
	copyLo, copyHi int
	jumpPreds      map[int][]int     // jump target -> the ops that jump there (preds)
	lastBacks      map[int]int       // loop head -> its last back edge (loopBacks)
	alias          map[int]string    // register -> the C variable ops write instead (lanes.go)
	laneBack       map[int]*laneLoop // outer head -> its lanes: the loop's own back edges go to their commit
	prom           *promotion        // the loop with fields in locals being written (promote.go)
	slowPrefix     string            // labels of ops written a second time: a slow trip (promote.go), a solo trip (lanes.go)
	slowLo, slowHi int
}

func (fw *fnWriter) fail(op int, format string, args ...any) {
	fw.g.fail(fw.f.FIndex, op, format, args...)
}

func (fw *fnWriter) reg(r int) *hl.Type {
	if r < 0 || r >= len(fw.f.Regs) {
		fw.fail(-1, "register %d out of range", r)
	}
	return fw.f.Regs[r]
}

func rn(r int) string { return fmt.Sprintf("r%d", r) }

// regName is the C name of register r in the op being written: its own,
// or the lane copy that stands for it (lanes.go).
func (fw *fnWriter) regName(r int) string {
	if n, ok := fw.alias[r]; ok {
		return n
	}
	return rn(r)
}

// written returns the register an op writes, or -1.
func written(op *hl.Op) int {
	switch op.Code {
	case hl.OSetGlobal, hl.OSetField, hl.OSetThis, hl.ODynSet, hl.OJTrue, hl.OJFalse, hl.OJNull,
		hl.OJNotNull, hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt,
		hl.OJNotGte, hl.OJEq, hl.OJNotEq, hl.OJAlways, hl.OLabel, hl.ORet, hl.OThrow, hl.ORethrow,
		hl.OSwitch, hl.ONullCheck, hl.OEndTrap, hl.OSetI8, hl.OSetI16, hl.OSetMem, hl.OSetArray,
		hl.OSetref, hl.OSetEnumField, hl.OAssert, hl.ONop, hl.OPrefetch, hl.OAsm, hl.OCatch:
		return -1
	}
	return op.P1
}

func jumpTargets(op *hl.Op, i int) []int {
	switch op.Code {
	case hl.OJTrue, hl.OJFalse, hl.OJNull, hl.OJNotNull, hl.OTrap:
		return []int{i + 1 + op.P2}
	case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq:
		return []int{i + 1 + op.P3}
	case hl.OJAlways:
		return []int{i + 1 + op.P1}
	case hl.OSwitch:
		var t []int
		for _, o := range op.Extra {
			t = append(t, i+1+o)
		}
		return t
	}
	return nil
}

func (fw *fnWriter) gen() string {
	g, f := fw.g, fw.f
	ft := f.Type.Fun
	if len(f.Regs) < len(ft.Args) {
		fw.fail(-1, "fewer registers than arguments")
	}
	nops := len(f.Ops)
	labels := map[int]bool{}
	fw.volatile = map[int]bool{}
	hasTrap := false
	used := map[int]bool{}
	for i := range f.Ops {
		op := &f.Ops[i]
		if op.Code == hl.OAsm {
			fw.fail(i, "OAsm (inline machine code) cannot be translated to C")
		}
		for _, t := range jumpTargets(op, i) {
			if t < 0 || t > nops {
				fw.fail(i, "jump target %d out of range", t)
			}
			labels[t] = true
		}
		if op.Code == hl.OTrap {
			hasTrap = true
			end := i + 1 + op.P2
			for k := i + 1; k < end && k < nops; k++ {
				if r := written(&f.Ops[k]); r >= 0 {
					fw.volatile[r] = true
				}
			}
		}
		for _, r := range regsOf(op) {
			if r >= 0 && r < len(f.Regs) {
				used[r] = true
			}
		}
	}
	if hasTrap {
		for i := range f.Ops {
			if f.Ops[i].Code == hl.ORef {
				fw.volatile[f.Ops[i].P2] = true
			}
		}
	}
	w := &fw.w
	fw.curFile, fw.curLine = -1, -1
	fw.lastPos = -1
	if len(f.Debug) > 0 {
		fw.lineDirective(0)
	}
	w.p("%s {\n", fw.defProto())
	fw.advance(1)
	fw.frameless = fw.isLeaf()
	if !fw.frameless {
		w.p("\tHX_ENTER(ctx, fr, %s);\n", g.fidSym(f.FIndex))
		fw.advance(1)
	}
	fw.fz = fw.analyzeFusions()
	// declarations
	var decl strings.Builder
	for k := range f.Ops {
		if c := fw.fz.copies[k]; c != "" {
			fmt.Fprintf(&decl, "int32_t %s = 0; ", c)
		}
	}
	for r := len(ft.Args); r < len(f.Regs); r++ {
		t := f.Regs[r]
		if t.Kind == hl.KVoid || !used[r] {
			continue
		}
		vol := ""
		if fw.volatile[r] {
			vol = "volatile "
		}
		ct := g.ctype(t)
		// registers may be written and never read: no warning for those
		if vol != "" && strings.HasSuffix(ct, "*") {
			fmt.Fprintf(&decl, "%s %sr%d HX_REG = 0; ", ct, vol, r)
		} else {
			fmt.Fprintf(&decl, "%s%s r%d HX_REG = 0; ", vol, ct, r)
		}
	}
	loops := fw.findCountedLoops()
	lanes := fw.findLaneLoops(loops)
	nests := fw.findNestCopies(loops, lanes)
	fw.nestLabels(nests, labels)
	decl.WriteString(nestDecls(nests))
	laneLabels(lanes, labels)
	decl.WriteString(fw.laneDecls(lanes))
	fw.laneBack = lanes
	if decl.Len() > 0 {
		w.p("\t%s\n", decl.String())
		fw.advance(1)
	}
	// trap contexts: one per nesting level (same linear depth rule as OTrap/OEndTrap)
	depth, maxDepth := 0, 0
	for i := range f.Ops {
		switch f.Ops[i].Code {
		case hl.OTrap:
			depth++
			if depth > maxDepth {
				maxDepth = depth
			}
		case hl.OEndTrap:
			if f.Ops[i].P1 != 0 && depth > 0 {
				depth--
			}
		}
	}
	if maxDepth > 0 {
		var tr []string
		for d := 0; d < maxDepth; d++ {
			tr = append(tr, fmt.Sprintf("tr%d", d))
		}
		w.p("\thx_trap %s;\n", strings.Join(tr, ", "))
		fw.advance(1)
	}
	for i := range f.Ops {
		if l := loops[i]; l != nil {
			fw.emitFastLoop(l, labels)
		}
		if labels[i] {
			fw.emitLabel(i)
		}
		if n := nests[i]; n != nil {
			fw.emitNestCopy(n)
		}
		if ln := lanes[i]; ln != nil {
			fw.emitLanes(ln)
		}
		if !fw.fz.skip[i] {
			fw.genOp(i)
		}
	}
	if labels[nops] {
		fw.emitLabel(nops)
	}
	fw.flush()
	w.s("}\n")
	return w.buf.String()
}

// defProto is the definition's prototype: arguments live across a trap are volatile.
func (fw *fnWriter) defProto() string {
	g, ft := fw.g, fw.f.Type.Fun
	var args []string
	for i, a := range ft.Args {
		if a.Kind == hl.KVoid {
			continue
		}
		if fw.volatile[i] {
			args = append(args, fmt.Sprintf("%s volatile r%d", g.ctype(a), i))
		} else {
			args = append(args, fmt.Sprintf("%s r%d", g.ctype(a), i))
		}
	}
	if len(args) == 0 {
		args = []string{"void"}
	}
	return fmt.Sprintf("%s %s(%s)", g.ctype(ft.Ret), g.funcName[fw.f.FIndex], strings.Join(args, ", "))
}

// advance records that n lines were written (for #line bookkeeping).
func (fw *fnWriter) advance(n int) {
	if fw.curLine >= 0 {
		fw.curLine += n
	}
}

func (fw *fnWriter) pos(i int) (int, int) {
	if i < len(fw.f.Debug) {
		return fw.f.Debug[i].File, fw.f.Debug[i].Line
	}
	return -1, 0
}

func (fw *fnWriter) lineDirective(i int) {
	if fw.g.opt.NoLines {
		return
	}
	file, line := fw.pos(i)
	if file < 0 || file >= len(fw.g.m.DebugFiles) {
		return
	}
	if file == fw.curFile && line == fw.curLine {
		return
	}
	fw.w.p("#line %d %s\n", line, clit(fw.g.m.DebugFiles[file]))
	fw.curFile, fw.curLine = file, line
}

// flush terminates the C line that ops are being appended to.
func (fw *fnWriter) flush() {
	if fw.open {
		fw.w.s("\n")
		fw.advance(1)
		fw.open = false
	}
}

func (fw *fnWriter) emitLabel(i int) { fw.labelLine(fmt.Sprintf("L%d", i)) }

// labelLine writes label name on a line of its own: a join, after which the
// frame's line is not known.
func (fw *fnWriter) labelLine(name string) {
	fw.flush()
	fw.w.p("%s:;\n", name)
	fw.advance(1)
	fw.lastPos = -1
}

// line emits the C of op i: ops of the same source position share one C
// line, so that #line directives are only needed when the position changes.
func (fw *fnWriter) line(i int, code string) {
	file, ln := fw.pos(i)
	if fw.open && file == fw.openFile && ln == fw.openLine {
		fw.w.s(" " + code)
		return
	}
	fw.flush()
	fw.lineDirective(i)
	fw.w.s("\t" + code)
	fw.open, fw.openFile, fw.openLine = true, file, ln
}

// isLeaf reports whether no op of the function can call code: such a function
// cannot recurse and its stack use is bounded, so it needs neither a shadow
// frame nor a stack check (hot numeric helpers such as nbody's advance). The
// only throws it may contain are null checks, which push the frame on their
// cold path (throwPos). Calls of inline math intrinsics are no calls.
func (fw *fnWriter) isLeaf() bool {
	for i := range fw.f.Ops {
		op := &fw.f.Ops[i]
		switch op.Code {
		case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN:
			if nat := fw.g.m.NativeByIndex[op.P2]; nat == nil || intrinsic(nat) == "" {
				return false
			}
		case hl.OCallMethod, hl.OCallThis,
			hl.OCallClosure, hl.OThrow, hl.ORethrow, hl.ODynGet, hl.ODynSet, hl.OSafeCast,
			hl.OToVirtual, hl.OTrap, hl.OEndTrap, hl.OAssert, hl.OVirtualClosure, hl.ONew, hl.OToDyn:
			return false
		case hl.OField:
			if t := fw.reg(op.P2); t.Kind != hl.KObj && t.Kind != hl.KStruct {
				return false
			}
		case hl.OSetField:
			if t := fw.reg(op.P1); t.Kind != hl.KObj && t.Kind != hl.KStruct {
				return false
			}
		case hl.OGetThis, hl.OSetThis:
			if t := fw.reg(0); t.Kind != hl.KObj && t.Kind != hl.KStruct {
				return false
			}
		case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq:
			if !isNum(fw.reg(op.P1).Kind) || !isNum(fw.reg(op.P2).Kind) {
				return false
			}
		}
	}
	return true
}

// linePos is the fr.line value of a source position: the file's id in the
// top 11 bits, the line in the low 21 (hx.h decodes it for traces).
func (g *gen) linePos(file, line int) int32 {
	return int32(uint32(g.fileID[file])<<21 | uint32(line)&0x1FFFFF)
}

// opPos is the fr.line value of op i of f, 0 when it has no position.
func (g *gen) opPos(f *hl.Function, i int) int32 {
	if i >= 0 && i < len(f.Debug) {
		if file, line := f.Debug[i].File, f.Debug[i].Line; file >= 0 && file < len(g.fileID) {
			return g.linePos(file, line)
		}
	}
	return 0
}

// framePos is op i's fr.line value, if the function has a frame and op i a position.
func (fw *fnWriter) framePos(i int) (int32, bool) {
	if fw.frameless {
		return 0, false
	}
	file, line := fw.pos(i)
	if file < 0 {
		return 0, false
	}
	return fw.g.linePos(file, line), true
}

// setPos returns the statement updating fr.line before op i if needed.
func (fw *fnWriter) setPos(i int) string {
	p, ok := fw.framePos(i)
	if !ok || p == fw.lastPos {
		return ""
	}
	fw.lastPos = p
	return fmt.Sprintf("fr.line = %d; ", p)
}

// throwPos returns the statement setting fr.line to op i's position on a path
// that only throws: it does not count as the current line afterwards, so hot
// paths (null checks in loops) store nothing.
// In a frameless function it pushes the whole frame there instead (HX_THROW_FRAME),
// so the trace is the same as with HX_ENTER.
func (fw *fnWriter) throwPos(i int) string {
	if p := fw.prom; p != nil && i >= p.head && i <= p.back {
		return p.storeBack() + fw.throwLine(i) // memory holds the fields when the exception is seen
	}
	return fw.throwLine(i)
}

func (fw *fnWriter) throwLine(i int) string {
	file, line := fw.pos(i)
	p := int32(0)
	if file >= 0 {
		p = fw.g.linePos(file, line)
	}
	if fw.frameless {
		return fmt.Sprintf("HX_THROW_FRAME(%s, %d); ", fw.g.fidSym(fw.f.FIndex), p)
	}
	if file < 0 {
		return ""
	}
	return fmt.Sprintf("fr.line = %d; ", p)
}

func regsOf(op *hl.Op) []int {
	var out []int
	kinds := opKinds(op.Code)
	ops := append([]int{op.P1, op.P2, op.P3}, op.Extra...)
	for k, c := range kinds {
		if c == 'r' && k < len(ops) {
			out = append(out, ops[k])
		}
		if c == '*' {
			out = append(out, op.Extra...)
		}
	}
	if op.Code == hl.OCall2 || op.Code == hl.OCall3 || op.Code == hl.OCall4 {
		out = append(out, op.Extra...)
	}
	if op.Code == hl.OEnumField {
		out = []int{op.P1, op.P2}
	}
	return out
}

func opKinds(c hl.Opcode) string {
	switch c {
	case hl.OMov, hl.ONeg, hl.ONot, hl.OToDyn, hl.OToSFloat, hl.OToUFloat, hl.OToInt, hl.OSafeCast,
		hl.OUnsafeCast, hl.OToVirtual, hl.OArraySize, hl.OGetType, hl.OGetTID, hl.ORef, hl.OUnref,
		hl.OSetref, hl.OEnumIndex, hl.ORefData:
		return "rr"
	case hl.OAdd, hl.OSub, hl.OMul, hl.OSDiv, hl.OUDiv, hl.OSMod, hl.OUMod, hl.OShl, hl.OSShr, hl.OUShr,
		hl.OAnd, hl.OOr, hl.OXor, hl.OGetI8, hl.OGetI16, hl.OGetMem, hl.OGetArray, hl.OSetI8, hl.OSetI16,
		hl.OSetMem, hl.OSetArray, hl.ORefOffset:
		return "rrr"
	case hl.OInt, hl.OFloat, hl.OBool, hl.OBytes, hl.OString, hl.OCall0, hl.OStaticClosure, hl.OGetGlobal,
		hl.OGetThis, hl.OType, hl.OEnumAlloc:
		return "r"
	case hl.ONull, hl.OIncr, hl.ODecr, hl.ORet, hl.OThrow, hl.ORethrow, hl.ONullCheck, hl.ONew:
		return "r"
	case hl.OCall1:
		return "r_r"
	case hl.OCall2, hl.OCall3, hl.OCall4:
		return "r_r"
	case hl.OCallN, hl.OCallMethod, hl.OCallThis, hl.OMakeEnum:
		return "r__*"
	case hl.OCallClosure:
		return "rr_*"
	case hl.OInstanceClosure:
		return "r_r"
	case hl.OVirtualClosure:
		return "rr"
	case hl.OSetGlobal:
		return "_r"
	case hl.OField:
		return "rr"
	case hl.OSetField:
		return "r_r"
	case hl.OSetThis:
		return "_r"
	case hl.ODynGet:
		return "rr"
	case hl.ODynSet:
		return "r_r"
	case hl.OJTrue, hl.OJFalse, hl.OJNull, hl.OJNotNull, hl.OTrap:
		return "r"
	case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq:
		return "rr"
	case hl.OSwitch:
		return "r"
	case hl.OSetEnumField:
		return "r_r"
	case hl.OPrefetch:
		return "r"
	}
	return ""
}
