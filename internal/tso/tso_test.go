package tso

import (
	"strings"
	"testing"
)

// sb is the store-buffering litmus test: each thread stores its flag, then
// reads the other's. x86 lets both read 0 unless a fence (or a locked store)
// sits between the store and the load.
func sb(fenced bool) Model {
	const x, y = 0, 1
	thread := func(name string, mine, other int) Thread {
		ops := []Op{Store(mine, Const(1))}
		if fenced {
			ops = append(ops, Fence())
		}
		return Thread{name, append(ops, Load(0, other), Done())}
	}
	return Model{
		Vars:    []string{"x", "y"},
		Init:    []int64{0, 0},
		Threads: []Thread{thread("A", x, y), thread("B", y, x)},
		Final: func(mem []int64, regs []Regs) string {
			if regs[0][0] == 0 && regs[1][0] == 0 {
				return "both threads read 0"
			}
			return ""
		},
	}
}

func TestStoreBufferingIsFoundWithoutFence(t *testing.T) {
	r := Check(sb(false))
	if r.Error != "both threads read 0" {
		t.Fatalf("x86-TSO allows both loads to read 0; the checker said %q", r.Error)
	}
	t.Logf("found in %d states:\n%s", r.States, r.Trace)
}

func TestStoreBufferingFenced(t *testing.T) {
	if r := Check(sb(true)); r.Error != "" {
		t.Fatalf("with mfence both reading 0 is impossible, got %q\n%s", r.Error, r.Trace)
	}
}

// A load sees its own thread's buffered store (store forwarding).
func TestOwnStoreIsVisible(t *testing.T) {
	m := Model{
		Vars: []string{"x"}, Init: []int64{0},
		Threads: []Thread{{"A", []Op{Store(0, Const(7)), Load(0, 0), Assert(func(r *Regs) bool { return r[0] == 7 }, "own store not seen"), Done()}}},
	}
	if r := Check(m); r.Error != "" {
		t.Fatal(r.Error)
	}
}

// A futex wait that checks a stale value sleeps forever: the checker must
// report the sleeper, not pass.
func TestLostWakeUpIsReported(t *testing.T) {
	const flag = 0
	m := Model{
		Vars: []string{"flag"}, Init: []int64{0},
		Threads: []Thread{
			{"waker", []Op{FutexWake(flag), Store(flag, Const(1)), Done()}}, // wakes before publishing: wrong
			{"sleeper", []Op{Label("again"), Load(0, flag), If(func(r *Regs) bool { return r[0] == 1 }, "out"),
				FutexWait(flag, Const(0)), Goto("again"), Label("out"), Done()}},
		},
	}
	r := Check(m)
	if !strings.Contains(r.Error, "sleeper never finishes") {
		t.Fatalf("got %q", r.Error)
	}
}

func TestAwaitBlocksUntilTrue(t *testing.T) {
	m := Model{
		Vars: []string{"x"}, Init: []int64{0},
		Threads: []Thread{
			{"setter", []Op{Store(0, Const(2)), Done()}},
			{"waiter", []Op{Await(0, 0, func(v int64) bool { return v == 2 }), Done()}},
		},
	}
	if r := Check(m); r.Error != "" {
		t.Fatal(r.Error)
	}
	m.Threads[0].Ops = []Op{Done()}
	if r := Check(m); !strings.Contains(r.Error, "waiter never finishes") {
		t.Fatalf("an await nobody satisfies must be reported, got %q", r.Error)
	}
}
