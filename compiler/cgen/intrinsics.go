package cgen

import (
	"strings"

	"github.com/fiberus/fiberus/compiler/hl"
)

// mathIntrinsics are natives that hx.h also defines as static inline functions
// (hx_math_<name>): pure and unable to throw, so a direct call needs neither a
// frame line nor an out-of-line call, and the C compiler keeps values in
// registers (sqrt becomes one instruction).
var mathIntrinsics = map[string]bool{
	"math_abs": true, "math_isnan": true, "math_isfinite": true, "math_fceil": true,
	"math_ffloor": true, "math_fround": true, "math_ceil": true, "math_floor": true,
	"math_round": true, "math_sqrt": true,
}

// intrinsic returns the inline C function to call instead of native n, or "".
func intrinsic(n *hl.Native) string {
	if strings.TrimPrefix(n.Lib, "?") == "std" && mathIntrinsics[n.Name] {
		return "hx_" + n.Name
	}
	return ""
}
