package jobs

import (
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
