// Package fiberus is the Go binding of the Fiberus job runtime: it starts and
// stops the C workers, runs C jobs, runs Go functions as jobs, and waits on
// counters.
//
// Go code cannot run on a fiber stack. A Go function run as a job (RunGo) is
// called on the worker thread's own stack, so it must not wait on a counter
// expecting to suspend: such a wait blocks that worker thread until the
// counter is reached. Counter.Wait from a goroutine blocks only the thread
// under that goroutine (a cgo call); other goroutines keep running.
//
// The runtime runs in host mode: every worker, worker 0 included, runs on its
// own thread. The fiber-overflow SIGSEGV handler is not installed (Go owns
// SIGSEGV); guard pages still stop an overflow.
package fiberus

/*
#cgo CFLAGS: -std=gnu11 -O2 -g -fno-strict-aliasing -I${SRCDIR}/../../fibers -I${SRCDIR}/../../jobs -I${SRCDIR}/../../counters -I${SRCDIR}/../include
#cgo LDFLAGS: -lpthread -lm
#include "fiberus.h"
#include <stdlib.h>
void fiberus_go_job(void *h);
void fiberus_go_run(uintptr_t h, fiberus_counter *c);
void fiberus_go_inc_job(void *arg);
typedef struct fiberus_go_fan { int64_t n; int64_t *sum; int64_t inner; } fiberus_go_fan;
void fiberus_go_fan_job(void *p);
int fiberus_go_on_fiber_stack(void);
void fiberus_go_probe_job(void *arg);
*/
import "C"

import (
	"errors"
	"runtime/cgo"
	"sync"
	"unsafe"
)

// Config configures the runtime.
type Config struct {
	Workers   int // worker threads; 0: one per CPU
	StackSize int // fiber stack size in bytes; 0: 64 KiB
}

var (
	mu      sync.Mutex
	started bool
)

// ErrRunning is returned by Start when the runtime already runs.
var ErrRunning = errors.New("fiberus: runtime already started")

// Start starts the worker threads.
func Start(cfg Config) error {
	mu.Lock()
	defer mu.Unlock()
	if started {
		return ErrRunning
	}
	var c C.fiberus_config
	C.fiberus_config_default(&c)
	c.workers = C.int(cfg.Workers)
	c.stack_size = C.size_t(cfg.StackSize)
	c.no_signal_handler = 1
	if C.fiberus_init(&c) != 0 {
		return errors.New("fiberus: cannot apply the configuration")
	}
	if C.fiberus_start() != 0 {
		return errors.New("fiberus: cannot start the workers")
	}
	started = true
	return nil
}

// Stop stops the workers: queued jobs are dropped, running ones finish.
func Stop() {
	mu.Lock()
	defer mu.Unlock()
	if started {
		C.fiberus_stop()
		started = false
	}
}

// Workers is the number of worker threads.
func Workers() int { return int(C.fiberus_worker_count()) }

// Counter counts outstanding jobs; Wait returns once it reaches a target.
// Its memory is C memory: call Free when done with it.
type Counter struct{ c *C.fiberus_counter }

// NewCounter returns a counter holding v.
func NewCounter(v int64) *Counter {
	return &Counter{C.fiberus_counter_new(C.int64_t(v))}
}

// Add adds d and returns the new value, waking the waiters it satisfies.
func (c *Counter) Add(d int64) int64 { return int64(C.fiberus_counter_add(c.c, C.int64_t(d))) }

// Value is the current value.
func (c *Counter) Value() int64 { return int64(C.fiberus_counter_value(c.c)) }

// Wait blocks the calling goroutine (and only its thread) until the counter
// equals target.
func (c *Counter) Wait(target int64) { C.fiberus_wait(c.c, C.int64_t(target)) }

// Free releases the counter; nothing may use it afterwards.
func (c *Counter) Free() {
	if c.c != nil {
		C.fiberus_counter_free(c.c)
		c.c = nil
	}
}

func cptr(c *Counter) *C.fiberus_counter {
	if c == nil {
		return nil
	}
	return c.c
}

// RunC runs the C function fn (void (*)(void *)) with arg as a job, counted
// by c when c is not nil. arg must not point into Go memory that moves or is
// freed before the job ends (use C memory).
func RunC(fn unsafe.Pointer, arg unsafe.Pointer, c *Counter) {
	C.fiberus_run((C.fiberus_job_fn)(fn), arg, cptr(c))
}

// RunGo runs f as a job, on the worker thread's own stack (never on a fiber).
func RunGo(f func(), c *Counter) {
	h := cgo.NewHandle(f)
	C.fiberus_go_run(C.uintptr_t(h), cptr(c))
}

//export fiberusGoCall
func fiberusGoCall(h C.uintptr_t) {
	hd := cgo.Handle(h)
	f := hd.Value().(func())
	hd.Delete()
	f()
}

// onFiberStack reports whether C code called from here runs on a fiber stack.
func onFiberStack() bool { return C.fiberus_go_on_fiber_stack() != 0 }

// probeJob stores into its int argument whether it ran on a fiber stack.
var probeJob = unsafe.Pointer(C.fiberus_go_probe_job)

// IncJob is a C job that atomically adds 1 to the int64 its argument points
// to (C memory); for tests and examples.
var IncJob = unsafe.Pointer(C.fiberus_go_inc_job)

// FanOut runs a C job that spawns n IncJob jobs on a counter of its own and
// waits for them on its fiber, and returns n as the job counted. For tests:
// it proves fiber waits inside C jobs while Go drives the runtime.
func FanOut(n int64, c *Counter) (sum func() int64, free func()) {
	f := (*C.fiberus_go_fan)(C.calloc(1, C.sizeof_fiberus_go_fan))
	total := (*C.int64_t)(C.calloc(1, 8))
	f.n = C.int64_t(n)
	f.sum = total
	C.fiberus_run((C.fiberus_job_fn)(C.fiberus_go_fan_job), unsafe.Pointer(f), cptr(c))
	return func() int64 { return int64(*total) }, func() { C.free(unsafe.Pointer(f)); C.free(unsafe.Pointer(total)) }
}
