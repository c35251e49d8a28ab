package cgen

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// lanes.go: two iterations of a loop run their inner loops interleaved.
//
// An escape-time loop (a fractal, a ray marcher, Newton's method per element)
// spends its time in an inner loop whose every trip waits for the one before:
// mandelbrot's zr needs the last zr through a multiply and two adds, 12
// cycles of latency for 7 floating-point ops the core could issue in 4. The
// next iteration of the outer loop has an inner loop that needs nothing from
// this one, but no C compiler runs the two together: their trip counts
// differ and depend on the data.
//
// Where an iteration of an outer loop is
//
//	P  (head .. W)   straight register arithmetic; its tests may only leave the loop
//	W  (an inner loop) register arithmetic; its tests all leave W for E
//	S  (E .. the outer back edge) anything: calls, stores, other loops
//
// and nothing S writes, nor anything W writes, is read by P or W before they
// write it, the next iteration's P and W compute the same whether they run
// after S or beside this iteration's W. So the loop is written as
//
//	lane A runs P and W's first trip on the registers; if its W goes on, lane B
//	(the next iteration) runs P on copies;
//	then W's ops run for A and B in turn, test by test, while both go on;
//	  A leaves first: B is parked where it is, A runs S;
//	  B leaves first: A goes on alone in the ordinary W, then runs S;
//	S's back edges go to a commit block: B's copies become the registers and
//	B resumes where it was parked, in the ordinary W or at E, and runs S.
//
// Every op of both iterations runs on the same values, in its iteration's
// order, so results are bit-identical. B never runs further ahead than A's
// inner loop: if A's never ends, the ordinary program hangs there too. P and
// W neither touch memory nor call (the pure math intrinsics apart), so doing
// B's early is invisible to S. Registers W writes and P does not must be dead
// wherever B is parked: their copies may hold A's values.

// laneLoop is an outer loop whose iterations run in two lanes.
type laneLoop struct {
	head, back   int          // the outer loop: its first op, its last back edge
	whead, wback int          // the inner loop W
	exit         int          // E: where W's tests leave to (wback + 1)
	checks       []int        // W's tests, in order
	skips        map[int]bool // tests that jump over a `goto E` (`if (c) break;`): they leave when not taken
	regs         []int        // the registers P and W write: lane B writes copies
}

// after is the op after test c: where a trip goes on when it does not leave.
func (ln *laneLoop) after(c int) int {
	if ln.skips[c] {
		return c + 2
	}
	return c + 1
}

// leaves is the C condition under which test c leaves W.
func (fw *fnWriter) leaves(ln *laneLoop, c int) string {
	if ln.skips[c] {
		return "!(" + fw.branchCond(c) + ")"
	}
	return fw.branchCond(c)
}

const (
	maxLaneOps = 64 // ops of P and W beyond which two lanes are not worth the code

	// Lane A runs this many inner trips alone before lane B starts: starting
	// B (its copies, the hand-over) costs about 0.3 ns, which an inner loop
	// that leaves at once would not repay. Measured with a trivial outer body:
	// one solo trip makes 0-trip loops free and 16-trip loops 1.3x faster; two
	// make 1-trip loops free too but cost 16-trip loops 4% and mandelbrot 3%.
	laneSoloTrips = 1
)

func (ln *laneLoop) commitLabel() string { return fmt.Sprintf("K%d", ln.head) }
func (ln *laneLoop) parkVar() string     { return fmt.Sprintf("lp%d", ln.head) }
func (ln *laneLoop) copyOf(r int) string { return fmt.Sprintf("lb%d_%d", ln.head, r) }

// resumePoints are where a parked lane B goes on: before each of W's tests'
// segments (it was parked at test j: at the segment ending there), then E.
func (ln *laneLoop) resumePoints() []int {
	pts := []int{ln.whead}
	for _, c := range ln.checks[:len(ln.checks)-1] {
		pts = append(pts, ln.after(c))
	}
	return append(pts, ln.exit)
}

// findLaneLoops returns the loops of fw.f that run in two lanes, by head op.
func (fw *fnWriter) findLaneLoops(counted map[int]*countedLoop) map[int]*laneLoop {
	f := fw.f
	if fw.g.opt.Plain {
		return nil
	}
	for b := range f.Ops {
		if f.Ops[b].Code == hl.OTrap {
			return nil // exception edges: the liveness of parked registers would need them
		}
	}
	lastBack := fw.loopBacks()
	if len(lastBack) < 2 {
		return nil
	}
	var lanes map[int]*laneLoop
	var live *liveness
	for _, h := range sortedKeys(lastBack) {
		ln := fw.laneShape(h, lastBack[h], counted)
		if ln == nil {
			continue
		}
		if live == nil {
			if len(f.Ops)*((len(f.Regs)+63)/64) > 1<<22 {
				return nil // (the analysis holds a bit per register and op)
			}
			live = computeLiveness(f)
		}
		if !fw.laneRegs(ln, live) {
			continue
		}
		if lanes == nil {
			lanes = map[int]*laneLoop{}
		}
		lanes[h] = ln
	}
	return lanes
}

// laneShape returns the loop from head to back split into P, W and S, if its
// ops and jumps have the shape two lanes need.
func (fw *fnWriter) laneShape(head, back int, counted map[int]*countedLoop) *laneLoop {
	f, preds, lastBack := fw.f, fw.preds(), fw.loopBacks()
	if counted[head] != nil {
		return nil
	}
	ln := &laneLoop{head: head, back: back, whead: -1}
	for k := head; k < back; k++ { // P
		if b, ok := lastBack[k]; ok && k > head && b < back {
			ln.whead, ln.wback = k, b
			break
		}
		op := &f.Ops[k]
		if !fw.laneOp(op) || op.Code == hl.OJAlways || k > head && len(preds[k]) > 0 {
			return nil
		}
		for _, t := range jumpTargets(op, k) {
			if t >= head && t <= back {
				return nil // P's tests may only leave the loop
			}
		}
	}
	if ln.whead < 0 || ln.wback-head+1 > maxLaneOps || counted[ln.whead] != nil ||
		!slices.Equal(preds[ln.whead], []int{ln.wback}) {
		return nil
	}
	ln.exit = ln.wback + 1
	ln.skips = map[int]bool{}
	for k := ln.whead; k <= ln.wback; k++ { // W
		op := &f.Ops[k]
		if !fw.laneOp(op) || k > ln.whead && len(preds[k]) > 0 && !(k >= 2 && ln.skips[k-2] && slices.Equal(preds[k], []int{k - 2})) {
			return nil
		}
		ts := jumpTargets(op, k)
		switch {
		case k == ln.wback || len(ts) == 0:
		case op.Code != hl.OJAlways && ts[0] == k+2 && k+2 <= ln.wback && f.Ops[k+1].Code == hl.OJAlways &&
			k+2+f.Ops[k+1].P1 == ln.exit && len(preds[k+1]) == 0: // if (c) break; as "jump over goto E"
			ln.checks = append(ln.checks, k)
			ln.skips[k] = true
			k++
		case op.Code == hl.OJAlways || ts[0] != ln.exit:
			return nil
		default:
			ln.checks = append(ln.checks, k)
		}
	}
	if len(ln.checks) == 0 {
		return nil
	}
	for k := head; k <= back; k++ { // one way in; S's jumps to the head are plain jumps
		for _, src := range preds[k] {
			if src < head || src > back {
				if k != head {
					return nil
				}
				continue
			}
			if k == head && (src < ln.exit || f.Ops[src].Code == hl.OSwitch) {
				return nil
			}
		}
		if k <= ln.wback && (fw.fz.skip[k] || fw.fz.copies[k] != "") {
			return nil
		}
	}
	return ln
}

// laneOp reports whether op can run in a lane: an op of a counted loop's fast
// copy (loops.go) that names only number registers, so no memory: register
// arithmetic, the pure math intrinsics, tests and jumps.
func (fw *fnWriter) laneOp(op *hl.Op) bool {
	if !fw.loopSafe(op) {
		return false
	}
	regs := opReads(op)
	if r := written(op); r >= 0 {
		regs = append(regs, r)
	}
	for _, r := range regs {
		if r < 0 || r >= len(fw.f.Regs) || !isNum(fw.reg(r).Kind) || fw.volatile[r] {
			return false
		}
	}
	return true
}

// laneRegs checks what lane B reads and leaves behind, and fills ln.regs.
func (fw *fnWriter) laneRegs(ln *laneLoop, live *liveness) bool {
	f := fw.f
	inP, inW, inS := map[int]bool{}, map[int]bool{}, map[int]bool{}
	for k := range f.Ops {
		if f.Ops[k].Code == hl.ORef {
			inS[f.Ops[k].P2] = true // S may write it through its address (a call's out-parameter)
		}
	}
	floats := false
	for k := ln.head; k <= ln.back; k++ {
		op := &f.Ops[k]
		r := written(op)
		switch {
		case r < 0:
		case k < ln.whead:
			inP[r] = true
		case k <= ln.wback:
			inW[r] = true
			floats = floats || isFloat(fw.reg(r).Kind) && (op.Code == hl.OAdd || op.Code == hl.OSub || op.Code == hl.OMul || op.Code == hl.OSDiv)
		default:
			inS[r] = true
		}
	}
	if !floats {
		return false // integer trips are short: two lanes would not pay for their copies
	}
	for r := range fw.upwardReads(ln.head, ln.wback) {
		if inS[r] || inW[r] {
			return false // B would read it before this iteration has written it
		}
	}
	for r := range inP {
		ln.regs = append(ln.regs, r)
	}
	for r := range inW {
		if !inP[r] {
			for _, at := range ln.resumePoints() {
				if live.liveIn(at, r) {
					return false // B's copy may hold A's value of it
				}
			}
			ln.regs = append(ln.regs, r)
		}
	}
	sort.Ints(ln.regs)
	return true
}

// upwardReads returns the registers ops lo..hi may read before writing them,
// entered at lo (jumps out of the range end the paths).
func (fw *fnWriter) upwardReads(lo, hi int) map[int]bool {
	l := livenessIn(fw.f, lo, hi+1)
	out := map[int]bool{}
	for r := range fw.f.Regs {
		if l.liveIn(lo, r) {
			out[r] = true
		}
	}
	return out
}

// laneDecls declares the lanes' parking flags and register copies.
func (fw *fnWriter) laneDecls(lanes map[int]*laneLoop) string {
	var b strings.Builder
	for _, h := range sortedKeys(lanes) {
		ln := lanes[h]
		fmt.Fprintf(&b, "int %s = 0; ", ln.parkVar())
		for _, r := range ln.regs {
			fmt.Fprintf(&b, "%s %s = 0; ", fw.ct(r), ln.copyOf(r))
		}
	}
	return b.String()
}

// laneLabels adds the labels the lanes jump to in the ordinary code: the
// starts of W's segments (after each test) and E.
func laneLabels(lanes map[int]*laneLoop, labels map[int]bool) {
	for _, ln := range lanes {
		labels[ln.whead], labels[ln.exit] = true, true
		for _, c := range ln.checks {
			labels[ln.after(c)] = true
		}
	}
}

// emitLanes writes the two-lane loop after its head's label; the ordinary
// loop follows, where lanes resume and run S.
func (fw *fnWriter) emitLanes(ln *laneLoop) {
	w := &fw.w
	park := ln.parkVar()
	fw.flush()
	w.p("\t%s = 0; /* two iterations at once (lanes.go) */\n", park)
	w.p("%s:;\n", ln.commitLabel())
	var commit strings.Builder
	fmt.Fprintf(&commit, "\tif (%s) { int p_ = %s; %s = 0;", park, park, park)
	for _, r := range ln.regs {
		fmt.Fprintf(&commit, " %s = %s;", rn(r), ln.copyOf(r))
	}
	pts := ln.resumePoints()
	for j, t := range pts[:len(pts)-1] {
		fmt.Fprintf(&commit, " if (p_ == %d) goto %s;", j+1, fw.label(t))
	}
	fmt.Fprintf(&commit, " goto %s; }\n", fw.label(ln.exit))
	w.s(commit.String())
	fw.advance(3)
	fw.lastPos = -1
	for k := ln.head; k < ln.whead; k++ { // A's P
		fw.genOp(k)
	}
	// A's first inner trips, alone: B starts only if A's inner loop goes on
	for t := 0; t < laneSoloTrips; t++ {
		fw.slowPrefix, fw.slowLo, fw.slowHi = fmt.Sprintf("S%d_%d_", ln.head, t), ln.whead, ln.wback
		for k := ln.whead; k <= ln.wback; k++ {
			if k > ln.whead && ln.skips[k-2] { // the op a test jumps to over its `goto E` (the trip's end, at the back edge)
				fw.labelLine(fw.label(k))
			}
			if k < ln.wback {
				fw.genOp(k)
			}
		}
		fw.slowPrefix = ""
	}
	fw.flush()
	var init strings.Builder
	for _, r := range ln.regs {
		fmt.Fprintf(&init, " %s = %s;", ln.copyOf(r), rn(r))
	}
	w.p("\t%s\n", strings.TrimSpace(init.String()))
	fw.advance(1)
	fw.laneOps(ln, ln.head, ln.whead, func(k int) string { // B's P: no next iteration, A goes on alone
		return fmt.Sprintf("if (%s) goto %s;", fw.branchCond(k), fw.label(ln.whead))
	})
	fw.labelLine(fmt.Sprintf("J%d", ln.head))
	seg := ln.whead
	for j, c := range append(ln.checks, ln.wback) {
		for k := seg; k < c; k++ { // A's segment
			fw.genOp(k)
		}
		if c == ln.wback {
			fw.laneOps(ln, seg, c, nil)
			fw.line(c, fmt.Sprintf("HX_POLL(); goto J%d;", ln.head))
			break
		}
		fw.line(c, fmt.Sprintf("if (%s) { %s = %d; goto %s; }", fw.leaves(ln, c), park, j+1, fw.label(ln.exit)))
		fw.laneOps(ln, seg, c+1, func(k int) string {
			return fmt.Sprintf("if (%s) { %s = %d; goto %s; }", fw.leaves(ln, k), park, len(pts), fw.label(ln.after(k)))
		})
		seg = ln.after(c)
	}
	fw.flush()
}

var regRef = regexp.MustCompile(`\br(\d+)\b`)

// laneOps writes ops lo..hi-1 for lane B, on its copies of the registers;
// test writes its tests.
func (fw *fnWriter) laneOps(ln *laneLoop, lo, hi int, test func(k int) string) {
	fw.alias = map[int]string{}
	for _, r := range ln.regs {
		fw.alias[r] = ln.copyOf(r)
	}
	start := fw.w.buf.Len()
	for k := lo; k < hi; k++ {
		if len(jumpTargets(&fw.f.Ops[k], k)) > 0 {
			fw.line(k, test(k))
		} else {
			fw.genOp(k)
		}
	}
	fw.alias = nil
	for _, m := range regRef.FindAllStringSubmatch(fw.w.buf.String()[start:], -1) {
		if r, _ := strconv.Atoi(m[1]); slices.Contains(ln.regs, r) {
			fw.fail(lo, "internal error: lane B of the loop at op %d reads register %d instead of its copy", ln.head, r)
		}
	}
}
