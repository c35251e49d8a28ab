// Package tso is an exhaustive interleaving checker for small concurrent
// protocols under x86-TSO, the memory model of the machines the runtime runs
// on. A model is a few threads, each a short program over shared integer
// variables; the checker explores every interleaving of their steps and of
// the store buffers' drains (a plain store waits in its thread's FIFO buffer
// until memory takes it; a load sees its own thread's newest buffered store
// first; a locked read-modify-write or a fence drains the buffer first), and
// reports the first reachable state that breaks an assertion or leaves a
// thread blocked for good (a lost wake-up).
//
// Models transcribe the runtime's C protocols step by step (the C atomics map
// to x86 as gcc compiles them: a seq_cst store is a locked xchg, a release
// store or relaxed store is a plain mov, every RMW is locked). Futexes are
// modelled as the kernel gives them: FutexWait sleeps only if the variable
// still holds the expected value (checked atomically with going to sleep),
// and FutexWake wakes every sleeper on the variable.
package tso

import (
	"fmt"
	"strings"
)

// Limits of a model (fixed so that states are comparable values).
const (
	MaxThreads = 4
	MaxVars    = 8
	MaxRegs    = 6
	MaxBuffer  = 4 // stores a buffer holds; more blocks the thread (as a full buffer stalls)
)

// Regs are a thread's registers.
type Regs [MaxRegs]int64

// Op is one instruction of a thread's program.
type Op struct {
	kind   opKind
	v      int                      // variable
	r      int                      // destination register
	val    func(*Regs) int64        // value stored / added / compared
	val2   func(*Regs) int64        // CAS: new value
	cond   func(*Regs) bool         // branches and assertions
	target string                   // branch label
	label  string                   // this op's label (Label)
	msg    string                   // assertion message
	ok     func(int64) bool         // Await's condition
	upd    func(int64, *Regs) int64 // Update's function
}

type opKind int

const (
	opStore opKind = iota
	opLoad
	opXchg
	opAdd
	opCAS
	opFence
	opBranch
	opLabel
	opAssert
	opFutexWait
	opFutexWake
	opSet
	opAwait
	opUpdate
	opMembarrier
	opDone
)

// Const is an expression of a constant.
func Const(c int64) func(*Regs) int64 { return func(*Regs) int64 { return c } }

// Reg is an expression of register r.
func Reg(r int) func(*Regs) int64 { return func(x *Regs) int64 { return x[r] } }

// Store is a plain (buffered) store: mov, i.e. a relaxed or release store.
func Store(v int, val func(*Regs) int64) Op { return Op{kind: opStore, v: v, val: val} }

// Load reads v into register r (own buffered stores first).
func Load(r, v int) Op { return Op{kind: opLoad, r: r, v: v} }

// Xchg atomically stores val into v, old value into r (locked; drains the buffer). A seq_cst store.
func Xchg(r, v int, val func(*Regs) int64) Op { return Op{kind: opXchg, r: r, v: v, val: val} }

// Add is a locked fetch-and-add: r gets the old value.
func Add(r, v int, delta func(*Regs) int64) Op { return Op{kind: opAdd, r: r, v: v, val: delta} }

// CAS is a locked compare-and-swap: if v == expect then v = repl; r gets the old value.
func CAS(r, v int, expect, repl func(*Regs) int64) Op {
	return Op{kind: opCAS, r: r, v: v, val: expect, val2: repl}
}

// Update is any locked read-modify-write (fetch_or, fetch_and, a CAS loop
// that retries until it wins): v = fn(old, regs); r gets the old value.
func Update(r, v int, fn func(old int64, x *Regs) int64) Op {
	return Op{kind: opUpdate, r: r, v: v, upd: fn}
}

// Fence is mfence: drains the buffer.
func Fence() Op { return Op{kind: opFence} }

// Set computes a register from registers (thread-local, not a memory access).
func Set(r int, val func(*Regs) int64) Op { return Op{kind: opSet, r: r, val: val} }

// If jumps to label when cond holds.
func If(cond func(*Regs) bool, label string) Op { return Op{kind: opBranch, cond: cond, target: label} }

// Goto jumps to label.
func Goto(label string) Op { return If(func(*Regs) bool { return true }, label) }

// Label marks a jump target.
func Label(name string) Op { return Op{kind: opLabel, label: name} }

// Assert fails the model when cond does not hold.
func Assert(cond func(*Regs) bool, msg string) Op { return Op{kind: opAssert, cond: cond, msg: msg} }

// FutexWait sleeps while v == val (else goes on), until a FutexWake on v.
func FutexWait(v int, val func(*Regs) int64) Op { return Op{kind: opFutexWait, v: v, val: val} }

// FutexWake wakes every thread sleeping on v.
func FutexWake(v int) Op { return Op{kind: opFutexWake, v: v} }

// Await spins until v (as the thread sees it) satisfies ok, then puts it in r:
// a spin-wait, modelled as blocking so that a spin nobody ends shows up as a
// thread that never finishes.
func Await(r, v int, ok func(int64) bool) Op { return Op{kind: opAwait, r: r, v: v, ok: ok} }

// Membarrier is membarrier(2) (private expedited): when it returns, every
// other thread has run a full barrier, so all stores buffered anywhere are in
// memory. The slow side of an asymmetric fence.
func Membarrier() Op { return Op{kind: opMembarrier} }

// Done ends the thread.
func Done() Op { return Op{kind: opDone} }

// Thread is a named program.
type Thread struct {
	Name string
	Ops  []Op
}

// Model is a protocol to check.
type Model struct {
	Vars    []string // names; initial values in Init
	Init    []int64
	Threads []Thread
	// Final, if set, is checked in every terminal state (all threads done):
	// it returns "" or what is wrong.
	Final func(mem []int64, regs []Regs) string
}

type store struct {
	v   int8
	val int64
}

type state struct {
	mem    [MaxVars]int64
	pc     [MaxThreads]int16
	asleep [MaxThreads]int8 // 1 + variable slept on, 0 when awake
	regs   [MaxThreads]Regs
	buf    [MaxThreads][MaxBuffer]store
	nbuf   [MaxThreads]int8
}

// Result says what the exploration found.
type Result struct {
	States int    // distinct states visited
	Error  string // "" when every interleaving is fine
	Trace  string // the steps leading to the error
}

type step struct {
	from *step
	what string
}

// Check explores every interleaving of m under x86-TSO.
func Check(m Model) Result {
	if len(m.Threads) > MaxThreads || len(m.Vars) > MaxVars {
		panic("tso: model too large")
	}
	labels := make([]map[string]int, len(m.Threads))
	for t, th := range m.Threads {
		labels[t] = map[string]int{}
		for i, op := range th.Ops {
			if op.kind == opLabel {
				labels[t][op.label] = i
			}
		}
		for _, op := range th.Ops {
			if op.kind == opBranch {
				if _, ok := labels[t][op.target]; !ok {
					panic(fmt.Sprintf("tso: thread %s jumps to unknown label %q", th.Name, op.target))
				}
			}
		}
	}
	var s0 state
	copy(s0.mem[:], m.Init)
	seen := map[state]bool{s0: true}
	type item struct {
		s  state
		at *step
	}
	stack := []item{{s0, nil}}
	trace := func(at *step, last string) string {
		var lines []string
		if last != "" {
			lines = append(lines, last)
		}
		for ; at != nil; at = at.from {
			lines = append(lines, at.what)
		}
		for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
			lines[i], lines[j] = lines[j], lines[i]
		}
		return strings.Join(lines, "\n")
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s := it.s
		moved := false
		push := func(n state, what string) {
			moved = true
			if !seen[n] {
				seen[n] = true
				stack = append(stack, item{n, &step{it.at, what}})
			}
		}
		for t, th := range m.Threads {
			// A buffered store may reach memory at any time.
			if s.nbuf[t] > 0 {
				n := s
				b := n.buf[t][0]
				n.mem[b.v] = b.val
				copy(n.buf[t][:], n.buf[t][1:])
				n.buf[t][MaxBuffer-1] = store{}
				n.nbuf[t]--
				push(n, fmt.Sprintf("%s: buffer drains %s=%d", th.Name, m.Vars[b.v], b.val))
			}
			if s.asleep[t] != 0 {
				continue
			}
			pc := int(s.pc[t])
			if pc >= len(th.Ops) {
				continue
			}
			op := th.Ops[pc]
			n := s
			n.pc[t]++
			regs := &n.regs[t]
			load := func(v int) int64 {
				for i := int(n.nbuf[t]) - 1; i >= 0; i-- {
					if int(n.buf[t][i].v) == v {
						return n.buf[t][i].val
					}
				}
				return n.mem[v]
			}
			what := fmt.Sprintf("%s@%d", th.Name, pc)
			switch op.kind {
			case opStore:
				if n.nbuf[t] == MaxBuffer {
					continue // a full buffer stalls the thread until it drains
				}
				val := op.val(regs)
				n.buf[t][n.nbuf[t]] = store{int8(op.v), val}
				n.nbuf[t]++
				what += fmt.Sprintf(": store %s=%d (buffered)", m.Vars[op.v], val)
			case opLoad:
				regs[op.r] = load(op.v)
				what += fmt.Sprintf(": load %s -> %d", m.Vars[op.v], regs[op.r])
			case opXchg, opAdd, opCAS, opFence, opUpdate:
				if n.nbuf[t] > 0 {
					continue // locked ops wait for the buffer to drain
				}
				switch op.kind {
				case opXchg:
					regs[op.r], n.mem[op.v] = n.mem[op.v], op.val(regs)
					what += fmt.Sprintf(": xchg %s=%d (was %d)", m.Vars[op.v], n.mem[op.v], regs[op.r])
				case opAdd:
					d := op.val(regs)
					regs[op.r] = n.mem[op.v]
					n.mem[op.v] += d
					what += fmt.Sprintf(": fetch_add %s+%d -> %d", m.Vars[op.v], d, n.mem[op.v])
				case opCAS:
					exp := op.val(regs)
					regs[op.r] = n.mem[op.v]
					if n.mem[op.v] == exp {
						n.mem[op.v] = op.val2(regs)
					}
					what += fmt.Sprintf(": cas %s (was %d) -> %d", m.Vars[op.v], regs[op.r], n.mem[op.v])
				case opUpdate:
					regs[op.r] = n.mem[op.v]
					n.mem[op.v] = op.upd(regs[op.r], regs)
					what += fmt.Sprintf(": rmw %s %d -> %d", m.Vars[op.v], regs[op.r], n.mem[op.v])
				default:
					what += ": mfence"
				}
			case opAwait:
				val := load(op.v)
				if !op.ok(val) {
					continue
				}
				regs[op.r] = val
				what += fmt.Sprintf(": awaited %s = %d", m.Vars[op.v], val)
			case opMembarrier:
				if n.nbuf[t] > 0 {
					continue
				}
				for u := range m.Threads {
					for i := 0; i < int(n.nbuf[u]); i++ {
						n.mem[n.buf[u][i].v] = n.buf[u][i].val
					}
					n.buf[u] = [MaxBuffer]store{}
					n.nbuf[u] = 0
				}
				what += ": membarrier (every buffer drained)"
			case opSet:
				regs[op.r] = op.val(regs)
				what += fmt.Sprintf(": r%d=%d", op.r, regs[op.r])
			case opBranch:
				if op.cond(regs) {
					n.pc[t] = int16(labels[t][op.target])
					what += ": -> " + op.target
				} else {
					what += ": falls through"
				}
			case opLabel:
				what += ": " + op.label
			case opAssert:
				if !op.cond(regs) {
					return Result{len(seen), fmt.Sprintf("%s: assertion failed: %s", th.Name, op.msg), trace(it.at, what)}
				}
			case opFutexWait:
				if n.nbuf[t] > 0 {
					continue // a syscall drains the buffer first
				}
				if n.mem[op.v] == op.val(regs) {
					n.asleep[t] = int8(op.v + 1)
					what += fmt.Sprintf(": futex_wait on %s sleeps", m.Vars[op.v])
				} else {
					what += fmt.Sprintf(": futex_wait on %s returns (changed)", m.Vars[op.v])
				}
			case opFutexWake:
				if n.nbuf[t] > 0 {
					continue
				}
				for u := range m.Threads {
					if int(n.asleep[u]) == op.v+1 {
						n.asleep[u] = 0
					}
				}
				what += fmt.Sprintf(": futex_wake on %s", m.Vars[op.v])
			case opDone:
				n.pc[t] = int16(len(th.Ops))
				what += ": done"
			}
			push(n, what)
		}
		if moved {
			continue
		}
		// Terminal: nothing can move. Every thread must have finished.
		for t, th := range m.Threads {
			if int(s.pc[t]) < len(th.Ops) {
				why := "blocked"
				if s.asleep[t] != 0 {
					why = "asleep on " + m.Vars[s.asleep[t]-1]
				}
				return Result{len(seen), fmt.Sprintf("%s never finishes (%s at op %d): lost wake-up", th.Name, why, s.pc[t]), trace(it.at, "")}
			}
		}
		if m.Final != nil {
			if msg := m.Final(s.mem[:len(m.Vars)], s.regs[:len(m.Threads)]); msg != "" {
				return Result{len(seen), msg, trace(it.at, "")}
			}
		}
	}
	return Result{States: len(seen)}
}
