package fiberus

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
)

// The runtime is process-wide: tests share one start/stop cycle each.
func start(t *testing.T, workers int) {
	t.Helper()
	if err := Start(Config{Workers: workers}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(Stop)
}

func TestStartTwice(t *testing.T) {
	start(t, 2)
	if err := Start(Config{}); err != ErrRunning {
		t.Fatalf("second Start: %v, want ErrRunning", err)
	}
	if Workers() != 2 {
		t.Fatalf("Workers() = %d, want 2", Workers())
	}
}

func TestCJobsAndFiberWaits(t *testing.T) {
	start(t, 2)
	c := NewCounter(0)
	defer c.Free()
	const fans, per = 50, 200
	var sums []func() int64
	var frees []func()
	for i := 0; i < fans; i++ {
		s, f := FanOut(per, c)
		sums, frees = append(sums, s), append(frees, f)
	}
	c.Wait(0)
	for i, s := range sums {
		if got := s(); got != per {
			t.Errorf("fan-out %d counted %d, want %d", i, got, per)
		}
		frees[i]()
	}
}

func TestWaitDoesNotBlockOtherGoroutines(t *testing.T) {
	start(t, 2)
	gate := NewCounter(1)
	defer gate.Free()
	waited := make(chan struct{})
	go func() {
		gate.Wait(0)
		close(waited)
	}()
	// Other goroutines keep running while one waits in C.
	var ticks atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					ticks.Add(1)
					runtime.Gosched()
				}
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	select {
	case <-waited:
		t.Fatal("Wait returned before the counter reached its target")
	default:
	}
	if ticks.Load() == 0 {
		t.Fatal("other goroutines made no progress during Wait")
	}
	gate.Add(-1)
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("Wait did not return after the counter reached its target")
	}
	close(stop)
	wg.Wait()
}

// Go callbacks run on the worker threads' own stacks; under a garbage
// collector forced to run concurrently they must not crash or lose work.
func TestGoJobsUnderGC(t *testing.T) {
	start(t, 2)
	n := 4000
	if testing.Short() {
		n = 1000
	}
	c := NewCounter(0)
	defer c.Free()
	var ran, onFiber atomic.Int64
	var mu sync.Mutex
	keep := map[int][]byte{}
	for i := 0; i < n; i++ {
		i := i
		RunGo(func() {
			if onFiberStack() {
				onFiber.Add(1)
			}
			b := make([]byte, 1024+i%4096) // garbage, some kept
			b[0] = byte(i)
			if i%100 == 0 {
				runtime.GC()
			}
			mu.Lock()
			keep[i%64] = b
			mu.Unlock()
			var stackGrowth func(int) int
			stackGrowth = func(d int) int { // makes Go grow and move its stack
				var pad [256]byte
				pad[d%256] = byte(d)
				if d == 0 {
					return int(pad[0])
				}
				return stackGrowth(d-1) + int(pad[d%256])
			}
			_ = stackGrowth(200)
			ran.Add(1)
		}, c)
	}
	stopGC := make(chan struct{})
	go func() {
		for {
			select {
			case <-stopGC:
				return
			default:
				runtime.GC()
				time.Sleep(time.Millisecond)
			}
		}
	}()
	c.Wait(0)
	close(stopGC)
	if ran.Load() != int64(n) {
		t.Fatalf("ran %d Go jobs, want %d", ran.Load(), n)
	}
	if onFiber.Load() != 0 {
		t.Fatalf("%d Go jobs ran with a fiber stack under them", onFiber.Load())
	}
}

func TestRunCFromManyGoroutines(t *testing.T) {
	start(t, 2)
	sum := (*int64)(cmalloc(8))
	defer cfree(unsafe.Pointer(sum))
	c := NewCounter(0)
	defer c.Free()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				RunC(IncJob, unsafe.Pointer(sum), c)
			}
		}()
	}
	wg.Wait()
	c.Wait(0)
	if got := atomic.LoadInt64(sum); got != 8*5000 {
		t.Fatalf("sum %d, want %d", got, 8*5000)
	}
}

func TestRestart(t *testing.T) {
	for i := 0; i < 3; i++ {
		if err := Start(Config{Workers: 1 + i%2}); err != nil {
			t.Fatal(err)
		}
		c := NewCounter(0)
		var ran atomic.Int64
		for k := 0; k < 100; k++ {
			RunGo(func() { ran.Add(1) }, c)
		}
		c.Wait(0)
		c.Free()
		Stop()
		if ran.Load() != 100 {
			t.Fatalf("cycle %d: ran %d", i, ran.Load())
		}
	}
}

// The probe used by TestGoJobsUnderGC can tell: a C job does run on a fiber.
func TestCJobsRunOnFibers(t *testing.T) {
	start(t, 1)
	res := (*int32)(cmalloc(4))
	defer cfree(unsafe.Pointer(res))
	c := NewCounter(0)
	defer c.Free()
	RunC(probeJob, unsafe.Pointer(res), c)
	c.Wait(0)
	if *res != 1 {
		t.Fatal("a C job did not run on a fiber stack")
	}
	if onFiberStack() {
		t.Fatal("a goroutine's C call reports a fiber stack")
	}
}
