package build

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/fiberus/fiberus/compiler/hl"
)

// Dump prints a readable listing of the HashLink bytecode file path.
func Dump(path string, w io.Writer) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", path, unwrapPathError(err))
	}
	m, err := readModule(data)
	if err != nil {
		return fmt.Errorf("%s: malformed bytecode: %w", path, err)
	}
	bw := bufio.NewWriter(w)
	if err := hl.Dump(bw, m); err != nil {
		return fmt.Errorf("dumping %s: %w", path, err)
	}
	return bw.Flush()
}
