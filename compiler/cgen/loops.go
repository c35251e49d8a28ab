package cgen

import (
	"fmt"
	"maps"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// loops.go: a fast copy of small counted loops over arrays.
//
// Haxe's loops over arrays compile to this shape (`for (i in a...b)`,
// `for (x in array)`, `while (i < n) { ...; i++; }`):
//
//	h:      [len = a.length]                  header prefix (for x in a: the bound is reloaded)
//	        if (ctr >= bound) goto exit
//	        ...  [idx = ctr]  ...  ctr++  ...  (ctr++ exactly once per iteration)
//	        len = a.length; if ((uint32)i < (uint32)len) goto in; <out of bounds>; in: ...
//	back:   goto h
//	exit:
//
// where i is ctr before its increment, a copy idx of it, or i + K for a
// constant K (a[i - 1], a[i + 1]: stencils). When the body cannot call out,
// allocate or write an object field (so no array changes length), a guard in
// front of the loop (ctr + K >= 0 and bound + K <= length for every indexed
// array and offset K used with it) proves those bounds checks, and the loop
// runs as a copy without them, two iterations per trip: independent work of
// neighbouring iterations then sits in one basic block, where gcc's
// vectoriser pairs it (two divisions in one divpd for spectral-norm). Every
// operation keeps its order, so results are bit-identical; the last odd
// iteration, and every loop whose guard fails, runs the ordinary loop that
// follows the copy. Out-of-bounds paths (a write growing the array) become
// dead code in the copy.

// countedLoop is a loop the fast copy applies to.
type countedLoop struct {
	head, check, back int // the loop's first op (its label), its exit check, its back edge
	prefix            int // first op of the header prefix (check == prefix when none)
	ctr, bound        int
	incr              int            // the op ctr++
	known             map[[2]int]int // {op, register} -> K: the register holds i + K there (i: ctr before ctr++)
	arrays            []int          // registers whose length the guard compares with bound
	lengthField       map[int]int    // array register -> its length field index
	minK, maxK        map[int]int    // array register -> the extreme offsets its proven checks use
	proven            map[int]bool   // bounds checks the guard proves (in-bounds branch always taken)
	dead              map[int]bool   // ops only reachable through a proven check's out-of-bounds path
}

const (
	maxUnrolledOps = 80   // body size beyond which the copy is not worth its code
	fastChunk      = 4096 // iterations between safepoint polls in a fast copy
)

// findCountedLoops returns the loops of fw.f the fast copy applies to, by head op.
func (fw *fnWriter) findCountedLoops() map[int]*countedLoop {
	f := fw.f
	if fw.g.opt.Plain {
		return nil
	}
	var loops map[int]*countedLoop
	for back := range f.Ops {
		op := &f.Ops[back]
		if op.Code != hl.OJAlways || op.P1 >= 0 {
			continue
		}
		if l := fw.countedLoopAt(back+1+op.P1, back); l != nil {
			if loops == nil {
				loops = map[int]*countedLoop{}
			}
			loops[l.head] = l
		}
	}
	return loops
}

// indexProven reports whether register r, read at op k, holds i + K for a
// known constant K.
func (l *countedLoop) indexProven(r, k int) bool {
	_, ok := l.known[[2]int{k, r}]
	return ok
}

const maxIndexOffset = 1 << 16 // a[i + K] with |K| beyond this is not worth proving

// findIndices fills l.known: where a register holds i + K, i being ctr's value
// before this iteration's ctr++. ctr is i before ctr++ and i + 1 after it; a
// copy `idx = ctr` that no jump skips holds its value for the rest of the
// body; `t = x + c` or `t = x - c` with c set by the op just before (Haxe's
// a[i + 1]) holds until t is written again or control can arrive from
// elsewhere (a label).
//
// through maps a label to the proven check that is its only live entry (the
// ops between are dead in the copy): the facts at the check hold there too.
func (fw *fnWriter) findIndices(l *countedLoop, writes map[int]int, through map[int]int) {
	f, preds := fw.f, fw.preds()
	l.known = map[[2]int]int{}
	skipped := func(m int) bool { // does a jump go over op m?
		for j := l.check + 1; j < m; j++ {
			for _, t := range jumpTargets(&f.Ops[j], j) {
				if t > m {
					return true
				}
			}
		}
		return false
	}
	copies := map[int]int{} // register -> K, for the rest of the body
	temps := map[int]int{}  // register -> K, until a label or a write
	at := map[int]map[int]int{}
	for k := l.check + 1; k < l.back; k++ {
		if len(preds[k]) > 0 { // a label
			temps = map[int]int{}
			if src, ok := through[k]; ok {
				for r, v := range at[src] {
					temps[r] = v
				}
			}
		}
		if f.Ops[k].Code == hl.OJULt {
			at[k] = maps.Clone(temps)
		}
		kOf := func(r int) (int, bool) {
			if r == l.ctr {
				if k <= l.incr {
					return 0, true
				}
				return 1, true
			}
			if v, ok := copies[r]; ok {
				return v, true
			}
			v, ok := temps[r]
			return v, ok
		}
		op := &f.Ops[k]
		for _, r := range regsOf(op) {
			if v, ok := kOf(r); ok {
				l.known[[2]int{k, r}] = v
			}
		}
		r := written(op)
		if r < 0 || r == l.ctr {
			continue
		}
		delete(temps, r)
		switch {
		case op.Code == hl.OMov && writes[r] == 1 && r != l.bound && !skipped(k):
			if v, ok := kOf(op.P2); ok && op.P2 != r {
				copies[r] = v
			}
		case (op.Code == hl.OAdd || op.Code == hl.OSub) && k > 0 && f.Ops[k-1].Code == hl.OInt:
			c := int(fw.g.m.Ints[f.Ops[k-1].P2])
			x, kr := op.P2, op.P3
			if op.Code == hl.OAdd && f.Ops[k-1].P1 == x {
				x, kr = kr, x
			}
			if f.Ops[k-1].P1 != kr || x == r || c > maxIndexOffset || c < -maxIndexOffset {
				break
			}
			if v, ok := kOf(x); ok {
				if op.Code == hl.OSub {
					c = -c
				}
				temps[r] = v + c
			}
		}
	}
}

// countedLoopAt returns the loop from op h to its back edge back, if the fast copy applies to it.
func (fw *fnWriter) countedLoopAt(h, back int) *countedLoop {
	f, preds := fw.f, fw.preds()
	if h < 0 || h >= back {
		return nil
	}
	p := h
	if f.Ops[p].Code == hl.OLabel {
		p++
	}
	l := &countedLoop{head: h, prefix: p, back: back, lengthField: map[int]int{},
		minK: map[int]int{}, maxK: map[int]int{}, proven: map[int]bool{}, dead: map[int]bool{}}
	boundArr := -1 // the array whose length the prefix loads into bound
	for c := p; c < back && c < p+4; c++ {
		op := &f.Ops[c]
		if op.Code == hl.OJSGte {
			l.check = c
			break
		}
		if op.Code == hl.OField && fw.isArrayLength(op.P2, op.P3) {
			boundArr = op.P2
			l.bound = op.P1
			continue
		}
		if op.Code != hl.ONullCheck {
			return nil
		}
	}
	c := l.check
	if c == 0 || back-c > maxUnrolledOps {
		return nil
	}
	hd := &f.Ops[c]
	if c+1+hd.P3 != back+1 || (boundArr >= 0 && hd.P2 != l.bound) {
		return nil
	}
	if boundArr < 0 {
		l.bound = hd.P2
	}
	l.ctr = hd.P1
	if l.ctr == l.bound || fw.reg(l.ctr).Kind != hl.KI32 || fw.reg(l.bound).Kind != hl.KI32 ||
		fw.volatile[l.ctr] || fw.volatile[l.bound] {
		return nil
	}
	// nothing outside the loop jumps into it past its head
	for t := h + 1; t <= back; t++ {
		for _, src := range preds[t] {
			if src < h || src > back {
				return nil
			}
		}
	}
	writes := map[int]int{}
	l.incr = -1
	for k := c + 1; k < back; k++ {
		op := &f.Ops[k]
		for _, t := range jumpTargets(op, k) {
			if t <= k || (t > back && t != back+1) { // forward within the body, or the exit
				return nil
			}
		}
		r := written(op)
		if r < 0 {
			continue
		}
		if fw.volatile[r] {
			return nil
		}
		writes[r]++
		if op.Code == hl.OIncr && r == l.ctr {
			l.incr = k
		}
	}
	if l.incr < 0 || writes[l.ctr] != 1 || (boundArr < 0 && writes[l.bound] > 0) || (boundArr >= 0 && writes[boundArr] > 0) {
		return nil
	}
	// ctr++ runs on every iteration that reaches the back edge: no jump skips it
	for k := c + 1; k < l.incr; k++ {
		for _, t := range jumpTargets(&f.Ops[k], k) {
			if t > l.incr && t <= back {
				return nil
			}
		}
	}
	// Two rounds: a check proven in the first makes the label after its dead
	// out-of-bounds path transparent to the second, which may prove more.
	through := map[int]int{}
	for round := 0; round < 2; round++ {
		fw.findIndices(l, writes, through)
		fw.proveChecks(l, writes)
		if len(l.proven) == 0 {
			return nil
		}
		l.dead = fw.deadPaths(l)
		for k := range l.proven {
			if t := k + 1 + f.Ops[k].P3; f.Ops[k].Code == hl.OJULt && t > k+1 && l.dead[t-1] && len(preds[t]) == 1 {
				through[t] = k
			}
		}
	}
	for k := c + 1; k < back; k++ {
		if !l.dead[k] && !fw.loopSafe(&f.Ops[k]) {
			return nil
		}
	}
	return l
}

// proveChecks fills l.proven (and the arrays the guard must check) from l.known.
func (fw *fnWriter) proveChecks(l *countedLoop, writes map[int]int) {
	f := fw.f
	l.proven, l.arrays = map[int]bool{}, nil
	l.lengthField, l.minK, l.maxK = map[int]int{}, map[int]int{}, map[int]int{}
	for k := l.check + 2; k < l.back; k++ {
		op, ld := &f.Ops[k], &f.Ops[k-1]
		if (op.Code != hl.OJULt && op.Code != hl.OJUGte) || !l.indexProven(op.P1, k) ||
			ld.Code != hl.OField || ld.P1 != op.P2 || writes[ld.P2] > 0 || !fw.isArrayLength(ld.P2, ld.P3) {
			continue
		}
		arr, off := ld.P2, l.known[[2]int{k, op.P1}]
		if _, ok := l.lengthField[arr]; !ok {
			l.arrays = append(l.arrays, arr)
			l.lengthField[arr] = ld.P3
			l.minK[arr], l.maxK[arr] = off, off
		}
		l.minK[arr] = min(l.minK[arr], off)
		l.maxK[arr] = max(l.maxK[arr], off)
		l.proven[k] = true
	}
}

// deadPaths returns the ops of the out-of-bounds paths of proven checks (the
// array growing on a write, a call): dead in the copy.
func (fw *fnWriter) deadPaths(l *countedLoop) map[int]bool {
	dead := map[int]bool{}
	for k := range l.proven {
		if t, ok := fw.outOfBoundsPath(k); ok {
			for j := k + 1; j < t; j++ {
				dead[j] = true
			}
		}
	}
	return dead
}

// outOfBoundsPath returns the end (exclusive) of the path that the bounds
// check `if ((uint32)i < (uint32)len) goto t;` at op k falls into when the
// index is out of range, and whether nothing else jumps into that path: then
// it runs only when the check fails.
func (fw *fnWriter) outOfBoundsPath(k int) (int, bool) {
	op := &fw.f.Ops[k]
	t := k + 1 + op.P3
	if op.Code != hl.OJULt || t <= k+1 {
		return 0, false
	}
	preds := fw.preds()
	for j := k + 1; j < t; j++ {
		if len(preds[j]) > 0 {
			return 0, false
		}
	}
	return t, true
}

// isArrayLength reports whether field fid of register r is the length of one
// of Haxe's array classes (what their inlined bounds checks compare with).
func (fw *fnWriter) isArrayLength(r, fid int) bool {
	t := fw.reg(r)
	if t.Kind != hl.KObj || t.Obj == nil || !strings.HasPrefix(t.Obj.Name, "hl.types.Array") || fw.volatile[r] {
		return false
	}
	fs := fw.g.objLayoutOf(t).fields
	return fid >= 0 && fid < len(fs) && fs[fid].Name == "length" && fs[fid].Type.Kind == hl.KI32
}

// loopSafe reports whether op can run in a fast copy: it neither calls out
// (which could resize an array) nor writes any object field.
func (fw *fnWriter) loopSafe(op *hl.Op) bool {
	switch op.Code {
	case hl.OMov, hl.OInt, hl.OFloat, hl.OBool, hl.OAdd, hl.OSub, hl.OMul, hl.OSDiv, hl.OUDiv,
		hl.OSMod, hl.OUMod, hl.OShl, hl.OSShr, hl.OUShr, hl.OAnd, hl.OOr, hl.OXor, hl.ONeg, hl.ONot,
		hl.OIncr, hl.ODecr, hl.OToSFloat, hl.OToUFloat, hl.OToInt, hl.ONullCheck, hl.OGetI8,
		hl.OGetI16, hl.OGetMem, hl.OSetI8, hl.OSetI16, hl.OSetMem, hl.OJAlways, hl.OLabel, hl.ONop:
		for _, r := range regsOf(op) {
			if r >= 0 && r < len(fw.f.Regs) && fw.volatile[r] {
				return false
			}
		}
		return true
	case hl.OField:
		t := fw.reg(op.P2)
		return t.Kind == hl.KObj || t.Kind == hl.KStruct
	case hl.OJTrue, hl.OJFalse:
		return true
	case hl.OJSLt, hl.OJSGte, hl.OJSGt, hl.OJSLte, hl.OJULt, hl.OJUGte, hl.OJNotLt, hl.OJNotGte, hl.OJEq, hl.OJNotEq:
		return isNum(fw.reg(op.P1).Kind) && isNum(fw.reg(op.P2).Kind)
	case hl.OCall0, hl.OCall1, hl.OCall2, hl.OCall3, hl.OCall4, hl.OCallN:
		nat := fw.g.m.NativeByIndex[op.P2]
		return nat != nil && intrinsic(nat) != ""
	}
	return false
}

// emitFastLoop writes the guarded two-iterations-per-trip copy of l in front
// of its ordinary loop (whose head label follows).
func (fw *fnWriter) emitFastLoop(l *countedLoop, labels map[int]bool) {
	w := &fw.w
	for k := l.prefix; k < l.check; k++ { // the bound the guard compares with
		fw.genOp(k)
	}
	fw.flush()
	// Every index i + K is in [ctr + K, bound - 1 + K]: at least 0, below the
	// length, and below 2^28, so that i << 3 fits an int32 and the 64-bit
	// addresses of fastMem are the same as the ops' own.
	guard := []string{fmt.Sprintf("%s >= 0 && %s < (1 << 28)", rn(l.ctr), rn(l.bound))}
	for _, a := range l.arrays {
		t := fw.reg(a)
		length := fmt.Sprintf("%s->%s", rn(a), fw.g.fieldNames[t.Index][l.lengthField[a]])
		guard = append(guard, fmt.Sprintf("%s != NULL && (int64_t)%s + %d <= %s", rn(a), rn(l.bound), l.maxK[a], length))
		if l.minK[a] < 0 {
			guard = append(guard, fmt.Sprintf("(int64_t)%s + %d >= 0", rn(l.ctr), l.minK[a]))
		}
		if l.maxK[a] > 0 {
			guard = append(guard, fmt.Sprintf("(int64_t)%s + %d < (1 << 28)", rn(l.bound), l.maxK[a]))
		}
	}
	w.p("\tif (%s) { /* bounds checks proven: two iterations per trip (loops.go) */\n", strings.Join(guard, " && "))
	w.p("\tint32_t bnd_ = %s;\n", rn(l.bound))
	w.p("LF%d:;\n", l.head)
	fw.advance(3)
	hoisted := fw.hoistFields(l) // reloaded after each safepoint: a collector may move data
	w.p("\tif ((int64_t)%s + 1 >= (int64_t)bnd_) goto L%d;\n", rn(l.ctr), l.head)
	// trips of at most fastChunk iterations without a call, so gcc can vectorise
	// them; the safepoint poll runs between trips
	w.p("\tfor (int32_t lim_ = bnd_ - %[1]s > %[2]d ? %[1]s + %[2]d : bnd_; %[1]s + 1 < lim_;) {\n", rn(l.ctr), fastChunk)
	fw.advance(2)
	fw.lastPos = -1
	for _, copy := range []string{"LA", "LB"} {
		fw.copyPrefix, fw.copyLo, fw.copyHi = fmt.Sprintf("%s%d_", copy, l.head), l.check+1, l.back
		for k := l.prefix; k < l.back; k++ {
			op := &fw.f.Ops[k]
			if labels[k] && k > l.check {
				fw.flush()
				w.p("%s:;\n", fw.label(k))
				fw.advance(1)
			}
			switch {
			case k == l.check: // proven by the trip's condition
			case l.proven[k] && op.Code == hl.OJULt:
				fw.line(k, fmt.Sprintf("goto %s;", fw.label(k+1+op.P3)))
			case l.proven[k], l.dead[k]: // OJUGte to the out-of-bounds path: never taken
			case !fw.fz.skip[k]:
				if code, ok := fw.fastMem(k, l); ok {
					fw.line(k, code)
				} else if name, ok := hoisted[k]; ok {
					fw.line(k, fw.set(op.P1, name, nil))
				} else {
					fw.genOp(k)
				}
			}
		}
		if labels[l.back] {
			fw.flush()
			w.p("%s:;\n", fw.label(l.back))
			fw.advance(1)
		}
	}
	fw.copyPrefix = ""
	fw.flush()
	w.p("\t}\n\tHX_POLL(); goto LF%d;\n\t}\n", l.head)
	fw.advance(3)
	fw.lastPos = -1
}

// label is the C label of op t: inside a fast copy, the copy's own labels for
// targets within its body.
func (fw *fnWriter) label(t int) string {
	if fw.slowPrefix != "" && t >= fw.slowLo && t <= fw.slowHi {
		return fmt.Sprintf("%s%d", fw.slowPrefix, t)
	}
	if fw.copyPrefix != "" && t >= fw.copyLo && t <= fw.copyHi {
		return fmt.Sprintf("%s%d", fw.copyPrefix, t)
	}
	return fmt.Sprintf("L%d", t)
}

// fastMem writes a memory access at byte offset i << K (K set by the op
// before the shift, i a proven index) with the offset computed in 64 bits: the
// same address (the guard bounds i), but one gcc can see advance by 1 << K per
// iteration, which its vectoriser needs to pair neighbouring accesses.
func (fw *fnWriter) fastMem(k int, l *countedLoop) (string, bool) {
	f := fw.f
	op := &f.Ops[k]
	var off int
	switch op.Code {
	case hl.OGetMem:
		off = op.P3
	case hl.OSetMem:
		off = op.P2
	default:
		return "", false
	}
	if k < 2 {
		return "", false
	}
	sh, c := &f.Ops[k-1], &f.Ops[k-2]
	if sh.Code != hl.OShl || sh.P1 != off || !l.indexProven(sh.P2, k-1) || c.Code != hl.OInt || c.P1 != sh.P3 {
		return "", false
	}
	shift := fw.g.m.Ints[c.P2]
	if shift < 0 || shift > 3 {
		return "", false
	}
	addr := fmt.Sprintf("%%s + ((int64_t)%s << %d)", rn(sh.P2), shift)
	if op.Code == hl.OGetMem {
		t := fw.reg(op.P1)
		return fmt.Sprintf("{ %s v_; memcpy(&v_, %s, sizeof v_); %s }", fw.g.ctype(t), fmt.Sprintf(addr, rn(op.P2)), fw.set(op.P1, "v_", t)), true
	}
	return fmt.Sprintf("{ %s v_ = %s; memcpy(%s, &v_, sizeof v_); }", fw.ct(op.P3), rn(op.P3), fmt.Sprintf(addr, rn(op.P1))), true
}

// loopBacks maps each loop head of the function to its last back edge (an
// OJAlways jumping backwards), computed once for lanes.go and nests.go.
func (fw *fnWriter) loopBacks() map[int]int {
	if fw.lastBacks == nil {
		fw.lastBacks = map[int]int{}
		for b := range fw.f.Ops {
			if op := &fw.f.Ops[b]; op.Code == hl.OJAlways && op.P1 < 0 {
				h := b + 1 + op.P1
				fw.lastBacks[h] = max(fw.lastBacks[h], b)
			}
		}
	}
	return fw.lastBacks
}

// preds maps each jump target of the function to the ops that jump there
// (computed once, when a loop needs it).
func (fw *fnWriter) preds() map[int][]int {
	if fw.jumpPreds == nil {
		fw.jumpPreds = jumpSources(fw.f)
	}
	return fw.jumpPreds
}

// jumpSources maps each jump target of f to the ops that jump there.
func jumpSources(f *hl.Function) map[int][]int {
	m := map[int][]int{}
	for i := range f.Ops {
		for _, t := range jumpTargets(&f.Ops[i], i) {
			m[t] = append(m[t], i)
		}
	}
	return m
}

// hoistFields declares, inside the guard, a local for each field of a guarded
// array the copy reads (its data pointer, its length) and returns the ops
// that read them, by op. Nothing in the copy can change them (no call, no
// field write), but gcc cannot tell that a store into the array's data does
// not change the array object, and a data pointer reloaded on every
// iteration stops it from vectorising a loop that writes an array.
func (fw *fnWriter) hoistFields(l *countedLoop) map[int]string {
	f := fw.f
	guarded := map[int]bool{}
	for _, a := range l.arrays {
		guarded[a] = true
	}
	hoisted := map[int]string{}
	declared := map[string]bool{}
	for k := l.prefix; k < l.back; k++ {
		op := &f.Ops[k]
		if l.dead[k] || op.Code != hl.OField || !guarded[op.P2] || fw.reg(op.P1).Kind == hl.KVoid {
			continue
		}
		t := fw.reg(op.P2)
		name := fmt.Sprintf("fa%d_%d", op.P2, op.P3)
		if !declared[name] {
			declared[name] = true
			fw.w.p("\t%s %s = %s->%s;\n", fw.g.ctype(fw.reg(op.P1)), name, rn(op.P2), fw.g.fieldNames[t.Index][op.P3])
			fw.advance(1)
		}
		hoisted[k] = name
	}
	return hoisted
}
