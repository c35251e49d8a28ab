package cgen

import (
	"strings"
	"testing"
)

const loopsSrc = `import haxe.ds.Vector;
class Main {
	static function dot(a:Vector<Float>, b:Vector<Float>):Float {
		var s = 0.0;
		for (i in 0...a.length) s += a[i] * b[i];
		return s;
	}
	static function scale(a:Array<Float>, k:Float) {
		for (i in 0...a.length) a[i] = a[i] * k; // the write's growth path is dead in the copy
	}
	static function each(a:Array<Float>):Float {
		var s = 0.0;
		for (x in a) s += x; // the header reloads a.length each iteration
		return s;
	}
	static function whileLoop(a:Array<Int>, n:Int):Int {
		var s = 0, i = 0;
		while (i < n) { s += a[i] * i; i++; }
		return s;
	}
	static function skipsIncrement(a:Array<Int>, n:Int):Int {
		var s = 0, i = 0;
		while (i < n) { if (a[i] > 3) { i += 2; continue; } s += a[i]; i++; }
		return s;
	}
	static function stencil(a:Array<Float>, b:Array<Float>, n:Int) {
		for (i in 1...n - 1) b[i] = (a[i - 1] + a[i] + a[i + 1]) / 3;
	}
	static function withCall(a:Array<Int>):Int {
		var s = 0;
		for (i in 0...a.length) s += a[i] + Std.random(2);
		return s;
	}
	static function reassigned(a:Array<Int>, b:Array<Int>):Int {
		var s = 0;
		for (i in 0...a.length) { s += a[i]; if (i == 1) a = b; }
		return s;
	}
	static function byOther(a:Array<Int>, n:Int):Int {
		var s = 0;
		for (i in 0...n) s += a[n - i - 1]; // not indexed by the loop variable
		return s;
	}
	static function main() {
		var v = new Vector<Float>(3);
		trace(dot(v, v));
		scale([1.0], 2);
		trace(withCall([1]) + reassigned([1], [2]) + byOther([1], 1) + each([1.0]) + whileLoop([1], 1) + skipsIncrement([1], 1));
		stencil([1.0], [1.0], 1);
	}
}`

func TestCountedLoopFastCopy(t *testing.T) {
	code := genHaxe(t, loopsSrc)
	const marker = "two iterations per trip"
	for _, fn := range []string{"Main_dot", "Main_scale", "Main_each", "Main_whileLoop", "Main_stencil"} {
		b := body(t, code, fn)
		if !strings.Contains(b, marker) {
			t.Errorf("%s: no fast copy:\n%s", fn, b)
			continue
		}
		// the guard proves the checks against the arrays' lengths and keeps polling
		if !strings.Contains(b, "<= r0->length") || !strings.Contains(b, "HX_POLL(); goto LF") {
			t.Errorf("%s: guard or poll missing:\n%s", fn, b)
		}
		fast := b[strings.Index(b, "for (int32_t lim_"):strings.Index(b, "HX_POLL(); goto LF")] // the copies
		if strings.Contains(fast, "if ((uint32_t)") {
			t.Errorf("%s: a bounds check is left in the fast copy:\n%s", fn, fast)
		}
		if strings.Contains(fast, "__expand") {
			t.Errorf("%s: the growth call is left in the fast copy:\n%s", fn, fast)
		}
		if strings.Contains(fast, "->bytes") {
			t.Errorf("%s: the data pointer is reloaded in the fast copy:\n%s", fn, fast)
		}
	}
	// a[i - 1] and a[i + 1]: the guard covers both ends
	if b := body(t, code, "Main_stencil"); !strings.Contains(b, "+ 1 <= r0->length") || !strings.Contains(b, "+ -1 >= 0") {
		t.Errorf("stencil: guard without the offsets:\n%s", b)
	}
	for _, fn := range []string{"Main_withCall", "Main_reassigned", "Main_byOther", "Main_skipsIncrement"} {
		if b := body(t, code, fn); strings.Contains(b, marker) {
			t.Errorf("%s must keep its checked loop only:\n%s", fn, b)
		}
	}
}
