package cgen

import (
	"regexp"
	"strings"
	"testing"
)

const nestsSrc = `class P { public var x:Float; public var v:Float; public function new() { x = 0; v = 1; } }
class C { public var n:Int; public function new() { n = 3; } }
class Main {
	static function simulate(ps:Array<P>, frames:Int) {
		for (f in 0...frames) for (p in ps) { p.v -= 0.5; p.x += p.v; }
	}
	static function pairs(ps:Array<P>) {
		for (i in 0...ps.length) {
			var b = ps[i];
			for (j in i + 1...ps.length) { var b2 = ps[j]; var d = b.x - b2.x; b.v -= d; b2.v += d; }
		}
	}
	static function drain(a:C, b:C, data:Array<Int>):Int {
		var s = 0, i = 0;
		while (i < a.n) { s += data[i % data.length]; b.n = b.n - 1; i++; }
		return s;
	}
	static function flips(p:Array<Int>):Int {
		var n = 0, k = p[0];
		while (k != 0) {
			var i = 0, j = k;
			while (i < j) { var t = p[i]; p[i] = p[j]; p[j] = t; i++; j--; }
			n++;
			k = p[0];
		}
		return n;
	}
	static function withCall(a:Array<Int>):Int {
		var s = 0, i = 0;
		while (i < a.length) { s += a[i] + Std.random(2); i++; }
		return s;
	}
	static function reassigned(a:Array<Int>, b:Array<Int>):Int {
		var s = 0, i = 0;
		while (i < a.length) { s += a[i]; if (s > 10) a = b; i++; }
		return s;
	}
	static function counted(a:Array<Float>, n:Int):Float {
		var s = 0.0, r = 0;
		while (r < n) { for (i in 0...a.length) s += a[i]; r++; }
		return s;
	}
	static function main() {
		simulate([new P()], 2);
		pairs([new P(), new P()]);
		trace(flips([1, 0]) + withCall([1]) + reassigned([1], [2]) + counted([1.0], 1) + drain(new C(), new C(), [1]));
	}
}`

func TestNestCopy(t *testing.T) {
	code := genHaxe(t, nestsSrc)
	const marker = "a copy without calls"
	b := body(t, code, "Main_flips")
	at := strings.Index(b, marker)
	if at < 0 {
		t.Fatalf("flips: no copy:\n%s", b)
	}
	if !strings.Contains(b, "if (r0 != NULL) {") {
		t.Errorf("flips: no null guard on entry:\n%s", b)
	}
	start := strings.Index(b[at:], "\nC") + at // the copy's first label, after the loads on entry
	end := strings.Index(b[start:], "\n\t}\n") + start
	cp := b[start:end]
	for _, bad := range []string{"->bytes", "->length", "__expand("} {
		if strings.Contains(cp, bad) {
			t.Errorf("flips: %q in the copy:\n%s", bad, cp)
		}
	}
	// the growth calls are side exits into the ordinary loop, which still has them
	if !strings.Contains(cp, "goto L") || !strings.Contains(b[end:], "__expand(") {
		t.Errorf("flips: side exits or ordinary loop missing:\n%s", b)
	}
	if !strings.Contains(cp, "HX_POLL();") { // back edges still poll
		t.Errorf("flips: a back edge of the copy does not poll:\n%s", cp)
	}
	// numbers stored into fields: the copy still applies, but a field the nest stores into
	// (through any register of a related class) is not read once
	if b := body(t, code, "Main_simulate"); !strings.Contains(b, marker) {
		t.Errorf("simulate: no copy:\n%s", b)
	}
	if b := body(t, code, "Main_drain"); !strings.Contains(b, marker) || !strings.Contains(b, "nc2_") || strings.Contains(b, "nc0_") {
		t.Errorf("drain: want a copy reading data's fields once and a.n on every trip:\n%s", b)
	}
	// b's fields live in locals in the inner loop; b2 may be b: a guard leaves for a slow trip
	b = body(t, code, "Main_pairs")
	for _, want := range []string{"fields in locals", "= pf", "pf", "goto G", "\nG"} {
		if !strings.Contains(b, want) {
			t.Fatalf("pairs: no %q:\n%s", want, b)
		}
	}
	slow := b[strings.Index(b, "\nG"):]
	if !regexp.MustCompile(`pf\d+_\d+_\d+ = r\d+->\w+; HX_POLL\(\); goto C`).MatchString(slow) {
		t.Errorf("pairs: the slow trip does not reload the fields and go back to the loop:\n%s", slow)
	}
	for _, fn := range []string{"Main_withCall", "Main_reassigned", "Main_counted"} {
		if b := body(t, code, fn); strings.Contains(b, marker) {
			t.Errorf("%s must have no copy:\n%s", fn, b)
		}
	}
}
