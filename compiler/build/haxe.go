package build

import (
	"errors"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// ErrHaxeNotFound is returned when no haxe is on PATH.
var ErrHaxeNotFound = errors.New("haxe not found: install it with `apt-get install haxe` (or from haxe.org; version 4.2 or newer)")

// HaxeError is a failed haxe run: a type error or the like. Haxe's own
// messages have already been copied to stderr.
type HaxeError struct{ Err error }

func (e *HaxeError) Error() string {
	var ee *exec.ExitError
	if errors.As(e.Err, &ee) && ee.ExitCode() == 1 {
		return "haxe reported errors (see its messages above)"
	}
	return fmt.Sprintf("haxe failed: %v", e.Err)
}

// FindHaxe returns the path of the haxe compiler.
func FindHaxe() (string, error) {
	p, err := exec.LookPath("haxe")
	if err != nil {
		return "", ErrHaxeNotFound
	}
	return p, nil
}

// HaxeArgs are the arguments fiberus hands to haxe: the user's, the SDK's
// class path, and the HashLink output.
func HaxeArgs(c *Config, sdkHaxe, hlFile string) []string {
	var args []string
	for _, cp := range c.Classpaths {
		args = append(args, "-cp", cp)
	}
	for _, l := range c.Libs {
		args = append(args, "-L", l)
	}
	for _, d := range c.Defines {
		args = append(args, "-D", d)
	}
	args = append(args, "-D", "fiberus")
	if !definesHLVer(c) {
		// The newest HashLink API that haxe 4.2 knows: without it, std code
		// such as Date.getUTCHours throws "Requires compiling with -D hl-ver".
		args = append(args, "-D", DefaultHLVer)
	}
	args = append(args, c.Haxe...)
	args = append(args, "-cp", sdkHaxe, "--main", c.Main, "--hl", hlFile)
	return args
}

// DefaultHLVer is the hl-ver define fiberus builds with unless the user sets one.
const DefaultHLVer = "hl-ver=1.12.0"

func definesHLVer(c *Config) bool {
	isHLVer := func(d string) bool { return strings.HasPrefix(d, "hl-ver") || strings.HasPrefix(d, "hl_ver") }
	for _, d := range c.Defines {
		if isHLVer(d) {
			return true
		}
	}
	for i := 0; i+1 < len(c.Haxe); i++ {
		if (c.Haxe[i] == "-D" || c.Haxe[i] == "--define") && isHLVer(c.Haxe[i+1]) {
			return true
		}
	}
	return false
}

// RunHaxe runs haxe; its output goes to stderr (it is build chatter, and
// `fiberus run` keeps stdout for the program).
func RunHaxe(haxe string, args []string, dir string, stderr io.Writer, log *Logger) error {
	log.Command(haxe, args)
	cmd := exec.Command(haxe, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return &HaxeError{Err: err}
	}
	return nil
}

var haxeVersionRE = regexp.MustCompile(`(\d+)\.(\d+)\.(\d+)`)

// HaxeVersion returns haxe's version (major, minor, patch and the text).
func HaxeVersion(haxe string) (major, minor int, text string, err error) {
	out, err := exec.Command(haxe, "--version").CombinedOutput()
	if err != nil {
		return 0, 0, "", fmt.Errorf("%s --version: %v", haxe, err)
	}
	m := haxeVersionRE.FindStringSubmatch(string(out))
	if m == nil {
		return 0, 0, "", fmt.Errorf("%s --version printed no version: %q", haxe, out)
	}
	major, _ = strconv.Atoi(m[1])
	minor, _ = strconv.Atoi(m[2])
	return major, minor, m[0], nil
}
