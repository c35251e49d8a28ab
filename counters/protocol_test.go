package counters

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
	"github.com/fiberus/fiberus/internal/tso"
)

// Exhaustive interleaving checks (x86-TSO, internal/tso) of counter.c's
// protocol: adders (counter_add) against fiber waiters (counter_wait:
// reached, then the enlist commit, the wake, drain). The counter starts at
// K, K adders subtract one each, every waiter waits for 0. Properties: every
// waiter wakes (no lost wake-up); a waiter returns only when the value is its
// target; once a waiter has returned, no adder touches the counter again (so
// the counter may live on the waiter's stack).

// The word as counter.h lays it out.
const (
	shift    = 17
	flagBit  = int64(1) << 16
	inflight = int64(0xFFFF)
)

func value(w int64) int64 { return w >> shift }

const (
	vWord     = iota // c->word
	vLock            // c->lock
	vList            // c->waiters, as a bit set of enlisted waiters (plain, under the lock)
	vReturned        // set (xchg) by a waiter as counter_wait returns
	vWoken0          // vWoken0+i: waiter i was readied (job_ready)
)

type model struct {
	adders, waiters int
	dropFlagCount   bool // break the protocol: adders do not count themselves in flight
}

func (m model) lock(prefix string) []tso.Op {
	return []tso.Op{
		tso.Label(prefix + "lock"),
		tso.Xchg(5, vLock, tso.Const(1)),
		tso.If(func(r *tso.Regs) bool { return r[5] == 0 }, prefix+"locked"),
		tso.Await(5, vLock, func(v int64) bool { return v == 0 }),
		tso.Goto(prefix + "lock"),
		tso.Label(prefix + "locked"),
	}
}

func (m model) adder(i int) tso.Thread {
	in := int64(1)
	if m.dropFlagCount {
		in = 0
	}
	ops := []tso.Op{
		// counter_add's CAS loop: value - 1, +1 in flight if waiters are parked.
		tso.Update(0, vWord, func(old int64, _ *tso.Regs) int64 {
			nw := old - 1<<shift
			if old&flagBit != 0 {
				nw += in
			}
			return nw
		}),
		tso.If(func(r *tso.Regs) bool { return r[0]&flagBit == 0 }, "out"),
		tso.Set(1, func(r *tso.Regs) int64 { return value(r[0]) - 1 }), // v, the new value
	}
	// wake_matching(c, v)
	ops = append(ops, m.lock("")...)
	ops = append(ops,
		tso.Load(2, vList),
		tso.Set(3, func(r *tso.Regs) int64 { // ready = waiters whose target (0) is v
			if r[1] == 0 {
				return r[2]
			}
			return 0
		}),
		tso.Store(vList, func(r *tso.Regs) int64 { return r[2] &^ r[3] }),
		tso.If(func(r *tso.Regs) bool { return r[2]&^r[3] != 0 }, "unlock"),
		tso.Update(4, vWord, func(old int64, _ *tso.Regs) int64 { return old &^ flagBit }),
		tso.Label("unlock"),
		tso.Store(vLock, tso.Const(0)),
	)
	for w := 0; w < m.waiters; w++ {
		bit := int64(1) << w
		skip := fmt.Sprintf("skip%d", w)
		ops = append(ops,
			tso.If(func(r *tso.Regs) bool { return r[3]&bit == 0 }, skip),
			tso.Store(vWoken0+w, tso.Const(1)), // job_ready
			tso.Label(skip))
	}
	ops = append(ops,
		// the last touch: it must not come after a waiter returned
		tso.Load(4, vReturned),
		tso.Assert(func(r *tso.Regs) bool { return r[4] == 0 }, "counter touched after a waiter returned from its wait"),
		tso.Update(4, vWord, func(old int64, _ *tso.Regs) int64 { return old - in }),
		tso.Label("out"),
		tso.Done())
	return tso.Thread{Name: fmt.Sprintf("adder%d", i), Ops: ops}
}

func (m model) waiter(i int) tso.Thread {
	const target = 0
	bit := int64(1) << i
	atTarget := func(r int) func(*tso.Regs) bool {
		return func(x *tso.Regs) bool { return value(x[r]) == target }
	}
	ops := []tso.Op{
		// reached(): the value is target and no add is in flight
		tso.Label("reached"),
		tso.Load(0, vWord),
		tso.If(func(r *tso.Regs) bool { return value(r[0]) != target }, "suspend"),
		tso.If(func(r *tso.Regs) bool { return r[0]&inflight == 0 }, "return"),
		tso.Await(0, vWord, func(w int64) bool { return value(w) != target || w&inflight == 0 }),
		tso.Goto("reached"),
		tso.Label("suspend"),
	}
	// park_commit -> enlist
	ops = append(ops, m.lock("")...)
	ops = append(ops,
		tso.Update(1, vWord, func(old int64, _ *tso.Regs) int64 { return old | flagBit }),
		tso.Load(2, vList),
		tso.If(atTarget(1), "already"),
		tso.Store(vList, func(r *tso.Regs) int64 { return r[2] | bit }),
		tso.Store(vLock, tso.Const(0)),
		tso.Await(3, vWoken0+i, func(v int64) bool { return v == 1 }), // suspended until readied
		tso.Goto("drain"),
		tso.Label("already"),
		tso.If(func(r *tso.Regs) bool { return r[2] != 0 }, "keepflag"),
		tso.Update(3, vWord, func(old int64, _ *tso.Regs) int64 { return old &^ flagBit }),
		tso.Label("keepflag"),
		tso.Store(vLock, tso.Const(0)),
		// drain(): adds in flight finish
		tso.Label("drain"),
		tso.Await(0, vWord, func(w int64) bool { return w&inflight == 0 }),
		tso.Label("return"),
		tso.Load(0, vWord),
		tso.Assert(atTarget(0), "a waiter returned before the value reached its target"),
		tso.Xchg(4, vReturned, tso.Const(1)),
		tso.Done(),
	)
	return tso.Thread{Name: fmt.Sprintf("waiter%d", i), Ops: ops}
}

func (m model) build() tso.Model {
	vars := []string{"word", "lock", "list", "returned"}
	init := []int64{int64(m.adders) << shift, 0, 0, 0}
	for w := 0; w < m.waiters; w++ {
		vars = append(vars, fmt.Sprintf("woken%d", w))
		init = append(init, 0)
	}
	var threads []tso.Thread
	for a := 0; a < m.adders; a++ {
		threads = append(threads, m.adder(a))
	}
	for w := 0; w < m.waiters; w++ {
		threads = append(threads, m.waiter(w))
	}
	return tso.Model{Vars: vars, Init: init, Threads: threads}
}

func TestCounterProtocolExhaustive(t *testing.T) {
	models := []model{{adders: 1, waiters: 1}, {adders: 2, waiters: 1}, {adders: 1, waiters: 2}}
	if ctest.Stress() {
		models = append(models, model{adders: 2, waiters: 2}) // 2.2M states, minutes
	}
	for _, m := range models {
		r := tso.Check(m.build())
		if r.Error != "" {
			t.Fatalf("%d adders, %d waiters: %s\n%s", m.adders, m.waiters, r.Error, r.Trace)
		}
		t.Logf("%d adders, %d waiters: %d states, every interleaving fine", m.adders, m.waiters, r.States)
	}
}

// Without the in-flight count an adder may still be waking (holding the
// counter's lock, touching its word) when the waiter returns and frees the
// counter: the checker must find it, proving the count is what prevents it.
func TestCounterProtocolNeedsInflightCount(t *testing.T) {
	r := tso.Check(model{adders: 1, waiters: 1, dropFlagCount: true}.build())
	if !strings.Contains(r.Error, "counter touched after a waiter returned") {
		t.Fatalf("expected a use after return, got %q", r.Error)
	}
	t.Logf("found in %d states:\n%s", r.States, r.Trace)
}
