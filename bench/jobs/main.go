// Command jobs benchmarks the Fiberus job runtime (bench/jobs/c/bench.c, built
// here with the C compiler) beside Go equivalents in the same run, and prints
// a table with ratios. Run it niced on shared machines:
//
//	nice go run ./bench/jobs            # everything (about a minute, 4+ GB RSS)
//	nice go run ./bench/jobs -quick     # no fib(32) in Go, no million-fiber runs
package main

import (
	"bufio"
	"flag"
	"fmt"
	"github.com/fiberus/fiberus"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

var sources = append(fiberus.RuntimeSources("fibers", "jobs", "counters"), "sdk/capi/fiberus.c", "bench/jobs/c/bench.c")

func main() {
	quick := flag.Bool("quick", false, "skip the slow runs (Go fib, a million fibers and goroutines)")
	fibN := flag.Int("fib", 32, "fib argument")
	flag.Parse()
	if os.Getenv("FIBERUS_BENCH_CHILD") == "goparked" {
		goParked()
		return
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/jobs:", err)
		os.Exit(1)
	}
	exe, err := buildC(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench/jobs:", err)
		os.Exit(1)
	}
	var rows []row
	add := func(name, unit string, c, g float64, higherIsBetter bool, target string) {
		rows = append(rows, row{name, unit, c, g, higherIsBetter, target})
	}
	c := func(args ...string) map[string]float64 {
		m, err := runC(exe, args...)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench/jobs:", err)
			os.Exit(1)
		}
		return m
	}
	fmt.Fprintln(os.Stderr, "measuring switch and spawn...")
	sw := c("switch")["switch"]
	hand := goChanHandoff()
	add("fiber switch, thread<->fiber (cpu) / Go channel hand-off", "ns", sw, hand, false, "switch <= 10 ns")
	ff := c("switchff")["switchff"]
	add("fiber switch, fiber<->fiber (cpu) / Go channel hand-off", "ns", ff, hand, false, "switch <= 10 ns")
	add("Fiber.yield between two fibers, through the scheduler (cpu)", "ns", c("yield")["yield"], math.NaN(), false, "")
	sp1 := c("spawn", "1")
	add("job spawn+complete (1 worker, cpu) / goroutine spawn+join", "ns", sp1["spawn"], goSpawnJoin(), false, "<= 25 ns amortised")
	add("job spawn+complete, batched (run_many)", "ns", sp1["spawnbatch"], math.NaN(), false, "")

	fmt.Fprintln(os.Stderr, "measuring fib...")
	f1 := c("fib", "1", strconv.Itoa(*fibN))["fib"]
	f2 := c("fib", "2", strconv.Itoa(*fibN))["fib"]
	gf := math.NaN()
	if !*quick {
		gf = goFib(*fibN)
	}
	add(fmt.Sprintf("fib(%d) job+counter per call, 2 workers / Go", *fibN), "ms", f2, gf, false, ">= 10x faster than Go")
	add(fmt.Sprintf("fib(%d) 1 worker / 2 workers", *fibN), "ms", f1, f2, true, "2 workers >= 1.8x")

	fmt.Fprintln(os.Stderr, "measuring parallel for...")
	pf1, pf2, th1, th2 := c("pfor", "1"), c("pfor", "2"), c("threads", "1"), c("threads", "2")
	for _, m := range []map[string]float64{pf2, th1, th2} {
		if m["pfor_sum"] != pf1["pfor_sum"] || pf1["pfor_sum"] == 0 {
			fmt.Fprintf(os.Stderr, "bench/jobs: the parallel for variants computed different results (%v, %v)\n", pf1["pfor_sum"], m["pfor_sum"])
			os.Exit(1)
		}
	}
	p1, p2, t1, t2 := pf1["pfor"], pf2["pfor"], th1["threads"], th2["threads"]
	add("parallelFor compute 1 worker / 2 workers", "ms", p1, p2, true, "2 workers >= 1.9x")
	add("  baseline: same loop on 1 / 2 raw pthreads (machine now)", "ms", t1, t2, true, "what the CPUs allow")
	add("parallelFor compute 2 workers / Go goroutines", "ms", p2, goPfor(), false, "")

	if !*quick {
		fmt.Fprintln(os.Stderr, "measuring a million suspended fibers and parked goroutines...")
		m := c("million", "1000000")["million"]
		add("1M suspended fibers / 1M parked goroutines", "MiB", m, goParkedRSS(), false, "<= 4.5 GB resident")
	}
	fmt.Printf("%-56s %12s %12s %8s  %s\n", "benchmark (fiberus / reference)", "fiberus", "reference", "ratio", "target")
	for _, r := range rows {
		ratio := "-"
		if !math.IsNaN(r.g) && r.c > 0 {
			if r.higherIsBetter {
				ratio = fmt.Sprintf("%.2fx", r.c/r.g)
			} else {
				ratio = fmt.Sprintf("%.2fx", r.g/r.c)
			}
		}
		fmt.Printf("%-56s %9.2f %-2s %9s %-2s %8s  %s\n", r.name, r.c, r.unit, fmtNum(r.g), r.unit, ratio, r.target)
	}
	fmt.Printf("(ratio: how many times the reference the fiberus figure is better; %d CPUs, Go %s)\n", runtime.NumCPU(), runtime.Version())
}

type row struct {
	name, unit     string
	c, g           float64
	higherIsBetter bool // ratio = c/g (the reference column is the better-is-lower comparison)
	target         string
}

func fmtNum(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func buildC(root string) (string, error) {
	dir, err := os.MkdirTemp("", "fiberus-bench")
	if err != nil {
		return "", err
	}
	exe := filepath.Join(dir, "bench")
	args := append([]string{}, fiberus.CFlags...) // the runtime as programs get it
	for _, d := range []string{"fibers", "jobs", "counters", "sdk/include"} {
		args = append(args, "-I", filepath.Join(root, d))
	}
	for _, s := range sources {
		args = append(args, filepath.Join(root, s))
	}
	args = append(args, "-o", exe, "-lpthread", "-lm")
	cc := os.Getenv("CC")
	if cc == "" {
		cc = "gcc"
	}
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the C benchmark: %v\n%s", err, out)
	}
	return exe, nil
}

// runC runs the C benchmark and parses its "name value unit" lines.
func runC(exe string, args ...string) (map[string]float64, error) {
	out, err := exec.Command(exe, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %v", exe, strings.Join(args, " "), err)
	}
	m := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 {
			if v, err := strconv.ParseFloat(f[1], 64); err == nil {
				m[f[0]] = v
			}
		}
	}
	return m, nil
}

func best(n int, f func() float64) float64 {
	b := math.Inf(1)
	for i := 0; i < n; i++ {
		if v := f(); v < b {
			b = v
		}
	}
	return b
}

func goChanHandoff() float64 {
	return best(3, func() float64 {
		const n = 2000000
		ping, pong := make(chan int), make(chan int)
		go func() {
			for v := range ping {
				pong <- v
			}
		}()
		t0 := time.Now()
		for i := 0; i < n; i++ {
			ping <- i
			<-pong
		}
		close(ping)
		return float64(time.Since(t0).Nanoseconds()) / (2 * n)
	})
}

func goSpawnJoin() float64 {
	return best(3, func() float64 {
		const n = 1000000
		var wg sync.WaitGroup
		t0 := time.Now()
		for i := 0; i < n; i++ {
			wg.Add(1)
			go wg.Done()
			wg.Wait()
		}
		return float64(time.Since(t0).Nanoseconds()) / n
	})
}

func fibGo(n int) int {
	if n < 2 {
		return n
	}
	var x, y int
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { x = fibGo(n - 1); wg.Done() }()
	go func() { y = fibGo(n - 2); wg.Done() }()
	wg.Wait()
	return x + y
}

func goFib(n int) float64 {
	t0 := time.Now()
	fibGo(n)
	return float64(time.Since(t0).Microseconds()) / 1000
}

func pforBody(i int) float64 {
	x := float64(i)
	for k := 0; k < 20000; k++ {
		x = math.Sqrt(x+float64(k)) * 1.0000001
	}
	return x
}

func goPfor() float64 {
	out := make([]float64, 4096)
	return best(3, func() float64 {
		t0 := time.Now()
		var wg sync.WaitGroup
		for lo := 0; lo < len(out); lo += 16 {
			wg.Add(1)
			go func(lo int) {
				for i := lo; i < lo+16; i++ {
					out[i] = pforBody(i)
				}
				wg.Done()
			}(lo)
		}
		wg.Wait()
		return float64(time.Since(t0).Microseconds()) / 1000
	})
}

// goParkedRSS re-runs this program to park a million goroutines and report
// its resident size (a fresh process, so nothing else is counted).
func goParkedRSS() float64 {
	self, err := os.Executable()
	if err != nil {
		return math.NaN()
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), "FIBERUS_BENCH_CHILD=goparked")
	out, err := cmd.Output()
	if err != nil {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

func goParked() {
	const n = 1000000
	gate := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			started.Done()
			<-gate
			done.Done()
		}()
	}
	started.Wait()
	time.Sleep(100 * time.Millisecond)
	rss := statusKB("VmRSS:")
	close(gate)
	done.Wait()
	fmt.Printf("%.1f\n", rss/1024)
}

func statusKB(key string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return math.NaN()
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, key) {
			f := strings.Fields(line[len(key):])
			if len(f) > 0 {
				v, _ := strconv.ParseFloat(f[0], 64)
				return v
			}
		}
	}
	return math.NaN()
}
