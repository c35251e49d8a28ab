package hl

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Real files written by haxe 4.2.5 from testdata/src (see testdata/README.md).
var realFiles = []string{"features.hl", "features-nodebug.hl", "resource.hl"}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadRealFiles(t *testing.T) {
	for _, name := range realFiles {
		t.Run(name, func(t *testing.T) {
			m, err := Read(readTestdata(t, name))
			if err != nil {
				t.Fatal(err)
			}
			wantVersion := 4
			if name == "resource.hl" {
				wantVersion = 5
			}
			if m.Version != wantVersion {
				t.Errorf("version %d, want %d", m.Version, wantVersion)
			}
			if m.HasDebug == strings.Contains(name, "nodebug") {
				t.Errorf("HasDebug = %v", m.HasDebug)
			}
			entry := m.FunByIndex[m.Entrypoint]
			if entry == nil || len(entry.Type.Fun.Args) != 0 {
				t.Fatalf("entrypoint f%d is not a ()->void function", m.Entrypoint)
			}
			if m.HasDebug {
				for _, f := range m.Functions {
					if len(f.Debug) != len(f.Ops) {
						t.Fatalf("f%d: %d debug positions for %d ops", f.FIndex, len(f.Debug), len(f.Ops))
					}
				}
			}
			var sawMain, sawTrace bool
			for _, ty := range m.Types {
				if ty.Kind == KObj && (ty.Obj.Name == "$Features" || ty.Obj.Name == "$Resource") {
					fields := ty.ObjFields()
					for _, b := range ty.Obj.Bindings {
						sawMain = sawMain || fields[b.Field].Name == "main"
					}
				}
			}
			for _, n := range m.Natives {
				sawTrace = sawTrace || (n.Lib == "std" && n.Name == "sys_print")
			}
			if !sawMain || !sawTrace {
				t.Errorf("main method found %v, sys_print native found %v", sawMain, sawTrace)
			}
		})
	}
}

func TestResourceBytesPool(t *testing.T) {
	m, err := Read(readTestdata(t, "resource.hl"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range m.Bytes {
		found = found || bytes.Contains(b, []byte("data"))
	}
	if !found {
		t.Errorf("resource content not in the bytes pool (%d entries)", len(m.Bytes))
	}
}

func TestFeaturesProgramShape(t *testing.T) {
	m, err := Read(readTestdata(t, "features.hl"))
	if err != nil {
		t.Fatal(err)
	}
	var shape *Type
	for _, ty := range m.Types {
		if ty.Kind == KEnum && ty.Enum.Name == "Shape" {
			shape = ty
		}
	}
	if shape == nil {
		t.Fatal("enum Shape not found")
	}
	var names []string
	for _, c := range shape.Enum.Constructs {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "Circle,Rect,Empty" {
		t.Errorf("constructors %s", got)
	}
	if k := shape.Enum.Constructs[1].Params[0].Kind; k != KI32 {
		t.Errorf("Rect's first param is %s, want i32", k)
	}
	var sub *Type
	for _, ty := range m.Types {
		if ty.Kind == KObj && ty.Obj.Name == "Sub" {
			sub = ty
		}
	}
	if sub == nil || sub.Obj.Super == nil || sub.Obj.Super.Obj.Name != "Base" {
		t.Fatal("class Sub extending Base not found")
	}
	fields := sub.ObjFields()
	if fields[0].Name != "" && fields[0].Name != "v" {
		t.Errorf("first field %q", fields[0].Name)
	}
	var dump bytes.Buffer
	if err := Dump(&dump, m); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"enum", "Shape", "OTrap", "$Features.main", "Features.hx:"} {
		if !strings.Contains(dump.String(), want) {
			t.Errorf("dump lacks %q", want)
		}
	}
}

// Every truncation of a real file must fail with a FormatError, never panic.
func TestTruncatedInput(t *testing.T) {
	data := readTestdata(t, "features.hl")
	step := 1
	if testing.Short() {
		step = 97
	}
	for n := 0; n < len(data); n += step {
		_, err := Read(data[:n])
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("prefix of %d bytes: got %v, want a FormatError", n, err)
		}
		if fe.Offset > n {
			t.Fatalf("prefix of %d bytes: error offset %d beyond the input", n, fe.Offset)
		}
	}
}

func TestTrailingBytes(t *testing.T) {
	data := append(readTestdata(t, "features.hl"), 0)
	_, err := Read(data)
	if err == nil || !strings.Contains(err.Error(), "unexpected bytes after the constants") {
		t.Fatalf("got %v", err)
	}
}

func TestBadHeader(t *testing.T) {
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty":     {nil, "unexpected end of file"},
		"magic":     {[]byte("HLX\x04\x01"), "not a HashLink bytecode file"},
		"version 1": {[]byte("HLB\x01\x01"), "unsupported bytecode version 1"},
		"version 6": {[]byte("HLB\x06\x01"), "unsupported bytecode version 6"},
		"flags":     {[]byte("HLB\x04\x06"), "unknown header flags"},
	}
	for name, c := range cases {
		_, err := Read(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, err, c.want)
		}
	}
}

// --- a tiny writer, to build modules of every version by hand ---------------

type writer struct{ bytes.Buffer }

func (w *writer) index(v int) {
	neg := v < 0
	if neg {
		v = -v
	}
	switch {
	case !neg && v < 0x80:
		w.WriteByte(byte(v))
	case v < 0x2000:
		b := byte(0x80 | v>>8)
		if neg {
			b |= 0x20
		}
		w.WriteByte(b)
		w.WriteByte(byte(v))
	default:
		b := byte(0xC0 | v>>24)
		if neg {
			b |= 0x20
		}
		w.Write([]byte{b, byte(v >> 16), byte(v >> 8), byte(v)})
	}
}

func (w *writer) i32(v int32) { binary.Write(&w.Buffer, binary.LittleEndian, v) }

func (w *writer) strings(ss ...string) {
	var blob bytes.Buffer
	for _, s := range ss {
		blob.WriteString(s)
		blob.WriteByte(0)
	}
	w.i32(int32(blob.Len()))
	w.Write(blob.Bytes())
	for _, s := range ss {
		w.index(len(s))
	}
}

func TestIndexEncoding(t *testing.T) {
	for _, v := range []int{0, 1, 127, 128, 0x1FFF, 0x2000, 0x1FFFFFFF, -1, -127, -0x1FFF, -0x2000, -0x1FFFFFFF} {
		var w writer
		w.index(v)
		d := &decoder{data: w.Bytes()}
		if got := d.index(); got != v || d.err != nil || d.pos != w.Len() {
			t.Errorf("index %d: decoded %d (err %v, %d of %d bytes)", v, got, d.err, d.pos, w.Len())
		}
	}
}

// minimal builds a module of the given version: types void and ()->void,
// one function (the entrypoint) that returns, with or without debug info.
func minimal(version int, debug bool) []byte {
	var w writer
	w.WriteString("HLB")
	w.WriteByte(byte(version))
	if debug {
		w.index(1)
	} else {
		w.index(0)
	}
	w.index(1) // ints
	w.index(1) // floats
	w.index(1) // strings
	if version >= 5 {
		w.index(1) // bytes
	}
	w.index(2) // types
	w.index(0) // globals
	w.index(0) // natives
	w.index(1) // functions
	if version >= 4 {
		w.index(0) // constants
	}
	w.index(0) // entrypoint
	w.i32(42)
	binary.Write(&w.Buffer, binary.LittleEndian, math.Float64bits(1.5))
	w.strings("hello")
	if version >= 5 {
		w.i32(3)
		w.WriteString("abc")
		w.index(0)
	}
	if debug {
		w.index(1)
		w.strings("Main.hx")
	}
	w.WriteByte(byte(KVoid))
	w.WriteByte(byte(KFun))
	w.WriteByte(0) // nargs
	w.index(0)     // ret void
	// function: type 1, findex 0, 1 register (void), 2 ops
	w.index(1)
	w.index(0)
	w.index(1)
	w.index(2)
	w.index(0)
	w.WriteByte(byte(ONop))
	w.WriteByte(byte(ORet))
	w.index(0)
	if debug {
		w.WriteByte(1) // file 0
		w.WriteByte(0)
		w.WriteByte(3<<3 | 4) // line += 3
		w.WriteByte(1<<3 | 4) // line += 1
		if version >= 3 {
			w.index(0) // no assigns
		}
	}
	return w.Bytes()
}

func TestEveryVersion(t *testing.T) {
	for version := 2; version <= 5; version++ {
		for _, debug := range []bool{false, true} {
			m, err := Read(minimal(version, debug))
			if err != nil {
				t.Fatalf("v%d debug=%v: %v", version, debug, err)
			}
			if m.Ints[0] != 42 || m.Floats[0] != 1.5 || m.Strings[0] != "hello" {
				t.Errorf("v%d: tables %v %v %v", version, m.Ints, m.Floats, m.Strings)
			}
			if version >= 5 && string(m.Bytes[0]) != "abc" {
				t.Errorf("v5 bytes %q", m.Bytes)
			}
			if debug && (m.Functions[0].Debug[0] != Pos{0, 3} || m.Functions[0].Debug[1] != Pos{0, 4}) {
				t.Errorf("v%d debug positions %v", version, m.Functions[0].Debug)
			}
		}
	}
}

func TestInvalidOperands(t *testing.T) {
	good := minimal(4, false)
	// The last bytes are: ONop, ORet, 0 (register). Point ORet at register 5.
	bad := append([]byte{}, good...)
	bad[len(bad)-1] = 5
	_, err := Read(bad)
	var oe *OpError
	if !errors.As(err, &oe) || oe.Op != 1 || !strings.Contains(err.Error(), "register 5 out of range") {
		t.Fatalf("got %v", err)
	}
	// An unknown opcode.
	bad = append([]byte{}, good...)
	bad[len(bad)-3] = 200
	if _, err := Read(bad); err == nil || !strings.Contains(err.Error(), "unknown opcode 200") {
		t.Fatalf("got %v", err)
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range realFiles {
		f.Add(readTestdata(f, name))
	}
	for v := 2; v <= 5; v++ {
		f.Add(minimal(v, true))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(data)
		if err != nil {
			return
		}
		// Whatever reads successfully must also dump without panicking.
		var buf bytes.Buffer
		if err := Dump(&buf, m); err != nil {
			t.Fatal(err)
		}
	})
}
