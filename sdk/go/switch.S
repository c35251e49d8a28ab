/* switch.S: the context switch, for this cgo package. */
#include "../../fibers/fiber_switch.S"
