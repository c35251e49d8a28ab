// Command run builds every benchmark of bench/ with fiberus, runs it beside its reference
// (hand-written C, or node running Haxe's JS output of the same program) in alternation,
// checks that both print the same thing, and prints the ratio of the medians
// (time(fiberus) / time(reference): lower is better) next to hxcpp's ratio and the target.
// It also measures how long `fiberus build` takes for hello world with a warm and a cold cache.
//
//	go run ./bench/run [-only nbody,json] [-runs N] [-quick] [-metric cpu|wall] [-nice 10] [-fiberus CLI]
//
// The machines this runs on are shared, so the default metric is CPU time (user+sys of the
// process), which other load disturbs far less than wall time; both are printed.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// sample is one timed run of a program.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

// result is what one benchmark measured.
type result struct {
	b        benchmark
	fib, ref []sample
	fibBuild time.Duration // how long `fiberus build` took
	err      string        // a failure that left no ratio
}

func main() {
	only := flag.String("only", "", "comma-separated benchmarks to run (default all); \"none\" runs only the build-time measurement")
	runs := flag.Int("runs", 5, "timed runs of each program (alternating fiberus and reference)")
	quick := flag.Bool("quick", false, "small sizes: a smoke run of a few seconds")
	metric := flag.String("metric", "cpu", "time the ratio uses: cpu (user+sys) or wall")
	nice := flag.Int("nice", 10, "niceness for this runner and everything it starts (0 keeps the current)")
	buildTime := flag.Bool("buildtime", true, "measure hello-world build times (warm and cold cache)")
	cli := flag.String("fiberus", "", "use this fiberus CLI instead of building ./cmd/fiberus")
	keep := flag.Bool("keep", false, "keep the temporary directory with the built programs")
	flag.Parse()
	if *metric != "cpu" && *metric != "wall" {
		fatalf("-metric must be cpu or wall, not %q", *metric)
	}
	if *runs < 1 {
		fatalf("-runs must be at least 1")
	}
	if *nice != 0 {
		// Children inherit the niceness, so fiberus and the references share it.
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, 0, *nice); err != nil {
			fmt.Fprintf(os.Stderr, "warning: cannot set niceness %d: %v\n", *nice, err)
		}
	}

	root, err := repoRoot()
	if err != nil {
		fatalf("%v", err)
	}
	selected, err := selectBenchmarks(*only)
	if err != nil {
		fatalf("%v", err)
	}
	tmp, err := os.MkdirTemp("", "fiberus-bench-")
	if err != nil {
		fatalf("temporary directory: %v", err)
	}
	if *keep {
		fmt.Printf("keeping %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	fmt.Printf("fiberus benchmarks, %s, %s, %d CPUs, %d runs each, metric %s\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), cpuModel(), runtime.NumCPU(), *runs, *metric)
	fiberus := *cli
	if fiberus == "" {
		fiberus = filepath.Join(tmp, "fiberus")
		if _, err := runCmd(root, nil, "go", "build", "-o", fiberus, "./cmd/fiberus"); err != nil {
			fatalf("building the fiberus CLI: %v", err)
		}
	} else if fiberus, err = filepath.Abs(fiberus); err != nil {
		fatalf("%v", err)
	}

	var results []result
	for _, b := range selected {
		args := b.args
		if *quick {
			args = b.quick
		}
		fmt.Fprintf(os.Stderr, "%s %s ...\n", b.name, strings.Join(args, " "))
		results = append(results, measure(root, tmp, fiberus, b, args, *runs))
	}
	if len(results) > 0 {
		printTable(results, *metric)
	}

	if *buildTime {
		warmN, coldN := *runs, min(*runs, 3)
		if *quick {
			warmN, coldN = min(*runs, 3), 1
		}
		measureBuildTime(tmp, fiberus, warmN, coldN)
	}
	for _, r := range results {
		if r.err != "" {
			os.Exit(1)
		}
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(2)
}

// selectBenchmarks resolves the -only flag.
func selectBenchmarks(only string) ([]benchmark, error) {
	if only == "" {
		return benchmarks, nil
	}
	if only == "none" {
		return nil, nil
	}
	var out []benchmark
	for _, name := range strings.Split(only, ",") {
		found := false
		for _, b := range benchmarks {
			if b.name == strings.TrimSpace(name) {
				out = append(out, b)
				found = true
			}
		}
		if !found {
			var names []string
			for _, b := range benchmarks {
				names = append(names, b.name)
			}
			return nil, fmt.Errorf("no benchmark %q (have %s)", name, strings.Join(names, ", "))
		}
	}
	return out, nil
}

// measure builds b with fiberus and its reference, then runs both in alternation.
func measure(root, tmp, fiberus string, b benchmark, args []string, runs int) result {
	r := result{b: b}
	exe := filepath.Join(tmp, b.name)
	start := time.Now()
	if _, err := runCmd(root, nil, fiberus, "build", "-cp", filepath.Join("bench", b.name), "-main", "Main", "-o", exe); err != nil {
		r.err = "fiberus build failed: " + firstLine(err.Error())
		fmt.Fprintln(os.Stderr, err)
		return r
	}
	r.fibBuild = time.Since(start)
	refCmd, err := buildRef(root, tmp, b)
	if err != nil {
		r.err = "reference build failed: " + firstLine(err.Error())
		fmt.Fprintln(os.Stderr, err)
		return r
	}
	fibCmd := []string{exe}
	for i := 0; i < runs; i++ {
		fs, fout, err := timed(append(fibCmd, args...))
		if err != nil {
			r.err = "fiberus program failed: " + firstLine(err.Error())
			fmt.Fprintln(os.Stderr, err)
			return r
		}
		rs, rout, err := timed(append(refCmd, args...))
		if err != nil {
			r.err = "reference failed: " + firstLine(err.Error())
			fmt.Fprintln(os.Stderr, err)
			return r
		}
		if d := diffOutputs(fout, rout); d != "" {
			r.err = "OUTPUT MISMATCH: " + d
			return r
		}
		r.fib = append(r.fib, fs)
		r.ref = append(r.ref, rs)
	}
	return r
}

// timed runs a command once and measures it.
func timed(argv []string) (sample, []byte, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, nil, fmt.Errorf("%s: %v\n%s", strings.Join(argv, " "), err, tail(stderr.String(), 2000))
	}
	s := sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssKB = ru.Maxrss
	}
	return s, stdout.Bytes(), nil
}

func median(xs []time.Duration) time.Duration {
	s := append([]time.Duration(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// spread is (max-min)/median in percent: how noisy the runs were.
func spread(xs []time.Duration) float64 {
	lo, hi := xs[0], xs[0]
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	return 100 * float64(hi-lo) / float64(median(xs))
}

func pick(ss []sample, metric string) []time.Duration {
	var out []time.Duration
	for _, s := range ss {
		if metric == "wall" {
			out = append(out, s.wall)
		} else {
			out = append(out, s.cpu)
		}
	}
	return out
}

func maxRSS(ss []sample) int64 {
	var m int64
	for _, s := range ss {
		m = max(m, s.rssKB)
	}
	return m
}

// fmtRatio prints a ratio, or "-" for none (hxcpp not measured, no target).
func fmtRatio(r float64) string {
	if r == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", r)
}

func printTable(results []result, metric string) {
	w := tabwriter.NewWriter(os.Stdout, 2, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "benchmark\tref\tfiberus\treference\tratio\twall ratio\tspread fib/ref\tRSS MB fib/ref\thxcpp\ttarget\tmet\tfiberus build\t\n")
	for _, r := range results {
		if r.err != "" {
			fmt.Fprintf(w, "%s\t%s\t-\t-\t-\t-\t-\t-\t%s\t%s\tno\t-\t\n", r.b.name, r.b.ref, fmtRatio(r.b.hxcpp), fmtRatio(r.b.target))
			continue
		}
		f, ref := median(pick(r.fib, metric)), median(pick(r.ref, metric))
		ratio := float64(f) / float64(ref)
		wall := float64(median(pick(r.fib, "wall"))) / float64(median(pick(r.ref, "wall")))
		met := "no"
		if r.b.target == 0 {
			met = "-"
		} else if ratio <= r.b.target {
			met = "yes"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.2fx\t%.2fx\t%.0f%%/%.0f%%\t%.0f/%.0f\t%s\t%s\t%s\t%s\t\n",
			r.b.name, r.b.ref, fmtDur(f), fmtDur(ref), ratio, wall,
			spread(pick(r.fib, metric)), spread(pick(r.ref, metric)),
			float64(maxRSS(r.fib))/1024, float64(maxRSS(r.ref))/1024, fmtRatio(r.b.hxcpp), fmtRatio(r.b.target), met, fmtDur(r.fibBuild))
	}
	w.Flush()
	for _, r := range results {
		if r.err != "" {
			fmt.Printf("%s: %s\n", r.b.name, r.err)
		}
	}
	fmt.Printf("(medians of %s time; ratio = fiberus/reference, lower is better; outputs compared on every run)\n", metric)
}

func fmtDur(d time.Duration) string {
	return fmt.Sprintf("%.3fs", d.Seconds())
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// measureBuildTime times `fiberus build` of hello world: with the runtime cached (after one
// untimed build; each timed build changes the program so only the runtime is reused) and cold
// (the cache pointed at a fresh empty directory each time).
func measureBuildTime(tmp, fiberus string, warmN, coldN int) {
	dir := filepath.Join(tmp, "hello")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fatalf("%v", err)
	}
	exe := filepath.Join(tmp, "hello-world")
	build := func(msg string, env []string) (time.Duration, error) {
		src := fmt.Sprintf("class Main {\n\tstatic function main() {\n\t\tSys.println(%q);\n\t}\n}\n", msg)
		if err := os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(src), 0o644); err != nil {
			return 0, err
		}
		start := time.Now()
		if _, err := runCmd(tmp, env, fiberus, "build", "-cp", dir, "-main", "Main", "-o", exe); err != nil {
			return 0, err
		}
		d := time.Since(start)
		out, err := runCmd(tmp, nil, exe)
		if err != nil {
			return 0, err
		}
		if got := strings.TrimSpace(string(out)); got != msg {
			return 0, fmt.Errorf("hello world printed %q, want %q", got, msg)
		}
		return d, nil
	}

	var cold []time.Duration
	for i := 0; i < coldN; i++ {
		cache, err := os.MkdirTemp(tmp, "cold-cache-")
		if err != nil {
			fatalf("%v", err)
		}
		env := withEnv(os.Environ(), "XDG_CACHE_HOME="+cache, "FIBERUS_CACHE_DIR="+filepath.Join(cache, "fiberus"))
		d, err := build(fmt.Sprintf("hello, cold world %d", i), env)
		if err != nil {
			fmt.Printf("hello world cold build failed: %v\n", err)
			return
		}
		cold = append(cold, d)
		os.RemoveAll(cache)
	}
	if _, err := build("hello, warming", nil); err != nil {
		fmt.Printf("hello world build failed: %v\n", err)
		return
	}
	var warm []time.Duration
	for i := 0; i < warmN; i++ {
		d, err := build(fmt.Sprintf("hello, warm world %d", i), nil)
		if err != nil {
			fmt.Printf("hello world build failed: %v\n", err)
			return
		}
		warm = append(warm, d)
	}
	verdict := func(d, limit time.Duration) string {
		if d <= limit {
			return "met"
		}
		return "NOT met"
	}
	fmt.Printf("hello world build, runtime cached: median %s of %d (target <= 1.0s: %s)\n",
		fmtDur(median(warm)), len(warm), verdict(median(warm), time.Second))
	fmt.Printf("hello world build, cold cache:     median %s of %d (target <= 15s: %s)\n",
		fmtDur(median(cold)), len(cold), verdict(median(cold), 15*time.Second))
}

// withEnv returns env with the given KEY=value entries replacing any earlier ones.
func withEnv(env []string, kv ...string) []string {
	var out []string
	for _, e := range env {
		keep := true
		for _, n := range kv {
			if strings.HasPrefix(e, n[:strings.IndexByte(n, '=')+1]) {
				keep = false
			}
		}
		if keep {
			out = append(out, e)
		}
	}
	return append(out, kv...)
}

// cpuModel names the processor for the results header.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if i := strings.IndexByte(line, ':'); i >= 0 {
				return strings.TrimSpace(line[i+1:])
			}
		}
	}
	return runtime.GOARCH
}
