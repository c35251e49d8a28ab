package cgen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fiberus/fiberus/compiler/hl"
)

func readModule(t *testing.T, name string) *hl.Module {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "hl", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	m, err := hl.Read(data)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return m
}

func fileOf(out *Output, name string) string {
	for _, f := range out.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func TestHashName(t *testing.T) {
	// values verified against HashLink (reference section 2.13)
	for name, want := range map[string]int32{"fileName": 37969014, "className": -63073762,
		"customParams": -317173289, "lineNumber": 371360620, "methodName": 302979532} {
		if got := hashName(name); got != want {
			t.Errorf("hashName(%q) = %d, want %d", name, got, want)
		}
	}
	// non-ASCII names hash their UTF-16 units, not their UTF-8 bytes
	if hashName("é") != int32('é') {
		t.Errorf("hashName(é) = %d, want %d", hashName("é"), 'é')
	}
}

// collidingPair finds two distinct names with the same raw hash
// (pseudo-random 7-letter names: a birthday search over the hash range).
func collidingPair(t *testing.T) (string, string) {
	seen := map[int32]string{}
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	x := uint64(88172645463325252)
	for n := 0; n < 2000000; n++ {
		b := make([]byte, 7)
		for k := range b {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			b[k] = letters[x%uint64(len(letters))]
		}
		s := string(b)
		h := hashName(s)
		if o, ok := seen[h]; ok && o != s {
			return o, s
		}
		seen[h] = s
	}
	t.Fatal("no collision found")
	return "", ""
}

func TestHashCollisionsResolvedInOrder(t *testing.T) {
	a, b := collidingPair(t)
	if hashName(a) != hashName(b) {
		t.Fatalf("not a collision: %q %q", a, b)
	}
	g := &gen{hashes: map[string]int32{}}
	ha, hb := g.hash(a), g.hash(b)
	if ha != hashName(a) || hb != ha+1 {
		t.Errorf("collision %q/%q resolved to %d/%d, want %d/%d", a, b, ha, hb, hashName(a), hashName(a)+1)
	}
	if g.hash(a) != ha || g.hash(b) != hb {
		t.Error("hash of a registered name changed")
	}
	if len(g.hashOrder) != 2 || g.hashOrder[0] != a || g.hashOrder[1] != b {
		t.Errorf("registration order %v", g.hashOrder)
	}
	// the other order gives the other assignment
	g2 := &gen{hashes: map[string]int32{}}
	if g2.hash(b) != hashName(b) || g2.hash(a) != hashName(b)+1 {
		t.Error("resolution does not follow registration order")
	}
}

func TestGenerateStructureAndDeterminism(t *testing.T) {
	m := readModule(t, "features.hl")
	out1, err := Generate(m, Options{Files: 3})
	if err != nil {
		t.Fatal(err)
	}
	m2 := readModule(t, "features.hl")
	out2, err := Generate(m2, Options{Files: 3})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, f := range out1.Files {
		names = append(names, f.Name)
		if !bytes.Equal(f.Data, out2.Files[i].Data) {
			t.Errorf("%s differs between two generations", f.Name)
		}
	}
	want := regexp.MustCompile(`^hx_types.h types.c globals.c reflect.c( funcs_\w+_[0-9a-f]{6}_\d+\.c)+ main.c$`)
	if !want.MatchString(strings.Join(names, " ")) {
		t.Errorf("files %v, want %s", names, want)
	}
	if len(out1.MissingNatives) != 0 {
		t.Errorf("missing natives with Available == nil: %v", out1.MissingNatives)
	}
	h := fileOf(out1, "hx_types.h")
	for _, s := range []string{"struct S_String {", "struct S_Sub {", "hx_type *t;", "void Features_main(void);", "hxn_std_itos("} {
		if !strings.Contains(h, s) {
			t.Errorf("hx_types.h lacks %q", s)
		}
	}
	// every bytecode function is defined exactly once
	var bodies strings.Builder
	for _, f := range out1.Files {
		if strings.HasPrefix(f.Name, "funcs_") {
			bodies.Write(f.Data)
		}
	}
	defs := regexp.MustCompile(`(?m)^[A-Za-z_].* \*?(\w+)\(.*\) \{$`).FindAllStringSubmatch(bodies.String(), -1)
	seen := map[string]bool{}
	for _, d := range defs {
		if seen[d[1]] {
			t.Errorf("function %s defined twice", d[1])
		}
		seen[d[1]] = true
	}
	if len(defs) != len(m.Functions) {
		t.Errorf("%d function definitions for %d bytecode functions", len(defs), len(m.Functions))
	}
	gl := fileOf(out1, "globals.c")
	for _, s := range []string{"const hx_module hx_program", `"$Features.main"`, `".init"`, `"Sub.f"`, `"$Features.~main.0"`} {
		if !strings.Contains(gl, s) {
			t.Errorf("globals.c lacks %q", s)
		}
	}
	if !strings.Contains(bodies.String(), "#line ") {
		t.Error("no #line directives")
	}
	noLines, err := Generate(readModule(t, "features.hl"), Options{Files: 1, NoLines: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range noLines.Files {
		if strings.Contains(string(f.Data), "#line ") {
			t.Errorf("#line directives in %s despite NoLines", f.Name)
		}
	}
}

func TestMissingNativesGetStubs(t *testing.T) {
	m := readModule(t, "features.hl")
	out, err := Generate(m, Options{Available: func(sym string) bool { return sym != "hxn_std_itos" }})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.MissingNatives) != 1 || out.MissingNatives[0] != "std@itos" {
		t.Fatalf("MissingNatives = %v, want [std@itos]", out.MissingNatives)
	}
	gl := fileOf(out, "globals.c")
	if !strings.Contains(gl, `hx_error("Missing native std@itos")`) {
		t.Error("no throwing stub for std@itos")
	}
	if strings.Contains(fileOf(out, "hx_types.h"), " hxn_std_itos(") {
		t.Error("the missing native is still declared")
	}
}

func firstOp(m *hl.Module, code hl.Opcode) (*hl.Function, int) {
	for _, f := range m.Functions {
		for i := range f.Ops {
			if f.Ops[i].Code == code {
				return f, i
			}
		}
	}
	return nil, -1
}

func TestMalformedModulesGiveErrors(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(m *hl.Module) (findex, op int)
		want   string
	}{
		{"field index", func(m *hl.Module) (int, int) {
			f, i := firstOp(m, hl.OField)
			f.Ops[i].P3 = 100000
			return f.FIndex, i
		}, "out of range"},
		{"OAsm", func(m *hl.Module) (int, int) {
			f, i := firstOp(m, hl.ONullCheck)
			f.Ops[i] = hl.Op{Code: hl.OAsm}
			return f.FIndex, i
		}, "OAsm"},
		{"method slot", func(m *hl.Module) (int, int) {
			f, i := firstOp(m, hl.OCallMethod)
			f.Ops[i].P2 = 5000
			return f.FIndex, i
		}, "method slot"},
		{"enum constructor", func(m *hl.Module) (int, int) {
			f, i := firstOp(m, hl.OMakeEnum)
			f.Ops[i].P2 = 77
			return f.FIndex, i
		}, "constructor"},
		{"call arity", func(m *hl.Module) (int, int) {
			f, i := firstOp(m, hl.OCall2)
			f.Ops[i].Extra = nil
			f.Ops[i].Code = hl.OCall1
			return f.FIndex, i
		}, "arguments"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := readModule(t, "features.hl")
			findex, op := c.mutate(m)
			_, err := Generate(m, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if e.FIndex != findex || e.Op != op || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q (findex %d op %d), want findex %d op %d mentioning %q", err, e.FIndex, e.Op, findex, op, c.want)
			}
		})
	}
}

func TestUlitEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"ab":    `(hx_uchar *)u"ab"`,
		"a\"b":  `(hx_uchar *)u"a\"b"`,
		"é1":    `(hx_uchar *)u"\xe9" u"1"`,
		"😀":     `(hx_uchar *)u"\xd83d\xde00"`,
		"a?b\n": `(hx_uchar *)u"a\x3f" u"b\xa"`,
	} {
		if got := ulit(in); got != want {
			t.Errorf("ulit(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestLineDirectives replays the preprocessor's line counting over the
// generated bodies: every statement that records a position (fr.line = P)
// must sit on a C line that #line maps to P's .hx line and file.
func TestLineDirectives(t *testing.T) {
	m := readModule(t, "features.hl")
	out, err := Generate(m, Options{Files: 2})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	byID := map[uint32]string{}
	for i, id := range stableFileIDs(m.DebugFiles) {
		byID[uint32(id)] = m.DebugFiles[i]
	}
	for _, f := range out.Files {
		if !strings.HasPrefix(f.Name, "funcs_") {
			continue
		}
		line, file := 1, f.Name
		for _, l := range strings.Split(string(f.Data), "\n") {
			if strings.HasPrefix(l, "#line ") {
				var n int
				var name string
				if _, err := fmt.Sscanf(l, "#line %d %q", &n, &name); err != nil {
					t.Fatalf("bad directive %q: %v", l, err)
				}
				line, file = n, name
				continue
			}
			if k := strings.Index(l, "fr.line = "); k >= 0 {
				var p32 int32
				fmt.Sscanf(l[k:], "fr.line = %d;", &p32)
				p := uint32(p32)
				wantLine, wantFile := int(p&0x1FFFFF), byID[p>>21]
				if wantFile == "?" {
					wantFile = "\\x3f"
				}
				if line != wantLine || (file != wantFile && file != "?") {
					t.Fatalf("%s: %q is on %s:%d, records %s:%d", f.Name, l, file, line, wantFile, wantLine)
				}
				checked++
			}
			line++
		}
	}
	if checked < 100 {
		t.Errorf("only %d positions checked", checked)
	}
}

// TestStdFilesStableAcrossPrograms: two programs that use the std alike but
// differ in their own code (which shifts every type, string, global and
// function index) get byte-identical C files for the std modules, so the
// build shares their objects; only the user's and the init files differ.
func TestStdFilesStableAcrossPrograms(t *testing.T) {
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe not on PATH")
	}
	gen := func(extra string) map[string][]byte {
		src := `class Main {
	static function main() {
		var m = new Map<String, Int>();
		m.set("k", 1);
		Sys.println(Std.string([1, 2, 3].map(x -> x * 2)) + m.get("k"));
		trace("t");
		` + extra + `
	}
}
enum Color { Red; Green(v:Int); }
class Extra { public var name:String; public function new() { name = "extra"; }
	public function describe(c:Color):String { return switch c { case Red: "red" + name; case Green(v): "green" + v; }; } }
`
		if extra == "" {
			src = src[:strings.Index(src, "enum Color")]
		}
		m := haxeModule(t, src)
		out, err := Generate(m, Options{})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, f := range out.Files {
			files[f.Name] = f.Data
		}
		return files
	}
	a := gen("")
	b := gen(`Sys.println(new Extra().describe(Green(4)) + new Extra().describe(Red));`)
	shared := 0
	for name, data := range a {
		if !strings.HasPrefix(name, "funcs_") || strings.HasPrefix(name, "funcs_Main_") || strings.HasPrefix(name, "funcs_init_") {
			continue
		}
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between the two programs", name)
			continue
		}
		shared++
	}
	if shared < 10 {
		t.Errorf("only %d std files compared", shared)
	}
	if bytes.Equal(a["reflect.c"], nil) || bytes.Equal(a["types.c"], b["types.c"]) {
		t.Error("reflect.c missing, or the program-specific types.c did not change")
	}
}
