package hl

import "fmt"

// Operand kinds, one letter per operand in file order (P1, P2, P3, then Extra):
//
//	r register   f findex    g global   i int const   d float const
//	s string     b bytes     t type     j jump        k literal
//	F field      m method slot          c constructor  (unchecked here: they depend on types)
//	* the Extra operands are all registers (counted call/enum arguments)
//	S switch: Extra are jumps, P2 is the end jump
var operandKinds = [opcodeCount]string{
	OMov: "rr", OInt: "ri", OFloat: "rd", OBool: "rk", OBytes: "rb", OString: "rs", ONull: "r",
	OAdd: "rrr", OSub: "rrr", OMul: "rrr", OSDiv: "rrr", OUDiv: "rrr", OSMod: "rrr", OUMod: "rrr",
	OShl: "rrr", OSShr: "rrr", OUShr: "rrr", OAnd: "rrr", OOr: "rrr", OXor: "rrr",
	ONeg: "rr", ONot: "rr", OIncr: "r", ODecr: "r",
	OCall0: "rf", OCall1: "rfr", OCall2: "rfrr", OCall3: "rfrrr", OCall4: "rfrrrr",
	OCallN: "rf*", OCallMethod: "rm*", OCallThis: "rm*", OCallClosure: "rr*",
	OStaticClosure: "rf", OInstanceClosure: "rfr", OVirtualClosure: "rrm",
	OGetGlobal: "rg", OSetGlobal: "gr", OField: "rrF", OSetField: "rFr", OGetThis: "rF", OSetThis: "Fr",
	ODynGet: "rrs", ODynSet: "rsr",
	OJTrue: "rj", OJFalse: "rj", OJNull: "rj", OJNotNull: "rj",
	OJSLt: "rrj", OJSGte: "rrj", OJSGt: "rrj", OJSLte: "rrj", OJULt: "rrj", OJUGte: "rrj",
	OJNotLt: "rrj", OJNotGte: "rrj", OJEq: "rrj", OJNotEq: "rrj", OJAlways: "j",
	OToDyn: "rr", OToSFloat: "rr", OToUFloat: "rr", OToInt: "rr", OSafeCast: "rr", OUnsafeCast: "rr",
	OToVirtual: "rr", OLabel: "", ORet: "r", OThrow: "r", ORethrow: "r", OSwitch: "rS", ONullCheck: "r",
	OTrap: "rj", OEndTrap: "k",
	OGetI8: "rrr", OGetI16: "rrr", OGetMem: "rrr", OGetArray: "rrr",
	OSetI8: "rrr", OSetI16: "rrr", OSetMem: "rrr", OSetArray: "rrr",
	ONew: "r", OArraySize: "rr", OType: "rt", OGetType: "rr", OGetTID: "rr",
	ORef: "rr", OUnref: "rr", OSetref: "rr",
	OMakeEnum: "rc*", OEnumAlloc: "rc", OEnumIndex: "rr", OEnumField: "rrck", OSetEnumField: "rkr",
	OAssert: "", ORefData: "rr", ORefOffset: "rrr", ONop: "", OPrefetch: "rkk", OAsm: "kkk", OCatch: "g",
}

// OpError reports an invalid operand in a function.
type OpError struct {
	FIndex int
	Op     int
	Code   Opcode
	Msg    string
}

func (e *OpError) Error() string {
	return fmt.Sprintf("invalid bytecode in function %d, op %d (%s): %s", e.FIndex, e.Op, e.Code, e.Msg)
}

// validate checks that every operand index of every op is within its table,
// so that later passes may index without checking.
func validate(m *Module) error {
	nfun := len(m.Functions) + len(m.Natives)
	for _, f := range m.Functions {
		nops := len(f.Ops)
		for i := range f.Ops {
			op := &f.Ops[i]
			operands := append([]int{op.P1, op.P2, op.P3}, op.Extra...)
			kinds := operandKinds[op.Code]
			fail := func(format string, args ...any) error {
				return &OpError{FIndex: f.FIndex, Op: i, Code: op.Code, Msg: fmt.Sprintf(format, args...)}
			}
			inRange := func(what string, v, n int) error {
				if v < 0 || v >= n {
					return fail("%s %d out of range (%d)", what, v, n)
				}
				return nil
			}
			jump := func(off int) error {
				if t := i + 1 + off; t < 0 || t >= nops {
					return fail("jump offset %d lands outside the function (target %d of %d ops)", off, t, nops)
				}
				return nil
			}
			pos := 0 // operand position in P1, P2, P3
			for _, k := range kinds {
				var err error
				switch k {
				case '*':
					for _, r := range op.Extra {
						if err = inRange("register", r, len(f.Regs)); err != nil {
							break
						}
					}
					pos = -1
				case 'S':
					for _, off := range op.Extra {
						if err = jump(off); err != nil {
							break
						}
					}
					if err == nil {
						if t := i + 1 + op.P2; t < 0 || t > nops {
							err = fail("switch end offset %d lands outside the function", op.P2)
						}
					}
					pos = -1
				default:
					v := operands[pos]
					pos++
					switch k {
					case 'r':
						err = inRange("register", v, len(f.Regs))
					case 'f':
						err = inRange("function", v, nfun)
					case 'g':
						err = inRange("global", v, len(m.Globals))
					case 'i':
						err = inRange("int constant", v, len(m.Ints))
					case 'd':
						err = inRange("float constant", v, len(m.Floats))
					case 's':
						err = inRange("string", v, len(m.Strings))
					case 'b':
						if m.Version >= 5 {
							err = inRange("bytes entry", v, len(m.Bytes))
						} else {
							err = inRange("string", v, len(m.Strings))
						}
					case 't':
						err = inRange("type", v, len(m.Types))
					case 'j':
						err = jump(v)
					}
				}
				if err != nil {
					return err
				}
				if pos < 0 {
					break
				}
			}
			if err := validateTyped(m, f, i, op, fail); err != nil {
				return err
			}
		}
	}
	for i, c := range m.Constants {
		g := m.Globals[c.Global]
		if g.Kind != KObj || len(c.Fields) != len(g.ObjFields()) {
			return &FormatError{Offset: -1, What: fmt.Sprintf("constant %d", i),
				Msg: fmt.Sprintf("global %d of type %s does not take %d fields", c.Global, g.Kind, len(c.Fields))}
		}
	}
	return nil
}

// validateTyped checks the operands whose range depends on register types:
// field numbers, constructors and calls' arities.
func validateTyped(m *Module, f *Function, i int, op *Op, fail func(string, ...any) error) error {
	fieldCount := func(t *Type) int {
		switch t.Kind {
		case KObj, KStruct:
			return len(t.ObjFields())
		case KVirtual:
			return len(t.Virtual.Fields)
		}
		return -1
	}
	checkField := func(reg, fid int) error {
		t := f.Regs[reg]
		n := fieldCount(t)
		if n < 0 {
			return fail("field access on register %d of type %s", reg, t.Kind)
		}
		if fid < 0 || fid >= n {
			return fail("field %d out of range (%d fields)", fid, n)
		}
		return nil
	}
	checkCtor := func(t *Type, c int) error {
		if t.Kind != KEnum {
			return fail("enum operation on type %s", t.Kind)
		}
		if c < 0 || c >= len(t.Enum.Constructs) {
			return fail("constructor %d out of range (%d)", c, len(t.Enum.Constructs))
		}
		return nil
	}
	switch op.Code {
	case OField:
		return checkField(op.P2, op.P3)
	case OSetField:
		return checkField(op.P1, op.P2)
	case OGetThis:
		return checkField(0, op.P2)
	case OSetThis:
		return checkField(0, op.P1)
	case OMakeEnum, OEnumAlloc:
		if err := checkCtor(f.Regs[op.P1], op.P2); err != nil {
			return err
		}
		if op.Code == OMakeEnum && len(op.Extra) != len(f.Regs[op.P1].Enum.Constructs[op.P2].Params) {
			return fail("%d arguments for a constructor of %d parameters", len(op.Extra), len(f.Regs[op.P1].Enum.Constructs[op.P2].Params))
		}
	case OEnumField:
		t := f.Regs[op.P2]
		if t.Kind == KEnum {
			if err := checkCtor(t, op.P3); err != nil {
				return err
			}
			if k := op.Extra[0]; k < 0 || k >= len(t.Enum.Constructs[op.P3].Params) {
				return fail("enum parameter %d out of range", k)
			}
		}
	case OSetEnumField:
		t := f.Regs[op.P1]
		if t.Kind != KEnum || len(t.Enum.Constructs) == 0 || op.P2 < 0 || op.P2 >= len(t.Enum.Constructs[0].Params) {
			return fail("enum parameter %d out of range for register %d", op.P2, op.P1)
		}
	case OCall0, OCall1, OCall2, OCall3, OCall4, OCallN:
		ft := m.FuncType(op.P2)
		if ft == nil {
			return fail("function %d is not defined", op.P2)
		}
		if n := len(op.CallArgs()); n != len(ft.Fun.Args) {
			return fail("%d arguments for a function of %d", n, len(ft.Fun.Args))
		}
	case OCallThis, OCallMethod:
		if op.Code == OCallMethod && len(op.Extra) == 0 {
			return fail("method call without an object")
		}
	case OStaticClosure, OInstanceClosure:
		if m.FuncType(op.P2) == nil {
			return fail("function %d is not defined", op.P2)
		}
	}
	return nil
}
