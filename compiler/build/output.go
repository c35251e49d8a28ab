package build

import (
	"fmt"
	"os"
	"path/filepath"
)

// outputFile is the program being written: the linker writes a temporary
// file next to the final path, renamed into place only when the build
// succeeded, so a failed build never leaves a half-written program.
type outputFile struct {
	path, tmp string
	created   []string // folders made for the output, innermost first
	done      bool
}

// newOutputFile prepares writing path, creating its folder if needed (as
// haxe does for its outputs).
func newOutputFile(path string) (*outputFile, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("cannot write output %s: it is a directory", path)
	}
	o := &outputFile{path: path}
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); !os.IsNotExist(err) || d == filepath.Dir(d) {
			break
		}
		o.created = append(o.created, d)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		o.removeFolders()
		return nil, fmt.Errorf("cannot write output %s: %v", path, unwrapPathError(err))
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		o.removeFolders()
		return nil, fmt.Errorf("cannot write output %s: %v", path, unwrapPathError(err))
	}
	f.Close()
	o.tmp = f.Name()
	return o, nil
}

// removeFolders removes the folders made for a failed output (if empty).
func (o *outputFile) removeFolders() {
	for _, d := range o.created {
		os.Remove(d)
	}
}

func (o *outputFile) commit() error {
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return fmt.Errorf("cannot write output %s: %v", o.path, err)
	}
	if err := os.Rename(o.tmp, o.path); err != nil {
		return fmt.Errorf("cannot write output %s: %v", o.path, unwrapPathError(err))
	}
	o.done = true
	return nil
}

// abort removes the temporary file unless the output was committed.
func (o *outputFile) abort() {
	if !o.done {
		os.Remove(o.tmp)
		o.removeFolders()
	}
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}
