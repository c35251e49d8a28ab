// Code generated from the opcode table of hl-bytecode.md section 3.2; keep in that order.

package hl

// Opcode is an instruction number.
type Opcode uint8

const (
	OMov Opcode = iota
	OInt
	OFloat
	OBool
	OBytes
	OString
	ONull
	OAdd
	OSub
	OMul
	OSDiv
	OUDiv
	OSMod
	OUMod
	OShl
	OSShr
	OUShr
	OAnd
	OOr
	OXor
	ONeg
	ONot
	OIncr
	ODecr
	OCall0
	OCall1
	OCall2
	OCall3
	OCall4
	OCallN
	OCallMethod
	OCallThis
	OCallClosure
	OStaticClosure
	OInstanceClosure
	OVirtualClosure
	OGetGlobal
	OSetGlobal
	OField
	OSetField
	OGetThis
	OSetThis
	ODynGet
	ODynSet
	OJTrue
	OJFalse
	OJNull
	OJNotNull
	OJSLt
	OJSGte
	OJSGt
	OJSLte
	OJULt
	OJUGte
	OJNotLt
	OJNotGte
	OJEq
	OJNotEq
	OJAlways
	OToDyn
	OToSFloat
	OToUFloat
	OToInt
	OSafeCast
	OUnsafeCast
	OToVirtual
	OLabel
	ORet
	OThrow
	ORethrow
	OSwitch
	ONullCheck
	OTrap
	OEndTrap
	OGetI8
	OGetI16
	OGetMem
	OGetArray
	OSetI8
	OSetI16
	OSetMem
	OSetArray
	ONew
	OArraySize
	OType
	OGetType
	OGetTID
	ORef
	OUnref
	OSetref
	OMakeEnum
	OEnumAlloc
	OEnumIndex
	OEnumField
	OSetEnumField
	OAssert
	ORefData
	ORefOffset
	ONop
	OPrefetch
	OAsm
	OCatch
	opcodeCount
)

// operand shapes of section 1.7
type shape uint8

const (
	shape0 shape = iota
	shape1
	shape2
	shape3
	shape4
	shape5
	shape6
	shapeVarArgs // p1, p2, u8 count, count indexes
	shapeSwitch  // reg, count, count offsets, end
)

var opcodeInfo = [opcodeCount]struct {
	name  string
	shape shape
}{
	OMov:             {"OMov", shape2},
	OInt:             {"OInt", shape2},
	OFloat:           {"OFloat", shape2},
	OBool:            {"OBool", shape2},
	OBytes:           {"OBytes", shape2},
	OString:          {"OString", shape2},
	ONull:            {"ONull", shape1},
	OAdd:             {"OAdd", shape3},
	OSub:             {"OSub", shape3},
	OMul:             {"OMul", shape3},
	OSDiv:            {"OSDiv", shape3},
	OUDiv:            {"OUDiv", shape3},
	OSMod:            {"OSMod", shape3},
	OUMod:            {"OUMod", shape3},
	OShl:             {"OShl", shape3},
	OSShr:            {"OSShr", shape3},
	OUShr:            {"OUShr", shape3},
	OAnd:             {"OAnd", shape3},
	OOr:              {"OOr", shape3},
	OXor:             {"OXor", shape3},
	ONeg:             {"ONeg", shape2},
	ONot:             {"ONot", shape2},
	OIncr:            {"OIncr", shape1},
	ODecr:            {"ODecr", shape1},
	OCall0:           {"OCall0", shape2},
	OCall1:           {"OCall1", shape3},
	OCall2:           {"OCall2", shape4},
	OCall3:           {"OCall3", shape5},
	OCall4:           {"OCall4", shape6},
	OCallN:           {"OCallN", shapeVarArgs},
	OCallMethod:      {"OCallMethod", shapeVarArgs},
	OCallThis:        {"OCallThis", shapeVarArgs},
	OCallClosure:     {"OCallClosure", shapeVarArgs},
	OStaticClosure:   {"OStaticClosure", shape2},
	OInstanceClosure: {"OInstanceClosure", shape3},
	OVirtualClosure:  {"OVirtualClosure", shape3},
	OGetGlobal:       {"OGetGlobal", shape2},
	OSetGlobal:       {"OSetGlobal", shape2},
	OField:           {"OField", shape3},
	OSetField:        {"OSetField", shape3},
	OGetThis:         {"OGetThis", shape2},
	OSetThis:         {"OSetThis", shape2},
	ODynGet:          {"ODynGet", shape3},
	ODynSet:          {"ODynSet", shape3},
	OJTrue:           {"OJTrue", shape2},
	OJFalse:          {"OJFalse", shape2},
	OJNull:           {"OJNull", shape2},
	OJNotNull:        {"OJNotNull", shape2},
	OJSLt:            {"OJSLt", shape3},
	OJSGte:           {"OJSGte", shape3},
	OJSGt:            {"OJSGt", shape3},
	OJSLte:           {"OJSLte", shape3},
	OJULt:            {"OJULt", shape3},
	OJUGte:           {"OJUGte", shape3},
	OJNotLt:          {"OJNotLt", shape3},
	OJNotGte:         {"OJNotGte", shape3},
	OJEq:             {"OJEq", shape3},
	OJNotEq:          {"OJNotEq", shape3},
	OJAlways:         {"OJAlways", shape1},
	OToDyn:           {"OToDyn", shape2},
	OToSFloat:        {"OToSFloat", shape2},
	OToUFloat:        {"OToUFloat", shape2},
	OToInt:           {"OToInt", shape2},
	OSafeCast:        {"OSafeCast", shape2},
	OUnsafeCast:      {"OUnsafeCast", shape2},
	OToVirtual:       {"OToVirtual", shape2},
	OLabel:           {"OLabel", shape0},
	ORet:             {"ORet", shape1},
	OThrow:           {"OThrow", shape1},
	ORethrow:         {"ORethrow", shape1},
	OSwitch:          {"OSwitch", shapeSwitch},
	ONullCheck:       {"ONullCheck", shape1},
	OTrap:            {"OTrap", shape2},
	OEndTrap:         {"OEndTrap", shape1},
	OGetI8:           {"OGetI8", shape3},
	OGetI16:          {"OGetI16", shape3},
	OGetMem:          {"OGetMem", shape3},
	OGetArray:        {"OGetArray", shape3},
	OSetI8:           {"OSetI8", shape3},
	OSetI16:          {"OSetI16", shape3},
	OSetMem:          {"OSetMem", shape3},
	OSetArray:        {"OSetArray", shape3},
	ONew:             {"ONew", shape1},
	OArraySize:       {"OArraySize", shape2},
	OType:            {"OType", shape2},
	OGetType:         {"OGetType", shape2},
	OGetTID:          {"OGetTID", shape2},
	ORef:             {"ORef", shape2},
	OUnref:           {"OUnref", shape2},
	OSetref:          {"OSetref", shape2},
	OMakeEnum:        {"OMakeEnum", shapeVarArgs},
	OEnumAlloc:       {"OEnumAlloc", shape2},
	OEnumIndex:       {"OEnumIndex", shape2},
	OEnumField:       {"OEnumField", shape4},
	OSetEnumField:    {"OSetEnumField", shape3},
	OAssert:          {"OAssert", shape0},
	ORefData:         {"ORefData", shape2},
	ORefOffset:       {"ORefOffset", shape3},
	ONop:             {"ONop", shape0},
	OPrefetch:        {"OPrefetch", shape3},
	OAsm:             {"OAsm", shape3},
	OCatch:           {"OCatch", shape1},
}

func (c Opcode) String() string {
	if c < opcodeCount {
		return opcodeInfo[c].name
	}
	return "O?"
}
