package cgen

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// nests.go: a call-free copy of loop nests that leaves for the ordinary code
// wherever a call would happen.
//
// A call on any path of a loop, even one never taken (the array growing
// after an out-of-bounds write), stops gcc from keeping memory in registers
// across the join after it: an array's data pointer and length are reloaded
// on every access, and a just-stored element cannot be forwarded to the next
// load of it. fannkuch's flip loop spends its time in exactly that
// store-to-load chain.
//
// So a loop nest whose iterations need no call is written twice, a copy
// first, then the ordinary loop. The copy runs the same ops on the same
// registers, except that:
//
//   - an op that calls (an array growing, an allocation on the way out of the
//     loop) becomes a jump to that op in the ordinary code, which runs it and
//     goes on from there (a side exit);
//   - the fields the nest reads of objects it never reassigns (an array's
//     length and data pointer) are read once, on entry, after a guard that
//     the objects are not null: nothing in the copy can change them.
//
// The back edges keep their safepoint polls. A collection at a poll changes
// none of the cached fields: lengths are not the collector's, and an object
// a register or the stack points to (the cached data pointer) is never moved
// (DESIGN.md), so the field pointing to it is never rewritten.
//
// The ordinary loop's outer back edge re-enters the copy through the guard,
// so one side exit costs one trip of the ordinary code. Results are those of
// the ordinary code: the same ops in the same order.

// nestCopy is a loop nest the call-free copy applies to.
type nestCopy struct {
	head, back int
	exits      map[int]bool       // ops the copy leaves at (side exits)
	cached     map[int]string     // OField op -> the local holding that field
	fields     []cachedField      // the locals, in order of first use
	proms      map[int]*promotion // innermost loops with fields in locals (promote.go), by head
}

type cachedField struct {
	reg               int // the object register: not null, checked on entry
	name, ctype, load string
}

const maxNestOps = 300 // ops in a nest beyond which the copy is not worth its code

// findNestCopies returns the nests of fw.f that get a call-free copy, by head
// op: outermost eligible loops, none holding a counted loop's fast copy
// (loops.go), whose vectorised trips are worth more than this copy, nor
// loops in two lanes (lanes.go).
func (fw *fnWriter) findNestCopies(counted map[int]*countedLoop, lanes map[int]*laneLoop) map[int]*nestCopy {
	if fw.g.opt.Plain {
		return nil
	}
	type span struct{ head, back int }
	outer := fw.loopBacks()
	if len(outer) == 0 {
		return nil
	}
	var spans []span
	for h, b := range outer {
		spans = append(spans, span{h, b})
	}
	sort.Slice(spans, func(i, j int) bool { // widest first: outer loops before theirs
		wi, wj := spans[i].back-spans[i].head, spans[j].back-spans[j].head
		if wi != wj {
			return wi > wj
		}
		return spans[i].head < spans[j].head
	})
	var nests map[int]*nestCopy
	var chosen []span
	for _, s := range spans {
		inside := false
		for _, c := range chosen {
			inside = inside || (s.head >= c.head && s.back <= c.back)
		}
		for h := range lanes { // a copy would run the ordinary loop instead of the lanes
			inside = inside || (h >= s.head && h <= s.back)
		}
		if inside {
			continue
		}
		if n := fw.nestCopyAt(s.head, s.back, counted); n != nil {
			if nests == nil {
				nests = map[int]*nestCopy{}
			}
			nests[s.head] = n
			chosen = append(chosen, s)
		}
	}
	return nests
}

func (fw *fnWriter) nestCopyAt(head, back int, counted map[int]*countedLoop) *nestCopy {
	f, preds := fw.f, fw.preds()
	if back-head+1 > maxNestOps {
		return nil
	}
	writes := map[int]bool{}
	var stored []storedField // the fields the nest stores numbers into
	for k := head; k <= back; k++ {
		op := &f.Ops[k]
		if counted[k] != nil || fw.fz.skip[k] || fw.fz.copies[k] != "" || op.Code == hl.OTrap || op.Code == hl.OEndTrap {
			return nil
		}
		for _, r := range regsOf(op) {
			if r >= 0 && r < len(f.Regs) && fw.volatile[r] {
				return nil
			}
		}
		if k > head { // one entry: the head
			for _, src := range preds[k] {
				if src < head || src > back {
					return nil
				}
			}
		}
		if r := written(op); r >= 0 {
			writes[r] = true
		}
		if op.Code == hl.OSetField {
			stored = append(stored, storedField{fw.reg(op.P1), op.P2})
		}
	}
	cold := fw.outOfBoundsPaths(head, back)
	reaches := fw.reachesBackEdge(head, back)
	n := &nestCopy{head: head, back: back, exits: map[int]bool{}, cached: map[int]string{}}
	for k := head; k <= back; k++ {
		op := &f.Ops[k]
		hot := reaches[k] && !cold[k]
		if !fw.nestSafe(op) {
			if hot {
				return nil // it would leave the copy on every iteration
			}
			n.exits[k] = true
			continue
		}
		if !hot || op.Code != hl.OField {
			continue
		}
		o, t := op.P2, fw.reg(op.P2)
		if writes[o] || t.Kind != hl.KObj || fw.reg(op.P1).Kind == hl.KVoid ||
			slices.ContainsFunc(stored, func(st storedField) bool { return st.field == op.P3 && related(st.obj, t) }) {
			continue // (a store to this field of another register may change it)
		}
		fs := fw.g.objLayoutOf(t).fields
		if op.P3 < 0 || op.P3 >= len(fs) || fs[op.P3].Type.Kind == hl.KVoid {
			continue
		}
		name := fmt.Sprintf("nc%d_%d", o, op.P3)
		if !slices.ContainsFunc(n.fields, func(c cachedField) bool { return c.name == name }) {
			n.fields = append(n.fields, cachedField{o, name, fw.g.ctype(fs[op.P3].Type),
				fmt.Sprintf("%s->%s", rn(o), fw.g.fieldNames[t.Index][op.P3])})
		}
		n.cached[k] = name
	}
	n.proms = fw.findPromotions(n)
	if len(n.fields) == 0 && len(n.proms) == 0 {
		return nil // nothing read once instead of per iteration: not worth the code
	}
	return n
}

// nestSafe reports whether op can run in the copy: it cannot call out or
// write an object field (the ops of a counted loop's fast copy), or it only
// compares with null, sets null, casts without a check or loads from a native
// array, or it stores a number into a class instance's field (a plain store,
// no write barrier).
func (fw *fnWriter) nestSafe(op *hl.Op) bool {
	switch op.Code {
	case hl.OJNull, hl.OJNotNull, hl.ONull, hl.OUnsafeCast:
		return true
	case hl.OGetArray: // a load from a native array (its bounds were checked by ops before it)
		return fw.reg(op.P2).Kind == hl.KArray
	case hl.OSetField:
		t := fw.reg(op.P1)
		if t.Kind != hl.KObj {
			return false
		}
		fs := fw.g.objLayoutOf(t).fields
		return op.P2 >= 0 && op.P2 < len(fs) && isNum(fs[op.P2].Type.Kind) && isNum(fw.reg(op.P3).Kind)
	}
	return fw.loopSafe(op)
}

// storedField is a field the nest stores into: an absolute field index (parent
// classes' fields first) of an object of class obj.
type storedField struct {
	obj   *hl.Type
	field int
}

// related reports whether objects of class types a and b can be the same
// object: one class is the other or extends it.
func related(a, b *hl.Type) bool {
	extends := func(sub, sup *hl.Type) bool {
		for t := sub; t != nil && t.Obj != nil; t = t.Obj.Super {
			if t == sup {
				return true
			}
		}
		return false
	}
	return extends(a, b) || extends(b, a)
}

// outOfBoundsPaths returns the ops on the out-of-bounds paths of the nest's
// array bounds checks (what an out-of-range index does: a read gives 0, a
// write grows the array).
func (fw *fnWriter) outOfBoundsPaths(head, back int) map[int]bool {
	f := fw.f
	cold := map[int]bool{}
	for k := head + 1; k < back; k++ {
		op, ld := &f.Ops[k], &f.Ops[k-1]
		if op.Code != hl.OJULt || ld.Code != hl.OField || ld.P1 != op.P2 || !fw.isArrayLength(ld.P2, ld.P3) {
			continue
		}
		if t, ok := fw.outOfBoundsPath(k); ok && t <= back {
			for j := k + 1; j < t; j++ {
				cold[j] = true
			}
		}
	}
	return cold
}

// reachesBackEdge returns the ops of [head, back] from which the nest's last
// back edge can be reached without leaving it: the ops of its iterations, as
// opposed to those on the way out (a return, an exception).
func (fw *fnWriter) reachesBackEdge(head, back int) map[int]bool {
	f := fw.f
	reach := map[int]bool{back: true}
	for changed := true; changed; {
		changed = false
		for k := back - 1; k >= head; k-- {
			if reach[k] {
				continue
			}
			op := &f.Ops[k]
			next := jumpTargets(op, k)
			switch op.Code {
			case hl.OJAlways, hl.ORet, hl.OThrow, hl.ORethrow:
			default:
				next = append(next, k+1)
			}
			for _, t := range next {
				if t >= head && t <= back && reach[t] {
					reach[k], changed = true, true
					break
				}
			}
		}
	}
	return reach
}

// nestDecls declares the locals of the nests' cached fields.
func nestDecls(nests map[int]*nestCopy) string {
	var b strings.Builder
	declared := map[string]bool{}
	for _, h := range sortedKeys(nests) {
		for _, c := range nests[h].fields {
			if !declared[c.name] {
				declared[c.name] = true
				fmt.Fprintf(&b, "%s %s = 0; ", c.ctype, c.name)
			}
		}
		b.WriteString(promoteDecls(nests[h].proms))
	}
	return b.String()
}

// emitNestCopy writes the copy of n after the head's label, in front of the
// ordinary loop: every way into the loop, the ordinary back edges included,
// passes its guard.
func (fw *fnWriter) emitNestCopy(n *nestCopy) {
	w := &fw.w
	f := fw.f
	fw.flush()
	var guard []string
	nonNull := func(r int) {
		if g := rn(r) + " != NULL"; !slices.Contains(guard, g) {
			guard = append(guard, g)
		}
	}
	for _, c := range n.fields {
		nonNull(c.reg)
	}
	if p := n.proms[n.head]; p != nil { // the nest's own loop has fields in locals: its objects too
		for _, pf := range p.fields {
			nonNull(pf.obj)
		}
		guard = append(guard, p.aliasTests("!=")...)
	}
	if len(guard) == 0 {
		guard = []string{"1"}
	}
	w.p("\tif (%s) { /* a copy without calls: side exits to the ordinary loop (nests.go) */\n", strings.Join(guard, " && "))
	fw.advance(1)
	for _, c := range n.fields {
		w.p("\t%s = %s;\n", c.name, c.load)
		fw.advance(1)
	}
	targets := map[int]bool{n.head: true} // the copy's own labels
	for k := n.head; k <= n.back; k++ {
		if !n.exits[k] {
			for _, t := range jumpTargets(&f.Ops[k], k) {
				targets[t] = true
			}
		}
	}
	fw.copyPrefix, fw.copyLo, fw.copyHi = fmt.Sprintf("C%d_", n.head), n.head, n.back
	fw.lastPos = -1
	for k := n.head; k <= n.back; k++ {
		if p := n.proms[k]; p != nil {
			fw.enterPromotion(p, k != n.head)
			fw.prom = p
		}
		if targets[k] {
			fw.labelLine(fw.label(k))
		}
		p := fw.prom
		if p == nil || !fw.promotedOp(p, k) {
			fw.nestOp(n, k, p)
		}
		if p != nil {
			fw.guardAfter(p, k)
			if k == p.back {
				fw.prom = nil
				fw.emitSlowTrips(n, p)
			}
		}
	}
	fw.copyPrefix = ""
	fw.flush()
	w.p("\t}\n")
	fw.advance(1)
	fw.lastPos = -1
}

// nestOp writes op k of n's copy; p is the promotion k is in, if any.
func (fw *fnWriter) nestOp(n *nestCopy, k int, p *promotion) {
	op := &fw.f.Ops[k]
	switch {
	case n.exits[k] && p != nil:
		fw.line(k, fmt.Sprintf("%sgoto L%d;", p.storeBack(), k))
	case n.exits[k]:
		fw.line(k, fmt.Sprintf("goto L%d;", k))
	case n.cached[k] != "":
		fw.line(k, fw.set(op.P1, n.cached[k], nil))
	default:
		fw.genOp(k)
	}
}

// nestLabels adds the labels the copies' side exits and polls jump to.
func (fw *fnWriter) nestLabels(nests map[int]*nestCopy, labels map[int]bool) {
	for _, n := range nests {
		for k := range n.exits {
			labels[k] = true
		}
		for _, p := range n.proms {
			if p.head != n.head {
				labels[p.head] = true // where a null object sends the copy
			}
		}
	}
}
