package build

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/sys/unix"
)

// progressDelay is how long a step runs before it is worth reporting.
const progressDelay = time.Second

// Logger reports on stderr: commands run (verbose), warnings, and progress
// of slow steps (only when stderr is a terminal).
type Logger struct {
	w        io.Writer
	verbose  bool
	terminal bool
	mu       sync.Mutex
	line     *Step // the step owning the progress line (steps can overlap)
}

// NewLogger writes to w; progress is shown only if w is a terminal.
func NewLogger(w io.Writer, verbose bool) *Logger {
	l := &Logger{w: w, verbose: verbose}
	if f, ok := w.(*os.File); ok {
		l.terminal = IsTerminal(f)
	}
	return l
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

func (l *Logger) printf(format string, args ...any) {
	if l == nil || l.w == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
}

// Command prints a command about to run, when verbose.
func (l *Logger) Command(name string, args []string) {
	if l != nil && l.verbose {
		l.printf("+ %s %s\n", name, strings.Join(args, " "))
	}
}

// Verbosef prints a line when verbose.
func (l *Logger) Verbosef(format string, args ...any) {
	if l != nil && l.verbose {
		l.printf(format+"\n", args...)
	}
}

// Warnf prints a warning.
func (l *Logger) Warnf(format string, args ...any) {
	l.printf("fiberus: warning: "+format+"\n", args...)
}

// Step is one slow step in progress.
type Step struct {
	l       *Logger
	name    string
	start   time.Time
	timer   *time.Timer
	mu      sync.Mutex
	shown   bool
	done    int
	total   int
	stopped bool
}

// Start begins a step; it is shown if it lasts more than a second and
// stderr is a terminal. total > 0 adds an "n/total" count.
func (l *Logger) Start(name string, total int) *Step {
	s := &Step{l: l, name: name, start: time.Now(), total: total}
	if l != nil && l.terminal {
		s.timer = time.AfterFunc(progressDelay, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if !s.stopped {
				s.shown = true
				s.draw()
			}
		})
	}
	return s
}

// draw rewrites the step's line (caller holds s.mu). A step started while
// another one shows its line waits for that line to finish.
func (s *Step) draw() {
	s.l.mu.Lock()
	if s.l.line != nil && s.l.line != s {
		s.l.mu.Unlock()
		return
	}
	s.l.line = s
	s.l.mu.Unlock()
	if s.total > 0 {
		s.l.printf("\r\033[Kfiberus: %s %d/%d", s.name, s.done, s.total)
	} else {
		s.l.printf("\r\033[Kfiberus: %s...", s.name)
	}
}

// Add counts n finished units of the step.
func (s *Step) Add(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done += n
	if s.shown && !s.stopped {
		s.draw()
	}
}

// Done ends the step, completing its line if it was shown.
func (s *Step) Done() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	s.stopped = true
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.shown {
		s.l.mu.Lock()
		mine := s.l.line == s
		if mine {
			s.l.line = nil
		}
		s.l.mu.Unlock()
		if mine {
			s.l.printf("\r\033[Kfiberus: %s done (%.1fs)\n", s.name, time.Since(s.start).Seconds())
		}
	}
}
