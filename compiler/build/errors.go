package build

import "fmt"

// InternalError is a failure that is fiberus's fault (generated C that does
// not compile, a runtime that does not build): it says where the files were kept.
type InternalError struct {
	What string
	Kept string // folder holding the generated C, "" if none
	Err  error
}

func (e *InternalError) Error() string {
	s := fmt.Sprintf("internal compiler error of fiberus: %s: %v", e.What, e.Err)
	if e.Kept != "" {
		s += fmt.Sprintf("\nthe generated C was kept in %s", e.Kept)
	}
	return s + "\nplease report it with the program that triggers it"
}

func (e *InternalError) Unwrap() error { return e.Err }

// CodegenError is a failure of the C generator.
type CodegenError struct {
	HL  string // the bytecode file, kept for `fiberus dump`
	Err error
}

func (e *CodegenError) Error() string {
	return fmt.Sprintf("internal compiler error of fiberus: generating C: %v\nthe bytecode was kept in %s (`fiberus dump` shows it)", e.Err, e.HL)
}

func (e *CodegenError) Unwrap() error { return e.Err }
