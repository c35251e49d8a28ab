package cgen

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// TestNestsRandom builds random pair loops over arrays of objects (nbody's
// shape: an inner loop reading and updating fields of the outer object p and
// of each q) with and without the loop copies (Options.Plain), on arrays of
// distinct objects, arrays holding an object twice (q is then p: promote.go's
// guards) and arrays with a null (a throw from inside the inner loop), and
// single loops working on one object that may be null (the nest's own loop
// with fields in locals), and compares what they print
// (differential_test.go).
func TestNestsRandom(t *testing.T) {
	differential(t, func(r *rand.Rand) (string, int) { return randomPairProgram(r, 16) }, "fields in locals")
}

// randomPairProgram returns a program of n random functions f0..f(n-1), each
// rounds of a loop over pairs of objects of an array, and a main calling them.
func randomPairProgram(r *rand.Rand, n int) (string, int) {
	var b strings.Builder
	b.WriteString(`class B {
	public var a:Float;
	public var b:Float;
	public var c:Int;
	public function new(a, b, c) {
		this.a = a;
		this.b = b;
		this.c = c;
	}
}

class Main {
`)
	k := func() string { return fmt.Sprintf("%.3f", 0.05+r.Float64()*0.9) }
	stmts := []func() string{
		func() string { return "p.a += q.b * " + k() + ";" },
		func() string { return "q.a -= p.a * " + k() + ";" },
		func() string { return "p.b = p.b * " + k() + " + q.a;" },
		func() string { return "q.b = q.b * " + k() + " - p.b;" },
		func() string { return "q.c += 1;" },
		func() string { return "p.c = p.c + (j & 3);" },
		func() string { return "if (q.a > " + k() + ") q.b = -q.b * 0.5;" },
		func() string { return "var d = p.a - q.a; p.b -= d * " + k() + "; q.b += d * " + k() + ";" },
	}
	for f := 0; f < n; f++ {
		if f%4 == 3 { // a single loop working on one object, which may be null
			fmt.Fprintf(&b, "\tstatic function f%d(bs:Array<B>, rounds:Int):Float {\n", f)
			b.WriteString("\t\tvar p = bs.length > 0 ? bs[bs.length - 1] : null, q = bs.length > 1 ? bs[0] : p, q0 = q;\n")
			b.WriteString("\t\tvar j = 0;\n\t\twhile (j < rounds * 3) {\n")
			for s := 0; s < 2+r.Intn(3); s++ {
				fmt.Fprintf(&b, "\t\t\t%s\n", stmts[r.Intn(len(stmts))]())
			}
			if r.Intn(2) == 0 { // q becomes p and back: used before it is set in the next trip
				fmt.Fprintf(&b, "\t\t\tif ((j & 3) == %d) q = p; else if ((j & 3) == %d) q = q0;\n", r.Intn(2), 2+r.Intn(2))
			}
			b.WriteString("\t\t\tj++;\n\t\t}\n\t\treturn p == null ? -1 : p.a + p.b + p.c;\n\t}\n")
			continue
		}
		fmt.Fprintf(&b, "\tstatic function f%d(bs:Array<B>, rounds:Int):Float {\n", f)
		b.WriteString("\t\tfor (r in 0...rounds) {\n\t\t\tfor (i in 0...bs.length) {\n\t\t\t\tvar p = bs[i];\n")
		start := []string{"0", "i", "i + 1"}[r.Intn(3)]
		fmt.Fprintf(&b, "\t\t\t\tfor (j in %s...bs.length) {\n\t\t\t\t\tvar q = bs[j];\n", start)
		for s := 0; s < 2+r.Intn(4); s++ {
			fmt.Fprintf(&b, "\t\t\t\t\t%s\n", stmts[r.Intn(len(stmts))]())
		}
		b.WriteString("\t\t\t\t}\n\t\t\t}\n\t\t}\n")
		b.WriteString("\t\tvar s = 0.0;\n\t\tfor (x in bs)\n\t\t\tif (x != null)\n\t\t\t\ts = s * 0.5 + x.a + x.b + x.c;\n\t\treturn s;\n\t}\n")
	}
	b.WriteString("\tstatic function main() {\n")
	var names []string
	for f := 0; f < n; f++ {
		names = append(names, fmt.Sprintf("f%d", f))
	}
	fmt.Fprintf(&b, "\t\tvar fs = [%s];\n", strings.Join(names, ", "))
	b.WriteString(`		for (k in 0...fs.length) {
			var x = new B(1, 0.5, 0), y = new B(-0.5, 2, 1), z = new B(0.25, -1, 2);
			var arrays = [[x, y, z], [x, y, x, z, y], [y], [], [z, x, null, y], [x, null]];
			for (a in 0...arrays.length) {
				try {
					Sys.println('f$k/$a: ${fs[k](arrays[a], 2)}');
				} catch (e:Dynamic) {
					Sys.println('f$k/$a: $e');
				}
				Sys.println('  ${x.a} ${x.b} ${x.c} ${y.a} ${y.b} ${y.c} ${z.a} ${z.b} ${z.c}');
			}
		}
	}
}
`)
	return b.String(), n
}
