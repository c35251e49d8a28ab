package cgen

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestLanesRandom builds random loops of the shape lanes.go transforms, with
// and without lanes, and compares what they print (differential_test.go).
// The inner loops' trip counts, which test leaves first and what the rest of
// the body does (break, continue, a variable only the inner loop sets, one
// the next iteration starts from) vary from loop to loop and from iteration
// to iteration.
func TestLanesRandom(t *testing.T) {
	differential(t, func(r *rand.Rand) (string, int) { return randomLaneProgram(r, 24) }, "two iterations at once")
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
		brk := ""
		if r.Intn(2) == 0 { // a test written as if ... break, in the middle or at the end of the trip
			brk = fmt.Sprintf("\t\t\t\tif (%s) break;\n", []string{"a > " + c(5, 80), "b < " + c(-80, -5), "a + b > " + c(10, 90)}[r.Intn(3)])
		}
		atEnd := r.Intn(2) == 0
		if !atEnd {
			b.WriteString(brk)
		}
		if r.Intn(4) == 0 {
			b.WriteString("\t\t\t\tlast = a; // set only here: the loop must stay in one lane\n")
		}
		b.WriteString("\t\t\t\ti++;\n")
		if atEnd {
			b.WriteString(brk)
		}
		b.WriteString("\t\t\t}\n")
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
