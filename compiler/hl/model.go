// Package hl reads HashLink bytecode (.hl files) into a typed, validated model.
//
// The model mirrors the file: tables of constants, types, globals, natives and
// functions, all cross-linked by pointer once reading succeeds. Indexes that the
// bytecode uses as operands (registers, findex, global, type, string, field,
// jump offsets) are kept as plain ints in Op so that later passes see exactly
// what the file said. See ../../../shared/reference/hl-bytecode.md.
package hl

// Kind is a type tag (section 2.1 of the reference); the numeric values are part
// of the runtime contract because Haxe code reads them (OGetTID, hl.Type).
type Kind uint8

const (
	KVoid Kind = iota
	KUI8
	KUI16
	KI32
	KI64
	KF32
	KF64
	KBool
	KBytes
	KDyn
	KFun
	KObj
	KArray
	KType
	KRef
	KVirtual
	KDynObj
	KAbstract
	KEnum
	KNull
	KMethod
	KStruct
	KPacked
	KGuid
	kindCount
)

var kindNames = [...]string{"void", "ui8", "ui16", "i32", "i64", "f32", "f64", "bool", "bytes",
	"dyn", "fun", "obj", "array", "type", "ref", "virtual", "dynobj", "abstract", "enum",
	"null", "method", "struct", "packed", "guid"}

func (k Kind) String() string {
	if k < kindCount {
		return kindNames[k]
	}
	return "kind?"
}

// IsPtr reports whether values of this kind are pointers (visible to the GC).
func (k Kind) IsPtr() bool { return k >= KBytes && k != KGuid }

// IsDynamic reports whether a value of this kind is its own Dynamic: the block
// it points to starts with its runtime type.
func (k Kind) IsDynamic() bool {
	switch k {
	case KDyn, KFun, KObj, KArray, KVirtual, KDynObj, KEnum, KNull:
		return true
	}
	return false
}

// Type is one entry of the type table. Exactly one of the kind-specific
// pointers is set, according to Kind.
type Type struct {
	Index    int // position in Module.Types
	Kind     Kind
	Fun      *FunType     // KFun, KMethod
	Obj      *ObjType     // KObj, KStruct
	Virtual  *VirtualType // KVirtual
	Enum     *EnumType    // KEnum
	Param    *Type        // KRef, KNull, KPacked
	Abstract string       // KAbstract: its name
}

// FunType is the signature of a function; for methods Args[0] is `this`.
type FunType struct {
	Args []*Type
	Ret  *Type
}

// Field is a named, typed slot of an object or virtual.
type Field struct {
	Name string
	Type *Type
}

// Proto is a method declared (or overridden) by a class.
type Proto struct {
	Name   string
	FIndex int // implementation
	PIndex int // virtual slot, -1 when final (called directly)
}

// Binding pre-fills an object field with a closure at allocation time.
type Binding struct {
	Field  int // absolute field number
	FIndex int
}

// ObjType describes a class (KObj) or @:struct class (KStruct).
type ObjType struct {
	Name     string
	Super    *Type   // nil when none
	Global   int     // global slot holding the class object, -1 when none
	Fields   []Field // own fields only; parent fields come first at runtime
	Protos   []Proto
	Bindings []Binding
}

// VirtualType is a structural view: an interface or anonymous structure type.
type VirtualType struct {
	Fields []Field
}

// EnumConstruct is one constructor of an enum.
type EnumConstruct struct {
	Name   string
	Params []*Type
}

// EnumType describes an enum; closure contexts are enums with an empty name.
type EnumType struct {
	Name       string
	Global     int // global slot holding the Enum object, -1 when none
	Constructs []EnumConstruct
}

// Native is a function implemented by the runtime (or a user C file).
type Native struct {
	Lib    string // "std" is the core runtime; a leading '?' marks an optional library
	Name   string
	Type   *Type // KFun
	FIndex int
}

// Op is one instruction. Operand meaning depends on Code (see the table in
// opcodes.go and section 3.2 of the reference):
//
//   - fixed shapes use P1, P2, P3 in file order;
//   - OCall2/OCall3/OCall4 put the arguments after the first in Extra, so the
//     call arguments are P3 followed by Extra (use CallArgs);
//   - OEnumField puts its param index in Extra[0];
//   - OCallN, OCallMethod, OCallThis, OCallClosure, OMakeEnum keep P1, P2 and
//     put the counted operands in Extra;
//   - OSwitch: P1 = register, Extra = jump offsets, P2 = end offset.
type Op struct {
	Code  Opcode
	P1    int
	P2    int
	P3    int
	Extra []int
}

// CallArgs returns the argument registers of any call opcode (for OCallMethod
// the object is the first element), or of OMakeEnum.
func (o *Op) CallArgs() []int {
	switch o.Code {
	case OCall0:
		return nil
	case OCall1:
		return []int{o.P3}
	case OCall2, OCall3, OCall4:
		return append([]int{o.P3}, o.Extra...)
	case OCallN, OCallMethod, OCallThis, OCallClosure, OMakeEnum:
		return o.Extra
	}
	return nil
}

// Pos is a source position: an index into Module.DebugFiles and a line.
type Pos struct {
	File int
	Line int
}

// Assign names a local variable for debuggers (section 1.9).
type Assign struct {
	Name string
	Pos  int // >0: dst of op Pos-1; 0: argument; <0: captured in context register -Pos-1
}

// Function is a bytecode function.
type Function struct {
	Type    *Type // KFun
	FIndex  int
	Regs    []*Type
	Ops     []Op
	Debug   []Pos // one per op, nil without debug info
	Assigns []Assign
}

// Constant is a global initialised with a statically built object (section 1.10).
type Constant struct {
	Global int
	Fields []int
}

// Module is a whole bytecode file.
type Module struct {
	Version    int
	HasDebug   bool
	Ints       []int32
	Floats     []float64
	Strings    []string
	Bytes      [][]byte // version >= 5: entries of the bytes pool
	DebugFiles []string
	Types      []*Type
	Globals    []*Type
	Natives    []*Native
	Functions  []*Function
	Constants  []Constant
	Entrypoint int // findex

	// Derived by the reader.
	FunByIndex    map[int]*Function // findex -> bytecode function
	NativeByIndex map[int]*Native   // findex -> native
	methodNames   map[int]string    // findex -> "Class.method" (see FuncName)
}

// FuncType returns the signature of findex, be it a bytecode function or a native.
func (m *Module) FuncType(findex int) *Type {
	if f := m.FunByIndex[findex]; f != nil {
		return f.Type
	}
	if n := m.NativeByIndex[findex]; n != nil {
		return n.Type
	}
	return nil
}
