package cgen

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/internal/ctest"
)

// TestLanesRandom builds random loops of the shape lanes.go transforms, with
// and without lanes, and compares what they print. The inner loops' trip
// counts, which test leaves first and what the rest of the body does (break,
// continue, a variable only the inner loop sets, one the next iteration
// starts from) vary from loop to loop and from iteration to iteration.
func TestLanesRandom(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe not on PATH")
	}
	seeds := 2
	if ctest.Stress() {
		seeds = 12
	}
	for seed := 1; seed <= seeds; seed++ {
		dir := t.TempDir()
		src, fns := randomLaneProgram(rand.New(rand.NewSource(int64(seed))), 24)
		if err := os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "cflags"), []byte("-O2"), 0o644); err != nil { // as fiberus builds
			t.Fatal(err)
		}
		code := genHaxe(t, src)
		laned := 0
		for i := 0; i < fns; i++ {
			if strings.Contains(body(t, code, fmt.Sprintf("Main_f%d", i)), "two iterations at once") {
				laned++
			}
		}
		if laned < fns/3 {
			t.Fatalf("seed %d: only %d of %d loops run in lanes: the test would prove little", seed, laned, fns)
		}
		t.Logf("seed %d: %d of %d loops in lanes", seed, laned, fns)
		with := runExe(t, buildProgramWith(t, dir, Options{Files: 2}))
		without := runExe(t, buildProgramWith(t, dir, Options{Files: 2, Plain: true}))
		if with != without {
			t.Fatalf("seed %d: output differs with lanes\n--- with\n%s\n--- without\n%s\n--- program\n%s", seed, with, without, src)
		}
	}
}

func runExe(t *testing.T, exe string) string {
	t.Helper()
	out, err := exec.Command(exe).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", exe, err, out)
	}
	return string(out)
}

// randomLaneProgram returns a program of n random functions f0..f(n-1), each
// a for loop around a floating-point inner loop, and a main calling them.
func randomLaneProgram(r *rand.Rand, n int) (string, int) {
	var b strings.Builder
	b.WriteString("class Main {\n")
	c := func(lo, hi float64) string { return fmt.Sprintf("%.3f", lo+r.Float64()*(hi-lo)) }
	for f := 0; f < n; f++ {
		fmt.Fprintf(&b, "\tstatic function f%d(n:Int, out:Array<Float>):Int {\n", f)
		b.WriteString("\t\tvar acc = 0;\n\t\tvar last = -1.0, drift = 0.0;\n\t\tfor (x in 0...n) {\n")
		// P: locals from the counter (and, in some loops, from what the last iteration's S left)
		carried := r.Intn(5) == 0
		fmt.Fprintf(&b, "\t\t\tvar a = x * %s + %s + drift;\n", c(-0.5, 0.5), c(-2, 2))
		fmt.Fprintf(&b, "\t\t\tvar b = ((x * %d) %% %d) - %s;\n", 3+r.Intn(20), 2+r.Intn(9), c(0, 4))
		fmt.Fprintf(&b, "\t\t\tvar k = (x * %d) & %d;\n", 1+r.Intn(13), []int{3, 7, 15, 31}[r.Intn(4)])
		b.WriteString("\t\t\tvar i = 0;\n")
		// W: one to three tests, always bounded by a trip limit
		tests := []string{fmt.Sprintf("i < k + %d", r.Intn(6))}
		pool := []string{
			"a < " + c(1, 60), "b > " + c(-60, -1), "a * a + b * b < " + c(4, 900), "a - b < " + c(0, 50),
		}
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		tests = append(tests, pool[:r.Intn(3)]...)
		r.Shuffle(len(tests), func(i, j int) { tests[i], tests[j] = tests[j], tests[i] })
		fmt.Fprintf(&b, "\t\t\twhile (%s) {\n", strings.Join(tests, " && "))
		fmt.Fprintf(&b, "\t\t\t\ta = a * %s + b * %s + %s;\n", c(0.8, 1.6), c(-0.5, 0.5), c(-1, 1))
		fmt.Fprintf(&b, "\t\t\t\tb = b - a * %s;\n", c(0, 0.3))
		if r.Intn(4) == 0 {
			b.WriteString("\t\t\t\tlast = a; // set only here: the loop must stay in one lane\n")
		}
		b.WriteString("\t\t\t\ti++;\n\t\t\t}\n")
		// S
		b.WriteString("\t\t\tout.push(a + b + last);\n\t\t\tacc = (acc * 31 + i) & 0xffffff;\n")
		if carried {
			b.WriteString("\t\t\tdrift = drift * 0.5 + i * 0.01; // the next iteration starts from it: one lane\n")
		}
		if r.Intn(3) == 0 {
			fmt.Fprintf(&b, "\t\t\tif (i == %d && x > %d) break;\n", r.Intn(8), r.Intn(20))
		}
		if r.Intn(3) == 0 {
			fmt.Fprintf(&b, "\t\t\tif (x %% %d == 1) continue;\n", 2+r.Intn(4))
		}
		b.WriteString("\t\t\tacc += k;\n\t\t}\n\t\treturn acc;\n\t}\n")
	}
	b.WriteString("\tstatic function main() {\n")
	fmt.Fprintf(&b, "\t\tvar fs = [%s];\n", func() string {
		var names []string
		for f := 0; f < n; f++ {
			names = append(names, fmt.Sprintf("f%d", f))
		}
		return strings.Join(names, ", ")
	}())
	b.WriteString(`		for (k in 0...fs.length) {
			for (n in [0, 1, 2, 3, 7, 64]) {
				var out = [];
				var acc = fs[k](n, out);
				var h = 0.0;
				for (v in out) h = h * 0.5 + v;
				Sys.println('f$k($n) = $acc ${out.length} $h');
			}
		}
	}
}
`)
	return b.String(), n
}
