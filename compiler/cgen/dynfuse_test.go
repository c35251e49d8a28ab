package cgen

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/compiler/hl"
)

// The Dynamic folds (dynfuse.go) apply where the intermediate Dynamic is dead
// and only there; what they compute is checked against HashLink by the
// corpus program tests/haxe/dynamic/fused_paths.
func TestDynamicFolds(t *testing.T) {
	code := genHaxe(t, `
class Main {
	static function get(o:Dynamic):Int {
		var x:Int = o.x;
		var f:Float = o.f;
		return x + Std.int(f);
	}
	static function keep(o:Dynamic):Dynamic {
		var d:Dynamic = o.x;
		var x:Int = d;
		return d; // d is read again: no fold
	}
	static function add(d:Dynamic, i:Int, j:Int):Int {
		var k:Int = d + i;
		var e:Dynamic = d + j;
		return k + e;
	}
	static function refl(o:Dynamic, name:String):Int {
		var y:Int = Reflect.field(o, "y");
		Reflect.setField(o, "x", y + 1);
		var z:Dynamic = Reflect.field(o, name); // not a constant: the std code
		if (Reflect.hasField(o, "w")) y++;
		if (Std.isOfType(o, Main)) y++;
		return y + Reflect.callMethod(o, z, []);
	}
	static function main() {
		var o:Dynamic = {x: 1, f: 2.5, y: 3, w: 0};
		Sys.println(get(o) + keep(o) + add(o.x, 1, 2) + refl(o, "x"));
	}
}
`)
	get := body(t, code, "Main_get")
	if !strings.Contains(get, "hx_dyn_get_toi_ic(") || !strings.Contains(get, "hx_dyn_get_tod_ic(") || strings.Contains(get, "hx_dyn_getp") {
		t.Errorf("Main.get: Dynamic reads into Int/Float should use hx_dyn_get_toi_ic/tod:\n%s", get)
	}
	if !strings.Contains(get, "{ static __thread hx_field_ic ic_[2]; r") {
		t.Errorf("Main.get: the Int read should have its own site cache:\n%s", get)
	}
	keep := body(t, code, "Main_keep")
	if !strings.Contains(keep, "hx_dyn_getp_ic(") || strings.Contains(keep, "hx_dyn_get_toi") {
		t.Errorf("Main.keep: a Dynamic read again must stay boxed:\n%s", keep)
	}
	add := body(t, code, "Main_add")
	// d + i into an Int: no box of i, the sum unboxed
	if !regexp.MustCompile(`int32_t a1_ = r1;.*r\d+ = \(int32_t\)\(\(uint32_t\)a0_->v\.i \+ \(uint32_t\)a1_\);`).MatchString(add) {
		t.Errorf("Main.add: d + i into an Int should add the raw Int:\n%s", add)
	}
	// d + j kept Dynamic: j raw, the sum boxed
	if !regexp.MustCompile(`int32_t a1_ = r2;.*hx_box_i32\(\(int32_t\)\(\(uint32_t\)a0_->v\.i \+ \(uint32_t\)a1_\)\)`).MatchString(add) {
		t.Errorf("Main.add: d + j should box only the sum:\n%s", add)
	}
	if strings.Contains(add, "= (vdynamic *)hx_box_i32(r1)") || strings.Contains(add, "= (vdynamic *)hx_box_i32(r2)") {
		t.Errorf("Main.add: an operand box was left in front of the add:\n%s", add)
	}
	if !strings.Contains(add, "Std___add__(a0_, hx_box_i32(a1_))") {
		t.Errorf("Main.add: the slow path must box the Int for Std.__add__:\n%s", add)
	}
	refl := body(t, code, "Main_refl")
	for _, want := range []string{"hx_reflect_get_toi_ic(", "hx_dyn_seti_ic(", "hx_reflect_has(", "hx_isof_cached(", "f_.fid = hxI_Reflect_field;",
		"f_.fid = hxI_Reflect_setField;", "hx_reflect_call_noargs(", "Reflect_field(", "Reflect_callMethod("} {
		if !strings.Contains(refl, want) {
			t.Errorf("Main.refl: missing %q:\n%s", want, refl)
		}
	}
	if strings.Count(refl, "Reflect_field(") != 1 {
		t.Errorf("Main.refl: only the non-constant name should call Reflect.field:\n%s", refl)
	}
}

// Liveness: a register read on one branch only, or by a trap handler, is live.
func TestLiveness(t *testing.T) {
	i32 := &hl.Type{Kind: hl.KI32}
	// 0: OInt r0; 1: OJFalse r1 -> 3; 2: OMov r2, r0; 3: ORet r2
	f := &hl.Function{Regs: []*hl.Type{i32, {Kind: hl.KBool}, i32}, Ops: []hl.Op{
		{Code: hl.OInt, P1: 0}, {Code: hl.OJFalse, P1: 1, P2: 1}, {Code: hl.OMov, P1: 2, P2: 0}, {Code: hl.ORet, P1: 2},
	}}
	l := computeLiveness(f)
	if !l.liveAfter(0, 0) || !l.liveAfter(1, 0) || l.liveAfter(2, 0) {
		t.Errorf("r0: live after 0 and 1 (read at 2), dead after 2")
	}
	if !l.liveAfter(0, 2) { // the branch over op 2 reads r2's old value at 3
		t.Errorf("r2 is read at 3 when 2 is jumped over")
	}
	// 0: OTrap r0 -> 3; 1: OInt r1; 2: OEndTrap; 3: ORet r1 (the handler reads r1)
	f = &hl.Function{Regs: []*hl.Type{{Kind: hl.KDyn}, i32}, Ops: []hl.Op{
		{Code: hl.OTrap, P1: 0, P2: 2}, {Code: hl.OInt, P1: 1}, {Code: hl.OEndTrap, P1: 1}, {Code: hl.ORet, P1: 1},
	}}
	l = computeLiveness(f)
	if !l.liveAfter(1, 1) {
		t.Errorf("r1 is read by the trap handler")
	}
}
