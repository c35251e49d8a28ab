package hl

import (
	"encoding/binary"
	"fmt"
	"math"
)

// FormatError reports malformed or truncated bytecode: where and what was expected.
type FormatError struct {
	Offset int    // byte offset in the file
	What   string // what was being read
	Msg    string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("malformed bytecode at offset %d (0x%x) reading %s: %s", e.Offset, e.Offset, e.What, e.Msg)
}

// decoder is a cursor over the file. Reading past the end or an invalid value
// records the first error; later reads return zero values, so callers can read
// a whole record and check d.err once.
type decoder struct {
	data []byte
	pos  int
	what string // current context, for errors
	err  *FormatError
}

func (d *decoder) fail(at int, format string, args ...any) {
	if d.err == nil {
		d.err = &FormatError{Offset: at, What: d.what, Msg: fmt.Sprintf(format, args...)}
	}
}

func (d *decoder) need(n int) bool {
	if d.err != nil {
		return false
	}
	if n < 0 || d.pos+n > len(d.data) {
		d.fail(d.pos, "unexpected end of file (need %d bytes, %d left)", n, len(d.data)-d.pos)
		return false
	}
	return true
}

func (d *decoder) u8() int {
	if !d.need(1) {
		return 0
	}
	b := d.data[d.pos]
	d.pos++
	return int(b)
}

func (d *decoder) i32() int32 {
	if !d.need(4) {
		return 0
	}
	v := int32(binary.LittleEndian.Uint32(d.data[d.pos:]))
	d.pos += 4
	return v
}

func (d *decoder) f64() float64 {
	if !d.need(8) {
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.data[d.pos:]))
	d.pos += 8
	return v
}

// index reads the variable-length signed integer of section 1.2.
func (d *decoder) index() int {
	b := d.u8()
	if b&0x80 == 0 {
		return b
	}
	var v int
	if b&0x40 == 0 {
		v = (b&0x1F)<<8 | d.u8()
	} else {
		c, e, f := d.u8(), d.u8(), d.u8()
		v = (b&0x1F)<<24 | c<<16 | e<<8 | f
	}
	if b&0x20 != 0 {
		return -v
	}
	return v
}

// uindex reads an index that must not be negative.
func (d *decoder) uindex() int {
	at := d.pos
	v := d.index()
	if v < 0 {
		d.fail(at, "negative value %d where an unsigned index is required", v)
		return 0
	}
	return v
}

// count reads a table size and checks it is plausible for the bytes left,
// so that a corrupt count cannot make us allocate gigabytes.
func (d *decoder) count(minBytesEach int) int {
	at := d.pos
	n := d.uindex()
	if d.err == nil && minBytesEach > 0 && n > (len(d.data)-d.pos)/minBytesEach {
		d.fail(at, "count %d is larger than the rest of the file allows", n)
		return 0
	}
	return n
}

// ref checks that an index read at offset `at` lies in [0, n).
func (d *decoder) ref(at, v, n int, table string) bool {
	if d.err != nil {
		return false
	}
	if v < 0 || v >= n {
		d.fail(at, "%s index %d out of range (table has %d)", table, v, n)
		return false
	}
	return true
}
