package build

import (
	"fmt"
	"os"
	"strings"
)

// maxHxmlDepth bounds nested hxml files (an hxml naming itself would loop).
const maxHxmlDepth = 16

// parseHxml splits the text of an hxml file into arguments the way haxe does:
// one argument per line, except that a line starting with '-' is split at its
// first space into an option and its value; '#' starts a comment line;
// surrounding double quotes are removed.
func parseHxml(text string) []string {
	var args []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = unquote(strings.TrimSpace(line))
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '-':
			if i := strings.IndexAny(line, " \t"); i >= 0 {
				args = append(args, unquote(line[:i]), unquote(strings.TrimSpace(line[i+1:])))
			} else {
				args = append(args, line)
			}
		default:
			args = append(args, line)
		}
	}
	return args
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s[1 : len(s)-1]
	}
	return s
}

// expandHxml replaces every argument naming an .hxml file by the file's
// arguments, recursively. Paths inside an hxml stay relative to the current
// directory, as haxe treats them. It also returns the hxml files read.
func expandHxml(args []string, depth int) (out, files []string, err error) {
	if depth > maxHxmlDepth {
		return nil, nil, fmt.Errorf("hxml files nested more than %d deep (does one include itself?)", maxHxmlDepth)
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			out = append(out, a)
			// Keep an option's value with it, so a value ending in .hxml is not expanded.
			if optionTakesValue(a) && i+1 < len(args) {
				i++
				out = append(out, args[i])
			}
			continue
		}
		if !strings.HasSuffix(a, ".hxml") {
			out = append(out, a)
			continue
		}
		data, err := os.ReadFile(a)
		if err != nil {
			return nil, nil, fmt.Errorf("reading hxml file: %w", err)
		}
		inner, innerFiles, err := expandHxml(parseHxml(string(data)), depth+1)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		out = append(out, inner...)
		files = append(files, a)
		files = append(files, innerFiles...)
	}
	return out, files, nil
}
