package cgen

import (
	"regexp"
	"strings"
	"testing"
)

const lanesSrc = `class Main {
	static function escape(w:Int, out:Array<Int>) {
		for (x in 0...w) {
			var c = x * 0.01, z = 0.0, i = 0;
			while (i < 50 && z <= 2.0) { z = z * z + c; i++; }
			out.push(i);
		}
	}
	static function calls(w:Int, out:Array<Int>) {
		for (x in 0...w) {
			var z = 0.0, i = 0;
			while (i < 50 && z <= 2.0) { z = z * z + Math.random(); i++; }
			out.push(i);
		}
	}
	static function carried(w:Int, out:Array<Int>) {
		var x = 0;
		while (x < w) {
			var c = x * 0.01, z = 0.0, i = 0;
			while (i < 50 && z <= 2.0) { z = z * z + c; i++; }
			out.push(i);
			x++;
		}
	}
	static function lastValue(w:Int, out:Array<Float>) {
		var last = 0.0;
		for (x in 0...w) {
			var z = x * 0.5, i = 0;
			var trips = 2 - (x & 1) * 2; while (i < trips) { last = z; z = z * 0.5 + 1.0; i++; }
			out.push(last);
		}
	}
	static function ints(w:Int, out:Array<Int>) {
		for (x in 0...w) {
			var n = x + 1, i = 0;
			while (n != 1 && i < 100) { n = (n >> 1) + 1; i++; }
			out.push(i);
		}
	}
	static function guarded(w:Int, out:Array<Int>) {
		try {
			for (x in 0...w) {
				var c = x * 0.01, z = 0.0, i = 0;
				while (i < 50 && z <= 2.0) { z = z * z + c; i++; }
				out.push(i);
			}
		} catch (e:Dynamic) {}
	}
	static function main() {
		var a = [], f = [];
		escape(3, a); calls(3, a); carried(3, a); lastValue(3, f); ints(3, a); guarded(3, a);
		trace(a.length + f.length);
	}
}`

func TestLanes(t *testing.T) {
	code := genHaxe(t, lanesSrc)
	const marker = "two iterations at once"
	b := body(t, code, "Main_escape")
	if !strings.Contains(b, marker) {
		t.Fatalf("escape: no lanes:\n%s", b)
	}
	// the outer loop's back edge goes to the commit block, which hands B's copies over
	k := regexp.MustCompile(`\nK(\d+):;\n`).FindStringSubmatch(b)
	if k == nil || !strings.Contains(b, "goto K"+k[1]+";") {
		t.Fatalf("escape: no commit label, or no back edge to it:\n%s", b)
	}
	commit := b[strings.Index(b, "\nK"+k[1]+":;\n")+len(k[0]):]
	commit = commit[:strings.Index(commit, "\n")]
	if !regexp.MustCompile(`r\d+ = lb\d+_\d+;`).MatchString(commit) || !strings.Contains(commit, "goto L") {
		t.Errorf("escape: the commit copies nothing back or resumes nowhere: %s", commit)
	}
	// the joint inner loop polls, and runs B's ops on copies
	j := b[strings.Index(b, "\nJ"+k[1]+":;\n"):]
	j = j[:strings.Index(j, "goto J"+k[1]+";")]
	if !strings.Contains(j, "HX_POLL()") || !regexp.MustCompile(`lb\d+_\d+ = lb\d+_\d+ \* lb\d+_\d+;`).MatchString(j) {
		t.Errorf("escape: joint loop without poll or lane B:\n%s", j)
	}
	for _, fn := range []string{"Main_calls", "Main_carried", "Main_lastValue", "Main_ints", "Main_guarded"} {
		if b := body(t, code, fn); strings.Contains(b, marker) {
			t.Errorf("%s must not run in lanes:\n%s", fn, b)
		}
	}
}
