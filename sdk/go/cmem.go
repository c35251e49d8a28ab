package fiberus

// #include <stdlib.h>
import "C"
import "unsafe"

// cmalloc returns n zeroed bytes of C memory (for arguments of C jobs).
func cmalloc(n int) unsafe.Pointer { return C.calloc(1, C.size_t(n)) }

// cfree releases memory from cmalloc.
func cfree(p unsafe.Pointer) { C.free(p) }
