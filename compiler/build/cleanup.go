package build

import "sync"

// Interrupted builds (Ctrl-C) exit without running deferred calls; paths
// registered here are what such an exit must remove: the temporary output
// and the work folder. cmd/fiberus calls Cleanup from its signal handler.
var pending struct {
	sync.Mutex
	paths map[string]func()
}

// onInterrupt registers fn to run if the process is interrupted; the
// returned function unregisters it.
func onInterrupt(key string, fn func()) (done func()) {
	pending.Lock()
	defer pending.Unlock()
	if pending.paths == nil {
		pending.paths = map[string]func(){}
	}
	pending.paths[key] = fn
	return func() {
		pending.Lock()
		defer pending.Unlock()
		delete(pending.paths, key)
	}
}

// Cleanup removes what unfinished builds left; call it before exiting on a signal.
func Cleanup() {
	pending.Lock()
	defer pending.Unlock()
	for k, fn := range pending.paths {
		fn()
		delete(pending.paths, k)
	}
}
