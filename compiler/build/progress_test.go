package build

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressOnlyOnTerminalsAndSlowSteps(t *testing.T) {
	var pipe, tty bytes.Buffer
	lp := NewLogger(&pipe, false) // a buffer is not a terminal
	lt := NewLogger(&tty, false)
	lt.terminal = true
	fast := lt.Start("fast step", 0)
	fast.Done()
	sp, st := lp.Start("compiling C (2 files)", 2), lt.Start("compiling C (2 files)", 2)
	time.Sleep(progressDelay + 200*time.Millisecond)
	sp.Add(1)
	st.Add(1)
	sp.Done()
	st.Done()
	if pipe.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", pipe.String())
	}
	out := tty.String()
	if strings.Contains(out, "fast step") {
		t.Errorf("a step shorter than a second was shown: %q", out)
	}
	for _, want := range []string{"compiling C (2 files) 0/2", "compiling C (2 files) 1/2", "done ("} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal progress lacks %q: %q", want, out)
		}
	}
}

func TestVerboseCommands(t *testing.T) {
	var buf bytes.Buffer
	NewLogger(&buf, false).Command("cc", []string{"-c", "x.c"})
	if buf.Len() != 0 {
		t.Errorf("commands printed without -v: %q", buf.String())
	}
	NewLogger(&buf, true).Command("cc", []string{"-c", "x.c"})
	if buf.String() != "+ cc -c x.c\n" {
		t.Errorf("-v printed %q", buf.String())
	}
}
