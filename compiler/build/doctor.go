package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Status is the outcome of one doctor check.
type Status int

const (
	OK Status = iota
	Warn
	Fail
)

func (s Status) String() string { return [...]string{"ok", "warn", "FAIL"}[s] }

// Check is one finding of `fiberus doctor`.
type Check struct {
	Name   string
	Status Status
	Detail string
	Fix    string // how to fix it, when not OK
}

// ringBytes is roughly what one io_uring of 256 entries locks on kernels
// that charge rings to RLIMIT_MEMLOCK (before 5.12): SQEs, both rings, slack.
const ringBytes = 32 << 10

// Doctor checks that this machine can build and run Fiberus programs.
func Doctor(cc string, s *Sources) []Check {
	checks := []func() Check{
		checkHaxe,
		func() Check { return checkCC(cc) },
		checkBinutils,
		func() Check {
			return checkLib(cc, "libpcre2-16", "#define PCRE2_CODE_UNIT_WIDTH 16\n#include <pcre2.h>\nint main(void) { void (*volatile f)(pcre2_code *) = pcre2_code_free; return f == 0; }\n", "-lpcre2-16", "libpcre2-dev", true)
		},
		func() Check {
			return checkLib(cc, "zlib", "#include <zlib.h>\nint main(void) { const char *(*volatile f)(void) = zlibVersion; return f == 0; }\n", "-lz", "zlib1g-dev", true)
		},
		func() Check {
			needed := s != nil && s.UsesUring()
			return checkLib(cc, "liburing", "#include <liburing.h>\nint main(void) { int (*volatile f)(unsigned, struct io_uring *, unsigned) = io_uring_queue_init; return f == 0; }\n", "-luring", "liburing-dev", needed)
		},
		checkIOUring,
		checkMemlock,
	}
	out := make([]Check, len(checks))
	var wg sync.WaitGroup
	for i, c := range checks {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = c() }()
	}
	wg.Wait()
	return out
}

func checkHaxe() Check {
	c := Check{Name: "haxe"}
	haxe, err := FindHaxe()
	if err != nil {
		c.Status, c.Detail, c.Fix = Fail, "not found on PATH", "apt-get install haxe (or install 4.2+ from haxe.org)"
		return c
	}
	major, minor, text, err := HaxeVersion(haxe)
	switch {
	case err != nil:
		c.Status, c.Detail, c.Fix = Fail, err.Error(), "reinstall haxe: apt-get install --reinstall haxe"
	case major < 4 || major == 4 && minor < 2:
		c.Status, c.Detail, c.Fix = Fail, fmt.Sprintf("%s at %s is too old: Fiberus needs 4.2 or newer", text, haxe), "install haxe 4.2 or newer (Debian 12 and Ubuntu 22.04+ ship 4.2.5: apt-get install haxe; else haxe.org)"
	default:
		c.Detail = fmt.Sprintf("%s (%s)", text, haxe)
	}
	return c
}

// tryCC compiles and links a small C program; it returns the compiler's
// messages on failure.
func tryCC(cc, program string, libs ...string) error {
	tc, err := NewToolchain(cc, nil, nil)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "fiberus-doctor-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "t.c")
	if err := os.WriteFile(src, []byte(program), 0o644); err != nil {
		return err
	}
	args := append(append(append(tc.Cmd[1:], tc.Flags()...), src, "-o", filepath.Join(dir, "t")), libs...)
	out, err := exec.Command(tc.Cmd[0], args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, firstLines(strings.TrimSpace(string(out)), 3))
	}
	return nil
}

func checkCC(cc string) Check {
	c := Check{Name: "C compiler"}
	cmd := strings.Fields(cc)
	if len(cmd) == 0 {
		c.Status, c.Detail, c.Fix = Fail, "cc is set to nothing", "set cc in fiberus.yaml or FIBERUS_CC, e.g. gcc"
		return c
	}
	path, err := exec.LookPath(cmd[0])
	if err != nil {
		c.Status, c.Detail, c.Fix = Fail, fmt.Sprintf("%q not found on PATH", cmd[0]), "apt-get install gcc (or set cc in fiberus.yaml / FIBERUS_CC)"
		return c
	}
	if err := tryCC(cc, "int main(void) { return 0; }\n"); err != nil {
		c.Status, c.Detail, c.Fix = Fail, fmt.Sprintf("%s cannot compile and link a trivial program: %v", path, err), "apt-get install gcc libc6-dev"
		return c
	}
	version, _ := exec.Command(cmd[0], append(cmd[1:], "--version")...).Output()
	first, _, _ := strings.Cut(string(version), "\n")
	c.Detail = fmt.Sprintf("%s (%s)", first, path)
	return c
}

func checkBinutils() Check {
	c := Check{Name: "binutils"}
	for _, tool := range []string{"ar", "nm"} {
		if _, err := exec.LookPath(tool); err != nil {
			c.Status, c.Detail, c.Fix = Fail, tool+" not found on PATH", "apt-get install binutils"
			return c
		}
	}
	c.Detail = "ar and nm found"
	return c
}

func checkLib(cc, name, program, lib, pkg string, required bool) Check {
	c := Check{Name: name}
	if err := tryCC(cc, program, lib); err != nil {
		c.Status, c.Detail, c.Fix = Fail, "cannot compile and link against it: "+err.Error(), "apt-get install "+pkg
		if !required {
			c.Status = Warn
			c.Detail += " (not used by this runtime yet)"
		}
		return c
	}
	c.Detail = "headers and library found (" + lib + ")"
	return c
}

// ioUringSetup tries to create a ring and closes it.
func ioUringSetup() error {
	var params [30]uint32 // struct io_uring_params, 120 bytes, zeroed
	fd, _, errno := unix.Syscall(unix.SYS_IO_URING_SETUP, 8, uintptr(unsafe.Pointer(&params)), 0)
	if errno != 0 {
		return errno
	}
	unix.Close(int(fd))
	return nil
}

func checkIOUring() Check {
	c := Check{Name: "io_uring"}
	err := ioUringSetup()
	switch err {
	case nil:
		c.Detail = "available (programs use io_uring for I/O)"
		return c
	case unix.ENOSYS:
		c.Detail = "this kernel has no io_uring (needs Linux 5.1, 5.6 or newer recommended)"
		c.Fix = "upgrade the kernel for io_uring"
	case unix.EPERM, unix.EACCES:
		c.Detail = "io_uring is disabled here (sysctl kernel.io_uring_disabled, or a seccomp profile such as a container's)"
		c.Fix = "sysctl -w kernel.io_uring_disabled=0, or run the container with a seccomp profile that allows io_uring"
	case unix.ENOMEM:
		c.Detail = "creating a ring failed for lack of locked memory"
		c.Fix = "raise the locked-memory limit (ulimit -l)"
	default:
		c.Detail = fmt.Sprintf("creating a ring failed: %v", err)
	}
	c.Status = Warn
	c.Detail += "; programs fall back to epoll"
	return c
}

// kernelAtLeast reports whether the running kernel is at least major.minor.
func kernelAtLeast(major, minor int) bool {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return false
	}
	rel := unix.ByteSliceToString(u.Release[:])
	parts := strings.SplitN(rel, ".", 3)
	if len(parts) < 2 {
		return false
	}
	ma, _ := strconv.Atoi(parts[0])
	mi, _ := strconv.Atoi(strings.TrimFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	return ma > major || ma == major && mi >= minor
}

func checkMemlock() Check {
	c := Check{Name: "locked memory"}
	var lim unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_MEMLOCK, &lim); err != nil {
		c.Status, c.Detail = Warn, fmt.Sprintf("cannot read RLIMIT_MEMLOCK: %v", err)
		return c
	}
	need := uint64(runtime.NumCPU()) * ringBytes
	limit := "unlimited"
	if lim.Cur != unix.RLIM_INFINITY {
		limit = fmt.Sprintf("%d KiB", lim.Cur>>10)
	}
	switch {
	case kernelAtLeast(5, 12):
		c.Detail = fmt.Sprintf("RLIMIT_MEMLOCK %s; this kernel (5.12+) does not charge io_uring rings to it", limit)
	case lim.Cur != unix.RLIM_INFINITY && lim.Cur < need:
		c.Status = Warn
		c.Detail = fmt.Sprintf("RLIMIT_MEMLOCK is %s, below the ~%d KiB that %d io_uring rings lock on this kernel", limit, need>>10, runtime.NumCPU())
		c.Fix = "ulimit -l unlimited (or a memlock line in /etc/security/limits.conf)"
	default:
		c.Detail = fmt.Sprintf("RLIMIT_MEMLOCK %s, enough for %d io_uring rings", limit, runtime.NumCPU())
	}
	return c
}
