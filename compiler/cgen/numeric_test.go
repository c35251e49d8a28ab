package cgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/compiler/hl"
)

// haxeModule compiles one Main.hx with haxe and reads its bytecode.
func haxeModule(t *testing.T, src string) *hl.Module {
	t.Helper()
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe not on PATH")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("haxe", "-main", "Main", "-hl", "out.hl")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("haxe: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.hl"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := hl.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// genHaxe compiles one Main.hx with haxe and returns cgen's function bodies.
func genHaxe(t *testing.T, src string) string {
	t.Helper()
	m := haxeModule(t, src)
	out, err := Generate(m, Options{Files: 1, NoLines: true})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range out.Files {
		if strings.HasPrefix(f.Name, "funcs_") {
			b.Write(f.Data)
		}
	}
	return b.String()
}

// body returns the C definition of function name (up to its closing brace).
func body(t *testing.T, code, name string) string {
	t.Helper()
	loc := regexp.MustCompile(`(?m)^[A-Za-z_].* \*?` + regexp.QuoteMeta(name) + `\(.*\) \{$`).FindStringIndex(code)
	if loc == nil {
		t.Fatalf("no definition of %s", name)
	}
	end := strings.Index(code[loc[0]:], "\n}\n")
	if end < 0 {
		t.Fatalf("unterminated definition of %s", name)
	}
	return code[loc[0] : loc[0]+end+3]
}

// A function whose only "calls" are inline math intrinsics and whose only
// throws are null checks gets no shadow frame and no stack check (nbody's
// advance runs 10 million times); its null checks push the frame on their
// throw path instead, so traces keep it. A real call keeps HX_ENTER.
func TestFramelessLeafFunctions(t *testing.T) {
	code := genHaxe(t, `
class P {
	public var x:Float;
	public function new(x) this.x = x;
}
class Main {
	static function norm(p:P, q:P):Float {
		var dx = p.x - q.x;
		return Math.sqrt(dx * dx) + Math.abs(dx);
	}
	static function withCall(p:P):Float {
		return norm(p, p) + p.x;
	}
	static function main() {
		var p = new P(1);
		Sys.println(norm(p, new P(4)) + withCall(p));
	}
}
`)
	leaf := body(t, code, "Main_norm")
	if strings.Contains(leaf, "HX_ENTER") || strings.Contains(leaf, "HX_LEAVE") || strings.Contains(leaf, "fr.line") {
		t.Errorf("Main.norm has a shadow frame:\n%s", leaf)
	}
	if !strings.Contains(leaf, "hx_math_sqrt(") {
		t.Errorf("Main.norm does not inline sqrt:\n%s", leaf)
	}
	if n := strings.Count(leaf, "HX_THROW_FRAME(hxI_Main_norm, "); n != 2 {
		t.Errorf("Main.norm: %d throw-path frames, want one per null check (2):\n%s", n, leaf)
	}
	// the frame is pushed inside the throw path, before the throw
	if !regexp.MustCompile(`if \(HX_UNLIKELY\(r\d+ == NULL\)\) \{ HX_THROW_FRAME\(hxI_Main_norm, -?\d+\); hx_null_access_field\(`).MatchString(leaf) {
		t.Errorf("Main.norm: null check does not push its frame before throwing:\n%s", leaf)
	}
	caller := body(t, code, "Main_withCall")
	if !strings.Contains(caller, "HX_ENTER(") || strings.Contains(caller, "HX_THROW_FRAME") {
		t.Errorf("Main.withCall calls a function: it needs HX_ENTER and plain line stores:\n%s", caller)
	}
}
