package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// fakeSources is a two-folder runtime small enough to compile in a blink.
// Its test folder holds a file that does not compile: it must be skipped.
func fakeSources() *Sources {
	return &Sources{
		FS: fstest.MapFS{
			"rta/a.h":        {Data: []byte("int rt_a(void);\n")},
			"rta/a.c":        {Data: []byte("#include \"b.h\"\n#include \"a.h\"\nint rt_a(void) { return B; }\n")},
			"rta/test/bad.c": {Data: []byte("this is not C\n")},
			"rtb/b.h":        {Data: []byte("#define B 7\n")},
			"rtb/b.c":        {Data: []byte("int rt_b_value = 3;\nint rt_b(void) { return rt_b_value; }\n")},
			"hx/Lib.hx":      {Data: []byte("class Lib {}\n")},
		},
		RuntimeDirs: []string{"rta", "rtb"},
		IncludeDirs: []string{"rta", "rtb"},
		HaxeLib:     "hx",
	}
}

func testToolchain(t *testing.T, cflags ...string) *Toolchain {
	t.Helper()
	tc, err := NewToolchain("cc", cflags, nil)
	if err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	return tc
}

func TestHasherSeparatesParts(t *testing.T) {
	a := newHasher("x").add("p", "ab", "c").key()
	b := newHasher("x").add("p", "a", "bc").key()
	c := newHasher("x").add("p", "ab", "c").key()
	if a == b || a != c {
		t.Errorf("keys: %s %s %s", a, b, c)
	}
	if newHasher("x").key() == newHasher("y").key() {
		t.Error("the kind does not change the key")
	}
}

func TestExtractIsIdempotent(t *testing.T) {
	cache := t.TempDir()
	s := fakeSources()
	x, err := s.Extract(cache)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(x.Dir, "rtb", "b.h"))
	if err != nil || string(data) != "#define B 7\n" {
		t.Fatalf("extracted b.h: %q %v", data, err)
	}
	y, err := s.Extract(cache)
	if err != nil || y.Dir != x.Dir || y.Hash != x.Hash {
		t.Errorf("second extract: %+v %v, first %+v", y, err, x)
	}
	s.FS.(fstest.MapFS)["rtb/b.h"] = &fstest.MapFile{Data: []byte("#define B 8\n")}
	z, err := s.Extract(cache)
	if err != nil || z.Hash == x.Hash {
		t.Errorf("changed sources kept hash %s (err %v)", z.Hash, err)
	}
	entries, _ := os.ReadDir(filepath.Join(cache, "src"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}

func TestRuntimeKey(t *testing.T) {
	x := &Extracted{Dir: "/c/src/h", Hash: "h1"}
	base := &Toolchain{Cmd: []string{"cc"}, ID: "gcc 12", Include: []string{"/c/src/h/rta"}}
	k := RuntimeKey(x, base)
	same := *base
	if RuntimeKey(x, &same) != k {
		t.Error("same configuration, different key")
	}
	flags := *base
	flags.CFlags = []string{"-O3"}
	cc := *base
	cc.ID = "clang 16"
	for name, key := range map[string]string{
		"cflags":  RuntimeKey(x, &flags),
		"cc":      RuntimeKey(x, &cc),
		"sources": RuntimeKey(&Extracted{Dir: x.Dir, Hash: "h2"}, base),
	} {
		if key == k {
			t.Errorf("changing %s keeps the runtime key", name)
		}
	}
}

func TestBuildRuntimeCachesArchive(t *testing.T) {
	cache := t.TempDir()
	s := fakeSources()
	x, err := s.Extract(cache)
	if err != nil {
		t.Fatal(err)
	}
	tc := testToolchain(t)
	tc.Include = x.Include(s)
	rt, err := BuildRuntime(s, x, tc, cache, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !rt.Built || !exists(rt.Archive) || filepath.Base(rt.Archive) != "libfiberus_rt.a" {
		t.Fatalf("first build: %+v", rt)
	}
	for _, sym := range []string{"rt_a", "rt_b", "rt_b_value"} {
		if !rt.Symbols[sym] {
			t.Errorf("symbol %s missing from %v", sym, rt.Symbols)
		}
	}
	if rt.Symbols["bad"] || len(rt.Symbols) != 3 {
		t.Errorf("symbols %v, want exactly rt_a rt_b rt_b_value", rt.Symbols)
	}
	st, _ := os.Stat(rt.Archive)
	again, err := BuildRuntime(s, x, tc, cache, nil)
	if err != nil || again.Built || again.Archive != rt.Archive || len(again.Symbols) != 3 {
		t.Errorf("second build: %+v %v, want the cached archive", again, err)
	}
	if st2, _ := os.Stat(rt.Archive); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("cached archive was rewritten")
	}
	other := testToolchain(t, "-DOTHER")
	other.Include = tc.Include
	rt2, err := BuildRuntime(s, x, other, cache, nil)
	if err != nil || !rt2.Built || rt2.Dir == rt.Dir {
		t.Errorf("other cflags: %+v %v, want a new build in another folder", rt2, err)
	}
}

func TestBuildRuntimeFailureLeavesNoCache(t *testing.T) {
	cache := t.TempDir()
	s := fakeSources()
	s.FS.(fstest.MapFS)["rtb/broken.c"] = &fstest.MapFile{Data: []byte("int f( {\n")}
	x, err := s.Extract(cache)
	if err != nil {
		t.Fatal(err)
	}
	tc := testToolchain(t)
	tc.Include = x.Include(s)
	_, err = BuildRuntime(s, x, tc, cache, nil)
	if err == nil || !strings.Contains(err.Error(), "broken.c") {
		t.Fatalf("got %v, want a compile error naming broken.c", err)
	}
	entries, _ := os.ReadDir(filepath.Join(cache, "runtime"))
	if len(entries) != 0 {
		t.Errorf("failed build left %d entries in the runtime cache", len(entries))
	}
}

func TestCompileCachedKeys(t *testing.T) {
	cache, work := t.TempDir(), t.TempDir()
	tc := testToolchain(t)
	src := filepath.Join(work, "f.c")
	writeFile(t, src, "int f(void) { return 1; }\n")
	obj1, hit, err := tc.CompileCached(cache, src, []byte("hdr1"), work)
	if err != nil || hit {
		t.Fatalf("first compile: hit %v err %v", hit, err)
	}
	obj2, hit, err := tc.CompileCached(cache, src, []byte("hdr1"), work)
	if err != nil || !hit || obj2 != obj1 {
		t.Errorf("unchanged source: hit %v obj %s (first %s) err %v", hit, obj2, obj1, err)
	}
	if _, hit, _ = tc.CompileCached(cache, src, []byte("hdr2"), work); hit {
		t.Error("a changed header reused the object")
	}
	writeFile(t, src, "int f(void) { return 2; }\n")
	if _, hit, _ = tc.CompileCached(cache, src, []byte("hdr1"), work); hit {
		t.Error("a changed source reused the object")
	}
	flags := testToolchain(t, "-O0")
	if _, hit, _ = flags.CompileCached(cache, src, []byte("hdr1"), work); hit {
		t.Error("changed flags reused the object")
	}
}

func TestInstallDirLosesRaceGracefully(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "d")
	if err := installDir(dst, func(tmp string) error { return os.WriteFile(filepath.Join(tmp, "f"), []byte("1"), 0o644) }); err != nil {
		t.Fatal(err)
	}
	if err := installDir(dst, func(tmp string) error { return os.WriteFile(filepath.Join(tmp, "f"), []byte("2"), 0o644) }); err != nil {
		t.Fatalf("second install: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dst, "f")); string(data) != "1" {
		t.Errorf("content %q: the first install must win", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(dst))
	if len(entries) != 1 {
		t.Errorf("%d entries, want only d (no temporary folders left)", len(entries))
	}
}

func TestRunFingerprintFollowsSources(t *testing.T) {
	clearEnv(t)
	if _, err := FindHaxe(); err != nil {
		t.Skip("the run fingerprint includes haxe, which is not installed")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "src", "Main.hx"), "class Main {}")
	writeFile(t, filepath.Join(dir, "src", "pack", "Util.hx"), "class Util {}")
	c := &Config{Main: "Main", Classpaths: []string{"src"}, HaxeCwd: dir, CC: "cc", Kind: KindExe}
	opt := Options{Sources: fakeSources(), Cwd: dir}
	k1, err := runFingerprint(c, opt)
	if err != nil {
		t.Fatal(err)
	}
	if k2, _ := runFingerprint(c, opt); k2 != k1 {
		t.Error("same inputs, different fingerprint")
	}
	util := filepath.Join(dir, "src", "pack", "Util.hx")
	later := time.Now().Add(time.Minute)
	os.Chtimes(util, later, later)
	k3, _ := runFingerprint(c, opt)
	if k3 == k1 {
		t.Error("touching a source file kept the fingerprint")
	}
	c2 := *c
	c2.Defines = []string{"x"}
	if k4, _ := runFingerprint(&c2, opt); k4 == k3 {
		t.Error("a new define kept the fingerprint")
	}
}

func TestSweepRemovesOnlyOldEntries(t *testing.T) {
	cache := t.TempDir()
	long := time.Now().Add(-maxAge - time.Hour)
	oldObj := filepath.Join(cache, "obj", "aa", "aa1.o")
	newObj := filepath.Join(cache, "obj", "bb", "bb1.o")
	oldRun := filepath.Join(cache, "run", "r1", "stamp")
	newRun := filepath.Join(cache, "run", "r2", "stamp")
	oldRT := filepath.Join(cache, "runtime", "k1", symbolsName)
	for _, p := range []string{oldObj, newObj, oldRun, newRun, oldRT} {
		writeFile(t, p, "x")
	}
	for _, p := range []string{oldObj, oldRun, oldRT} {
		os.Chtimes(p, long, long)
	}
	sweep(cache)
	for p, want := range map[string]bool{oldObj: false, newObj: true, oldRun: false, newRun: true, oldRT: false} {
		if exists(p) != want {
			t.Errorf("%s: exists %v, want %v", p, !want, want)
		}
	}
	// At most once a day: a second sweep right away does nothing.
	writeFile(t, oldObj, "x")
	os.Chtimes(oldObj, long, long)
	sweep(cache)
	if !exists(oldObj) {
		t.Error("a second sweep within a day ran")
	}
}
