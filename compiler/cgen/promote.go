package cgen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// promote.go: number fields of an object a loop keeps using live in C locals
// for the loop's duration, inside a nest's call-free copy (nests.go).
//
// nbody's inner loop reads b.x, b.y, b.z, b.mass and updates b.vx, b.vy, b.vz
// for every other body b2, and updates b2's velocity. gcc must assume that
// the store to b2.vx may change any of b's fields (the generated C is
// compiled with -fno-strict-aliasing), so it reloads them all on every trip,
// and b.vx's update waits for the store before it. We know better: distinct
// fields never overlap, and b2 is b only if the registers are equal.
//
// So, in an innermost loop L of a nest copy, a number field f of an object
// register o that L never writes is read into a local on entry to L (after a
// guard that o is not null: if it is, the ordinary loop runs and throws), used
// and updated there, and stored back on every way out of L: its exits, its
// side exits, its throws (a null check failing). A field L also reads or
// writes through another register o2 of a related class (the same class, or
// one extending the other) may be that very field: after each op of L that
// sets o2, a guard compares o2 with o and, if equal, stores the fields back and
// finishes the trip in a slow copy of the rest of L's body, which uses memory,
// then reloads the fields and goes on with L. (Leaving for the ordinary loop
// instead, in the middle of its body, made gcc compile the whole copy 15%
// slower.) A field read through o2 needs the guard only if L writes it
// through o. Results are the ordinary loop's: every load and store of the
// field happens on the local instead, and memory holds the field's value
// whenever code that could look at it runs. A slow trip that ends with o2
// still equal to o hands L to the ordinary loop: the next trip may use o2
// before setting it.

// promotion is an innermost loop of a nest copy with fields in locals.
type promotion struct {
	head, back int
	fields     []promotedField
	guards     map[int][]int // op -> the promoted object registers the register it sets is compared with
	aliases    [][2]int      // {o2, o}: o2 may be o; checked on entry too, for trips that use o2 before setting it
}

type promotedField struct {
	obj, field int
	local      string // C local holding the field inside the loop
	ctype      string
	access     string // the C lvalue of the field: r<obj>->name
	written    bool   // stored back on the way out
}

// find returns the promoted field that op k reads or writes, if any.
func (p *promotion) find(o, f int) *promotedField {
	for i := range p.fields {
		if p.fields[i].obj == o && p.fields[i].field == f {
			return &p.fields[i]
		}
	}
	return nil
}

// findPromotions returns the promotions of n's innermost loops, by loop head.
func (fw *fnWriter) findPromotions(n *nestCopy) map[int]*promotion {
	var out map[int]*promotion
	for h, b := range fw.loopBacks() {
		if h < n.head || b > n.back {
			continue
		}
		if p := fw.promotionAt(n, h, b); p != nil {
			if out == nil {
				out = map[int]*promotion{}
			}
			out[h] = p
		}
	}
	return out
}

// access is an OField or OSetField of an object register in a loop.
type access struct {
	k, obj, field int
	store         bool
}

func (fw *fnWriter) promotionAt(n *nestCopy, head, back int) *promotion {
	f, preds := fw.f, fw.preds()
	for _, src := range preds[head] { // one way in (falling into the head), one back edge
		if src != back {
			return nil
		}
	}
	var accs []access
	writes := map[int][]int{} // register -> ops setting it
	for k := head; k <= back; k++ {
		op := &f.Ops[k]
		if k > head && k < back && op.Code == hl.OJAlways && op.P1 < 0 {
			return nil // not innermost
		}
		for _, src := range preds[k] { // entered only at the head
			if k > head && (src < head || src > back) {
				return nil
			}
		}
		switch op.Code {
		case hl.OSetI8, hl.OSetI16, hl.OSetMem, hl.OSetArray:
			return nil // raw stores: nothing tells where they point
		case hl.OField:
			if fw.reg(op.P2).Kind == hl.KObj {
				accs = append(accs, access{k, op.P2, op.P3, false})
			}
		case hl.OSetField:
			if t := fw.reg(op.P1).Kind; t != hl.KObj {
				return nil
			}
			accs = append(accs, access{k, op.P1, op.P2, true})
		}
		if r := written(op); r >= 0 {
			writes[r] = append(writes[r], k)
		}
	}
	p := &promotion{head: head, back: back, guards: map[int][]int{}}
	type key struct{ obj, field int }
	seen := map[key]bool{}
	for _, a := range accs {
		if seen[key{a.obj, a.field}] || len(writes[a.obj]) > 0 || n.exits[a.k] || n.cached[a.k] != "" {
			continue
		}
		seen[key{a.obj, a.field}] = true
		t := fw.reg(a.obj)
		fs := fw.g.objLayoutOf(t).fields
		if a.field < 0 || a.field >= len(fs) || !isNum(fs[a.field].Type.Kind) {
			continue
		}
		written := slices.ContainsFunc(accs, func(b access) bool { return b.store && b.obj == a.obj && b.field == a.field })
		var others []int // registers that may hold the same object and touch the field
		ok := true
		for _, b := range accs {
			if b.obj == a.obj || b.field != a.field || !related(fw.reg(b.obj), t) || !b.store && !written {
				continue
			}
			if len(writes[b.obj]) == 0 {
				ok = false // another name for the object all along: no guard can help
				break
			}
			if !slices.Contains(others, b.obj) {
				others = append(others, b.obj)
			}
		}
		if !ok {
			continue
		}
		for _, o2 := range others {
			if !slices.Contains(p.aliases, [2]int{o2, a.obj}) {
				p.aliases = append(p.aliases, [2]int{o2, a.obj})
			}
			for _, k := range writes[o2] {
				if f.Ops[k].Code != hl.ONull && !slices.Contains(p.guards[k], a.obj) { // (o is not null)
					p.guards[k] = append(p.guards[k], a.obj)
				}
			}
		}
		p.fields = append(p.fields, promotedField{obj: a.obj, field: a.field,
			local: fmt.Sprintf("pf%d_%d_%d", head, a.obj, a.field), ctype: fw.g.ctype(fs[a.field].Type),
			access: fmt.Sprintf("%s->%s", rn(a.obj), fw.g.fieldNames[t.Index][a.field]), written: written})
	}
	if len(p.fields) == 0 {
		return nil
	}
	for k := range p.guards {
		if n.exits[k] {
			return nil // the op setting o2 leaves the copy: nowhere to put its guard
		}
		for m := k + 1; m < back; m++ {
			for _, t := range jumpTargets(&f.Ops[m], m) {
				if t > head && t <= k {
					return nil // the slow trip would jump back into the part it does not copy
				}
			}
		}
	}
	if len(p.guards) > 0 && (back-head)*len(p.guards) > maxSlowOps {
		return nil
	}
	return p
}

const maxSlowOps = 300 // ops of slow trips beyond which a promotion is not worth the code

// promoteDecls declares the locals of the promotions.
func promoteDecls(proms map[int]*promotion) string {
	var b strings.Builder
	for _, h := range sortedKeys(proms) {
		for _, pf := range proms[h].fields {
			fmt.Fprintf(&b, "%s %s = 0; ", pf.ctype, pf.local)
		}
	}
	return b.String()
}

// storeBack is the C that writes the promoted fields L changed back to their objects.
func (p *promotion) storeBack() string {
	var b strings.Builder
	for _, pf := range p.fields {
		if pf.written {
			fmt.Fprintf(&b, "%s = %s; ", pf.access, pf.local)
		}
	}
	return b.String()
}

// reload is the C that reads every promoted field again.
func (p *promotion) reload() string {
	var b strings.Builder
	for _, pf := range p.fields {
		fmt.Fprintf(&b, "%s = %s; ", pf.local, pf.access)
	}
	return b.String()
}

// enterPromotion writes what runs on the way into L, before its head label:
// the guard that its objects are not null and not already held by a register
// that may be them (unless the nest's guard checked that: L is the nest's own
// loop), then the loads. A failed guard sends the copy to the ordinary L
// (which throws where the program would, for a null object).
func (fw *fnWriter) enterPromotion(p *promotion, guard bool) {
	var objs []string
	for _, pf := range p.fields {
		if g := rn(pf.obj) + " == NULL"; !slices.Contains(objs, g) {
			objs = append(objs, g)
		}
	}
	objs = append(objs, p.aliasTests("==")...)
	var loads strings.Builder
	for _, pf := range p.fields {
		fmt.Fprintf(&loads, " %s = %s;", pf.local, pf.access)
	}
	fw.flush()
	if guard {
		fw.w.p("\tif (%s) goto L%d; /* fields in locals (promote.go) */%s\n", strings.Join(objs, " || "), p.head, loads.String())
	} else {
		fw.w.p("\t/* fields in locals (promote.go) */%s\n", loads.String())
	}
	fw.advance(1)
	fw.lastPos = -1
}

// aliasTests compares each register that may be a promoted object with it
// (op "==" or "!=").
func (p *promotion) aliasTests(op string) []string {
	var out []string
	for _, a := range p.aliases {
		out = append(out, sameObject(a[0], op, a[1]))
	}
	return out
}

// sameObject compares the pointers in registers a and b (op "==" or "!=").
func sameObject(a int, op string, b int) string {
	return fmt.Sprintf("(void *)%s %s (void *)%s", rn(a), op, rn(b))
}

// promotedOp writes op k of L if it reads or writes a promoted field, and
// reports whether it did.
func (fw *fnWriter) promotedOp(p *promotion, k int) bool {
	op := &fw.f.Ops[k]
	switch op.Code {
	case hl.OField:
		if pf := p.find(op.P2, op.P3); pf != nil {
			fw.line(k, fw.set(op.P1, pf.local, fw.g.objLayoutOf(fw.reg(op.P2)).fields[op.P3].Type))
			return true
		}
	case hl.OSetField:
		if pf := p.find(op.P1, op.P2); pf != nil {
			fw.line(k, fmt.Sprintf("%s = %s;", pf.local, conv(rn(op.P3), fw.ct(op.P3), pf.ctype)))
			return true
		}
	}
	return false
}

// guardAfter writes, after op k of L, the comparisons of the register it set
// with the promoted objects it may be.
func (fw *fnWriter) guardAfter(p *promotion, k int) {
	objs := p.guards[k]
	if len(objs) == 0 {
		return
	}
	r := written(&fw.f.Ops[k])
	var eq []string
	for _, o := range objs {
		eq = append(eq, sameObject(r, "==", o))
	}
	fw.line(k, fmt.Sprintf("if (HX_UNLIKELY(%s)) { %sgoto G%d_%d; }", strings.Join(eq, " || "), p.storeBack(), p.head, k))
}

// emitSlowTrips writes, after L, the slow trips its guards go to: the rest of
// L's body after the guarded op, on memory, then a reload and L's back edge,
// or the ordinary loop if a register still holds a promoted object.
func (fw *fnWriter) emitSlowTrips(n *nestCopy, p *promotion) {
	f := fw.f
	for _, k := range sortedKeys(p.guards) {
		fw.labelLine(fmt.Sprintf("G%d_%d", p.head, k))
		targets := map[int]bool{} // (a jump to the back edge takes the slow trip's, which reloads)
		for m := k + 1; m < p.back; m++ {
			for _, t := range jumpTargets(&f.Ops[m], m) {
				targets[t] = targets[t] || t > k && t <= p.back && !n.exits[m]
			}
		}
		fw.slowPrefix, fw.slowLo, fw.slowHi = fmt.Sprintf("G%d_%d_", p.head, k), k+1, p.back
		for m := k + 1; m <= p.back; m++ {
			if targets[m] {
				fw.labelLine(fw.label(m))
			}
			if m < p.back {
				fw.nestOp(n, m, nil)
			}
		}
		fw.slowPrefix = ""
		// a register still holding a promoted object may be used before it is set in the next
		// trip: the ordinary loop takes over (through the nest's guard, for the nest's own loop)
		fw.line(p.back, fmt.Sprintf("if (%s) { HX_POLL(); goto L%d; } %sHX_POLL(); goto %s;",
			strings.Join(p.aliasTests("=="), " || "), p.head, p.reload(), fw.label(p.head)))
	}
	fw.flush()
}
