package hxrt

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/fiberus/fiberus/internal/ctest"
)

// natLibSources lists what every natives C test links: the natives, the
// test-only stubs for the core (weak symbols, so the real core wins if
// linked) and the collector (FIBERUS_NAT_STUB_GC=1: the stubs' calloc
// stand-in instead).
func natLibSources() ([]string, error) {
	m, err := filepath.Glob(filepath.Join(ctest.Root(), "hxrt", "hx_n_*.c"))
	if err != nil || len(m) == 0 {
		return nil, fmt.Errorf("no natives sources in hxrt: %v", err)
	}
	src := append(m, filepath.Join(ctest.Root(), "hxrt", "test", "n_stubs.c"))
	if os.Getenv("FIBERUS_NAT_STUB_GC") != "1" {
		g, _ := filepath.Glob(filepath.Join(ctest.Root(), "fibrix", "*.c"))
		src = append(src, g...)
	}
	return src, nil
}

var natLib struct {
	once sync.Once
	dir  string
	objs []string
	err  error
}

// natObjects compiles the common sources once per test binary.
func natObjects(t *testing.T) []string {
	t.Helper()
	natLib.once.Do(func() {
		src, err := natLibSources()
		if err != nil {
			natLib.err = err
			return
		}
		natLib.dir, natLib.err = os.MkdirTemp("", "hxn-objs")
		if natLib.err != nil {
			return
		}
		args := []string{"-c", "-std=gnu11", "-O2", "-g", "-fwrapv", "-fno-strict-aliasing", "-Wall", "-Wno-unused-function"}
		for _, d := range ctest.IncludeDirs {
			args = append(args, "-I", filepath.Join(ctest.Root(), d))
		}
		cmd := exec.Command(ctest.CC(), append(args, src...)...)
		cmd.Dir = natLib.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			natLib.err = fmt.Errorf("compiling the natives: %v\n%s", err, out)
			return
		}
		for _, s := range src {
			natLib.objs = append(natLib.objs, filepath.Join(natLib.dir, strings.TrimSuffix(filepath.Base(s), ".c")+".o"))
		}
	})
	if natLib.err != nil {
		t.Fatal(natLib.err)
	}
	return natLib.objs
}

func TestMain(m *testing.M) {
	code := m.Run()
	if natLib.dir != "" {
		os.RemoveAll(natLib.dir)
	}
	os.Exit(code)
}

func natSources(t *testing.T, test string) []string {
	return append(natObjects(t), "hxrt/test/"+test+".c")
}

var natOpts = ctest.Options{LDFlags: []string{"-lpcre2-16", "-lz"}}

func runNat(t *testing.T, test string, opt ctest.Options) string {
	t.Helper()
	opt.LDFlags = append(opt.LDFlags, natOpts.LDFlags...)
	return ctest.Run(t, test, natSources(t, test), opt)
}

func TestNativesString(t *testing.T) { runNat(t, "n_string", ctest.Options{}) }
func TestNativesBytes(t *testing.T)  { runNat(t, "n_bytes", ctest.Options{}) }
func TestNativesMap(t *testing.T)    { runNat(t, "n_map", ctest.Options{}) }
func TestNativesMath(t *testing.T)   { runNat(t, "n_math", ctest.Options{}) }
func TestNativesDate(t *testing.T) {
	// A fixed zone with DST, so that local-time conversions are checked.
	runNat(t, "n_date", ctest.Options{Env: []string{"TZ=Europe/Paris"}})
}
func TestNativesSys(t *testing.T) {
	out := runNat(t, "n_sys", ctest.Options{Args: []string{"one", "deux", "été"}, Env: []string{"HXN_TEST_VAR=valeur"}})
	if want := "héllo 😀\n"; !strings.HasPrefix(out, want) {
		t.Errorf("sys_print wrote %q, want %q first", out, want)
	}
}
func TestNativesThread(t *testing.T) { runNat(t, "n_thread", ctest.Options{}) }
func TestNativesRegexp(t *testing.T) { runNat(t, "n_regexp", ctest.Options{}) }
func TestNativesFmt(t *testing.T)    { runNat(t, "n_fmt", ctest.Options{}) }
func TestNativesNet(t *testing.T)    { runNat(t, "n_net", ctest.Options{}) }

// HashLink's case table is Unicode's simple case mapping of its time: mappings
// involving the code points below (added later) are absent, and the upper case
// of the Latin digraphs DŽ/Dž/dž, LJ.., NJ.., DZ.. is their title case.
func hlCaseExcluded(c rune) bool {
	return (c >= 0x1c80 && c <= 0x1cbf) || c == 0x2c2f || c == 0x2c5f || c == 0xa7ae || (c >= 0xa7b8 && c <= 0xa7ff)
}

func hlCase(c rune, upper bool) rune {
	if hlCaseExcluded(c) {
		return c
	}
	var r rune
	switch {
	case !upper:
		r = unicode.ToLower(c)
	case (c >= 0x1c4 && c <= 0x1cc) || (c >= 0x1f1 && c <= 0x1f3):
		r = unicode.ToTitle(c)
	default:
		r = unicode.ToUpper(c)
	}
	if r > 0xFFFF || hlCaseExcluded(r) {
		return c
	}
	return r
}

// TestNativesUnicase checks hx_n_unicase.c against the rule above (the rule
// was checked against HashLink's table for every BMP code point). With
// FIBERUS_GEN_UNICASE=1 it rewrites the table first.
func TestNativesUnicase(t *testing.T) {
	if unicode.Version != "15.0.0" {
		t.Skipf("rule established with Unicode 15.0.0 tables, Go has %s", unicode.Version)
	}
	if os.Getenv("FIBERUS_GEN_UNICASE") == "1" {
		if err := os.WriteFile(filepath.Join(ctest.Root(), "hxrt", "hx_n_unicase.c"), []byte(genUnicase()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := runNat(t, "n_unicase", ctest.Options{})
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			t.Fatalf("bad line %q", sc.Text())
		}
		var v [3]int64
		for i := range f {
			v[i], _ = strconv.ParseInt(f[i], 10, 32)
		}
		c := rune(v[0])
		if up, lo := hlCase(c, true), hlCase(c, false); rune(v[1]) != up || rune(v[2]) != lo {
			t.Errorf("U+%04X: upper %04X lower %04X, want %04X %04X", c, v[1], v[2], up, lo)
		}
		n++
	}
	if n != 65536 {
		t.Fatalf("got %d code points, want 65536", n)
	}
}

// genUnicase writes the two-level tables: a page index by high byte (0 = no
// mapping in the page) and 256-entry pages of targets (0 = unchanged).
func genUnicase() string {
	var b strings.Builder
	b.WriteString("//go:build ignore\n\n")
	b.WriteString("/* hx_n_unicase.c: HashLink's per-unit case mapping (BMP, 1:1).\n" +
		" * Generated by FIBERUS_GEN_UNICASE=1 go test ./hxrt -run TestNativesUnicase. */\n" +
		"#include \"hx_natives.h\"\n\n")
	for _, upper := range []bool{true, false} {
		name := "lower"
		if upper {
			name = "upper"
		}
		var index [256]int
		var pages [][256]int
		pages = append(pages, [256]int{})
		for hi := 0; hi < 256; hi++ {
			var p [256]int
			any := false
			for lo := 0; lo < 256; lo++ {
				c := rune(hi<<8 | lo)
				if r := hlCase(c, upper); r != c {
					p[lo] = int(r)
					any = true
				}
			}
			if any {
				index[hi] = len(pages)
				pages = append(pages, p)
			}
		}
		fmt.Fprintf(&b, "static const uint8_t %s_index[256] = {", name)
		for i, v := range index {
			if i%32 == 0 {
				b.WriteString("\n\t")
			}
			fmt.Fprintf(&b, "%d,", v)
		}
		fmt.Fprintf(&b, "\n};\n\nstatic const uint16_t %s_pages[%d][256] = {\n", name, len(pages))
		for _, p := range pages {
			b.WriteString("\t{")
			for i, v := range p {
				if i%16 == 0 {
					b.WriteString("\n\t\t")
				}
				fmt.Fprintf(&b, "%d,", v)
			}
			b.WriteString("\n\t},\n")
		}
		b.WriteString("};\n\n")
	}
	b.WriteString("hx_uchar hxn_case_upper(hx_uchar c) {\n\thx_uchar r = upper_pages[upper_index[c >> 8]][c & 0xFF];\n\treturn r ? r : c;\n}\n\n")
	b.WriteString("hx_uchar hxn_case_lower(hx_uchar c) {\n\thx_uchar r = lower_pages[lower_index[c >> 8]][c & 0xFF];\n\treturn r ? r : c;\n}\n")
	return b.String()
}
