package haxe_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// Sys.getChar on a terminal, which the corpus (stdin from a file) cannot
// show: the program must switch the terminal to raw mode for one character
// (no line buffering, no echo by the terminal), echo it itself only for
// getChar(true), and restore the terminal's mode afterwards (HashLink's
// hl_sys_get_char). The test waits until the terminal is raw before it types,
// so the terminal's own echo of a cooked terminal cannot be confused with the
// program's.
func TestGetCharOnTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a Haxe program")
	}
	if _, err := exec.LookPath("haxe"); err != nil {
		t.Skip("haxe is not installed")
	}
	dir := t.TempDir()
	fiberus := os.Getenv("FIBERUS_CORPUS_CLI")
	if fiberus == "" { // our own: the corpus's lives in TestCorpus's temporary folder
		var err error
		if fiberus, err = buildCLI(filepath.Join(corpusDir(t), "..", ".."), dir); err != nil {
			t.Skipf("the fiberus CLI cannot be built: %v", err)
		}
	}
	src := `class Main { static function main() {
		var echo = Sys.args()[0] == "echo";
		var c = Sys.getChar(echo);
		Sys.println("|" + c);
	} }`
	if err := os.WriteFile(filepath.Join(dir, "Main.hx"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "prog")
	ctx, cancel := context.WithTimeout(context.Background(), buildTimeout)
	defer cancel()
	if o := runCmd(ctx, dir, buildEnv(), nil, fiberus, "build", "-cp", dir, "-main", "Main", "-o", exe); o.err != nil || o.code != 0 {
		t.Fatalf("build: %v %d\n%s", o.err, o.code, o.stderr)
	}
	for _, c := range []struct{ mode, typed, want string }{
		{"echo", "x", "x|120\r\n"},
		{"quiet", "y", "|121\r\n"},
	} {
		got, restored := runOnTerminal(t, exe, c.mode, c.typed)
		if got != c.want {
			t.Errorf("getChar(%s) typed %q: the terminal shows %q, want %q", c.mode, c.typed, got, c.want)
		}
		if !restored {
			t.Errorf("getChar(%s): the terminal is not back in its cooked, echoing mode", c.mode)
		}
	}
}

// runOnTerminal runs exe with a new pseudo-terminal as its standard streams,
// types `typed` once the terminal is raw, and returns everything the program
// wrote and whether the terminal's mode was restored when it exited.
func runOnTerminal(t *testing.T, exe, arg, typed string) (string, bool) {
	t.Helper()
	master, slave := openPty(t)
	defer master.Close()
	cmd := exec.Command(exe, arg)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &unix.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !isRaw(t, slave) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("the program never put the terminal in raw mode")
		}
		time.Sleep(2 * time.Millisecond)
	}
	if _, err := master.WriteString(typed); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	// everything it wrote is in the terminal's buffer now
	var out bytes.Buffer
	buf := make([]byte, 256)
	fd := int(master.Fd()) // a pty master has no deadlines: poll it
	for {
		pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		if n, perr := unix.Poll(pfd, 100); n <= 0 || perr != nil {
			break
		}
		n, rerr := unix.Read(fd, buf)
		if n <= 0 || rerr != nil {
			break
		}
		out.Write(buf[:n])
	}
	if err != nil {
		t.Fatalf("%s %s: %v (output %q)", exe, arg, err, out.String())
	}
	tio, terr := unix.IoctlGetTermios(int(slave.Fd()), unix.TCGETS)
	if terr != nil {
		t.Fatal(terr)
	}
	slave.Close()
	return out.String(), tio.Lflag&unix.ICANON != 0 && tio.Lflag&unix.ECHO != 0
}

func isRaw(t *testing.T, f *os.File) bool {
	tio, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return tio.Lflag&unix.ICANON == 0
}

// openPty opens a new pseudo-terminal pair in its default (cooked, echoing) mode.
func openPty(t *testing.T) (*os.File, *os.File) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	slave, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return master, slave
}
