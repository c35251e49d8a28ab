package jobs

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/tso"
)

// Exhaustive interleaving checks (x86-TSO, internal/tso) of the protocol by
// which a worker that makes work wakes a parked one (job_sched.c: push_item
// -> wake_one -> wake_worker, against park). The property: work pushed while
// the other worker parks is never left with that worker asleep.

const (
	vBottom  = iota // the pusher's deque: 1 once the item is pushed
	vNparked        // nparked
	vSleep          // the parker's sleep word (futex)
	vTaken          // the parker ran the item
)

var isOne = func(r int) func(*tso.Regs) bool { return func(x *tso.Regs) bool { return x[r] == 1 } }
var notOne = func(r int) func(*tso.Regs) bool { return func(x *tso.Regs) bool { return x[r] != 1 } }
var isZero = func(r int) func(*tso.Regs) bool { return func(x *tso.Regs) bool { return x[r] == 0 } }
var positive = func(r int) func(*tso.Regs) bool { return func(x *tso.Regs) bool { return x[r] > 0 } }

// pusher: job_deque_push (release store of bottom: a plain mov), then
// wake_one (relaxed load of nparked; wake_worker: load, xchg, futex wake). It
// then runs a long job: only the parker can take the item in time.
func pusher() tso.Thread {
	return tso.Thread{Name: "pusher", Ops: []tso.Op{
		tso.Store(vBottom, tso.Const(1)),
		tso.Load(0, vNparked),
		tso.If(isZero(0), "out"),
		tso.Load(1, vSleep),
		tso.If(notOne(1), "out"),
		tso.Xchg(2, vSleep, tso.Const(0)),
		tso.If(notOne(2), "out"),
		tso.FutexWake(vSleep),
		tso.Label("out"),
		tso.Done(),
	}}
}

// parker: park() (seq_cst store of sleep = xchg, fetch_add of nparked, the
// has_work check, futex wait while sleep == 1), then find_work looks again.
// withBarrier adds what park does between counting itself and looking.
func parker(withBarrier bool) tso.Thread {
	ops := []tso.Op{
		tso.Label("park"),
		tso.Xchg(0, vSleep, tso.Const(1)),
		tso.Add(1, vNparked, tso.Const(1)),
	}
	if withBarrier {
		ops = append(ops, tso.Membarrier())
	}
	ops = append(ops,
		tso.Load(2, vBottom),
		tso.If(positive(2), "unpark"),
		tso.Label("wait"),
		tso.Load(3, vSleep),
		tso.If(notOne(3), "woke"),
		tso.FutexWait(vSleep, tso.Const(1)),
		tso.Goto("wait"),
		tso.Label("woke"),
		tso.Add(4, vNparked, tso.Const(-1)),
		tso.Goto("look"),
		tso.Label("unpark"),
		tso.Xchg(5, vSleep, tso.Const(0)),
		tso.Add(4, vNparked, tso.Const(-1)),
		tso.Label("look"),
		tso.Load(2, vBottom),
		tso.If(positive(2), "take"),
		tso.Goto("park"),
		tso.Label("take"),
		tso.Store(vTaken, tso.Const(1)),
		tso.Done(),
	)
	return tso.Thread{Name: "parker", Ops: ops}
}

func parkModel(withBarrier bool) tso.Model {
	return tso.Model{
		Vars:    []string{"bottom", "nparked", "sleep", "taken"},
		Init:    []int64{0, 0, 0, 0},
		Threads: []tso.Thread{pusher(), parker(withBarrier)},
	}
}

// Without a barrier on one side, x86's store buffer lets the pusher read
// nparked == 0 while its push is still buffered, and the parker read an empty
// deque: the parker sleeps through the push. This is why park() issues an
// asymmetric barrier; the test keeps the reason on record.
func TestParkWithoutBarrierLosesWakeUp(t *testing.T) {
	r := tso.Check(parkModel(false))
	if !strings.Contains(r.Error, "parker never finishes") {
		t.Fatalf("expected the store-buffer lost wake-up, got %q", r.Error)
	}
	t.Logf("%d states; the interleaving:\n%s", r.States, r.Trace)
}

// With membarrier in park (the slow, rare side), no interleaving loses it.
func TestParkWithBarrierNeverLosesWakeUp(t *testing.T) {
	r := tso.Check(parkModel(true))
	if r.Error != "" {
		t.Fatalf("%s\n%s", r.Error, r.Trace)
	}
	t.Logf("%d states, all fine", r.States)
}

// The Chase-Lev deque (job_deque.h) under x86-TSO: the owner pushes two items
// and takes three times (each take first returns at once if top is already
// past bottom - 1), a thief steals twice (a lost race counts as nothing
// stolen). Every item must be taken exactly once. take's seq_cst exchange of
// bottom is what keeps the owner and a thief from both taking the last item;
// the checker shows it by finding the double take when it is a plain store.
const (
	dTop = iota
	dBottom
	dBuf0 // dBuf0 + (index & 1): a two-slot array
)

// dequeMutant removes one safeguard of the deque, for the checker to catch.
type dequeMutant int

const (
	dequeAsWritten   dequeMutant = iota
	plainTakeStore               // take stores bottom without the seq_cst exchange
	earlyEmptyOnLast             // take's early exit also when one item is left
)

func dequeOwner(m dequeMutant) tso.Thread {
	var ops []tso.Op
	for item := int64(1); item <= 2; item++ {
		ops = append(ops, // push: the slot is bottom & 1, so item 1 lands in slot 0, item 2 in slot 1
			tso.Load(0, dBottom),
			tso.Load(1, dTop),
			tso.Store(dBuf0+int(item-1), tso.Const(item)),
			tso.Store(dBottom, func(r *tso.Regs) int64 { return r[0] + 1 }),
		)
	}
	for k := 0; k < 3; k++ {
		res := 3 + k // results in r3, r4, r5
		l := func(s string) string { return fmt.Sprintf("%s%d", s, k) }
		ops = append(ops,
			tso.Load(0, dBottom),
			tso.Set(0, func(r *tso.Regs) int64 { return r[0] - 1 }), // b
			tso.Load(1, dTop), // empty already: no exchange
			tso.If(func(r *tso.Regs) bool { return r[1] > r[0] || m == earlyEmptyOnLast && r[1] == r[0] }, l("early")),
		)
		if m == plainTakeStore {
			ops = append(ops, tso.Store(dBottom, tso.Reg(0)))
		} else {
			ops = append(ops, tso.Xchg(2, dBottom, tso.Reg(0)))
		}
		ops = append(ops,
			tso.Load(1, dTop), // t
			tso.If(func(r *tso.Regs) bool { return r[1] > r[0] }, l("empty")),
			tso.If(func(r *tso.Regs) bool { return r[0]&1 == 1 }, l("slot1")),
			tso.Load(res, dBuf0),
			tso.Goto(l("got")),
			tso.Label(l("slot1")),
			tso.Load(res, dBuf0+1),
			tso.Label(l("got")),
			tso.If(func(r *tso.Regs) bool { return r[1] != r[0] }, l("done")),
			// the last item: race the thieves for it
			tso.CAS(2, dTop, tso.Reg(1), func(r *tso.Regs) int64 { return r[1] + 1 }),
			tso.If(func(r *tso.Regs) bool { return r[2] == r[1] }, l("won")),
			tso.Set(res, tso.Const(0)),
			tso.Label(l("won")),
			tso.Store(dBottom, func(r *tso.Regs) int64 { return r[0] + 1 }),
			tso.Goto(l("done")),
			tso.Label(l("empty")),
			tso.Set(res, tso.Const(0)),
			tso.Store(dBottom, func(r *tso.Regs) int64 { return r[0] + 1 }),
			tso.Goto(l("done")),
			tso.Label(l("early")),
			tso.Set(res, tso.Const(0)),
			tso.Label(l("done")),
		)
	}
	return tso.Thread{Name: "owner", Ops: append(ops, tso.Done())}
}

func dequeThief() tso.Thread {
	var ops []tso.Op
	for k := 0; k < 2; k++ {
		res := 3 + k
		l := func(s string) string { return fmt.Sprintf("%s%d", s, k) }
		ops = append(ops,
			tso.Load(0, dTop),
			tso.Fence(),
			tso.Load(1, dBottom),
			tso.Set(res, tso.Const(0)),
			tso.If(func(r *tso.Regs) bool { return r[0] >= r[1] }, l("done")),
			tso.If(func(r *tso.Regs) bool { return r[0]&1 == 1 }, l("slot1")),
			tso.Load(2, dBuf0),
			tso.Goto(l("got")),
			tso.Label(l("slot1")),
			tso.Load(2, dBuf0+1),
			tso.Label(l("got")),
			tso.CAS(5, dTop, tso.Reg(0), func(r *tso.Regs) int64 { return r[0] + 1 }),
			tso.If(func(r *tso.Regs) bool { return r[5] != r[0] }, l("done")), // lost the race
			tso.Set(res, tso.Reg(2)),
			tso.Label(l("done")),
		)
	}
	return tso.Thread{Name: "thief", Ops: append(ops, tso.Done())}
}

func dequeModel(m dequeMutant) tso.Model {
	return tso.Model{
		Vars:    []string{"top", "bottom", "buf0", "buf1"},
		Init:    []int64{0, 0, 0, 0},
		Threads: []tso.Thread{dequeOwner(m), dequeThief()},
		Final: func(mem []int64, regs []tso.Regs) string {
			count := map[int64]int{}
			for _, x := range []int64{regs[0][3], regs[0][4], regs[0][5], regs[1][3], regs[1][4]} {
				if x != 0 {
					count[x]++
				}
			}
			for item := int64(1); item <= 2; item++ {
				if count[item] != 1 {
					return fmt.Sprintf("item %d taken %d times (owner %d %d %d, thief %d %d)", item, count[item],
						regs[0][3], regs[0][4], regs[0][5], regs[1][3], regs[1][4])
				}
			}
			return ""
		},
	}
}

func TestDequeEveryItemOnce(t *testing.T) {
	r := tso.Check(dequeModel(dequeAsWritten))
	if r.Error != "" {
		t.Fatalf("%s\n%s", r.Error, r.Trace)
	}
	t.Logf("%d states, every interleaving takes each item once", r.States)
}

func TestDequeTakeNeedsSeqCstBottom(t *testing.T) {
	r := tso.Check(dequeModel(plainTakeStore))
	if !strings.Contains(r.Error, "taken 2 times") {
		t.Fatalf("with a plain store of bottom in take, owner and thief can both take an item; got %q", r.Error)
	}
	t.Logf("found in %d states:\n%s", r.States, r.Trace)
}

// take's early exit must leave the last item to the exchange and CAS: exiting
// at one item left answers "empty" while the item is there, and in this model
// nobody takes it.
func TestDequeEarlyEmptyLeavesLastItem(t *testing.T) {
	r := tso.Check(dequeModel(earlyEmptyOnLast))
	if !strings.Contains(r.Error, "taken 0 times") {
		t.Fatalf("with the early exit on the last item, an item can be lost; got %q", r.Error)
	}
	t.Logf("found in %d states:\n%s", r.States, r.Trace)
}
