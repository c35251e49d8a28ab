package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// CacheDirEnv overrides the cache location (default: os.UserCacheDir()/fiberus).
const CacheDirEnv = "FIBERUS_CACHE_DIR"

// CacheDir returns the root of fiberus's cache. Everything in it can be
// deleted at any time (`fiberus clean`).
func CacheDir() (string, error) {
	if d := os.Getenv(CacheDirEnv); d != "" {
		return filepath.Abs(d)
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %v (set %s)", err, CacheDirEnv)
	}
	return filepath.Join(d, "fiberus"), nil
}

// hasher builds a cache key from labelled parts, so that two different
// sequences of parts never hash alike.
type hasher struct{ h hash.Hash }

func newHasher(kind string) *hasher {
	k := &hasher{h: sha256.New()}
	k.add("kind", kind)
	return k
}

func (k *hasher) add(label string, values ...string) *hasher {
	fmt.Fprintf(k.h, "%s %d\n", label, len(values))
	for _, v := range values {
		fmt.Fprintf(k.h, "%d:%s\n", len(v), v)
	}
	return k
}

func (k *hasher) addBytes(label string, b []byte) *hasher {
	fmt.Fprintf(k.h, "%s %d\n", label, len(b))
	k.h.Write(b)
	return k
}

// key is the hex digest, shortened: 20 hex digits (80 bits) keep paths short
// and collisions out of reach for a cache.
func (k *hasher) key() string { return hex.EncodeToString(k.h.Sum(nil))[:20] }

// installDir atomically makes dst the directory that fill populates: fill
// writes into a fresh temporary sibling, which is renamed into place. If
// another process installed dst first, its copy wins and ours is dropped.
func installDir(dst string, fill func(tmp string) error) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dst), ".tmp-"+filepath.Base(dst)+"-")
	if err != nil {
		return err
	}
	defer onInterrupt(tmp, func() { os.RemoveAll(tmp) })()
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.RemoveAll(tmp)
		if st, serr := os.Stat(dst); serr == nil && st.IsDir() {
			return nil // lost a race to an identical build
		}
		return err
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file and a rename,
// so readers never see a half-written file.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr, os.Chmod(f.Name(), perm)); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

// copyFileAtomic copies src to dst through a temporary file.
func copyFileAtomic(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return writeFileAtomic(dst, data, 0o644)
}

// objectPath is where the object of a given key is cached.
func objectPath(cache, key string) string {
	return filepath.Join(cache, "obj", key[:2], key+".o")
}

// exists reports whether path names a regular file.
func exists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// shortList formats a list for messages.
func shortList(items []string, max int) string {
	if len(items) <= max {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:max], ", "), len(items)-max)
}

// Cache entries unused for maxAge are deleted by sweep, which runs at most
// once a day. Object hits refresh their time (touch), so only what no
// recent build used goes.
const (
	maxAge     = 30 * 24 * time.Hour
	sweepEvery = 24 * time.Hour
)

// touch marks a cache entry as used, at most once a day per entry.
func touch(path string) {
	if st, err := os.Stat(path); err == nil && time.Since(st.ModTime()) > sweepEvery {
		now := time.Now()
		os.Chtimes(path, now, now)
	}
}

// sweep deletes what no build used for maxAge: objects, `run` programs,
// runtimes and unpacked sources (of older fiberus versions, say).
func sweep(cache string) {
	stamp := filepath.Join(cache, "last-sweep")
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < sweepEvery {
		return
	}
	if err := os.WriteFile(stamp, nil, 0o644); err != nil {
		return
	}
	old := func(e fs.DirEntry) bool {
		info, err := e.Info()
		return err == nil && time.Since(info.ModTime()) > maxAge
	}
	filepath.WalkDir(filepath.Join(cache, "obj"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && old(e) {
			os.Remove(p)
		}
		return nil
	})
	// A folder entry is old when its marker file (or, without one, the
	// folder itself: a build may be filling it) was not touched for maxAge.
	for _, sub := range []struct{ dir, marker string }{{"run", "stamp"}, {"runtime", symbolsName}, {"src", ""}} {
		entries, _ := os.ReadDir(filepath.Join(cache, sub.dir))
		for _, e := range entries {
			p := filepath.Join(cache, sub.dir, e.Name())
			st, err := os.Stat(filepath.Join(p, sub.marker))
			if err != nil {
				st, err = os.Stat(p)
			}
			if err == nil && e.IsDir() && time.Since(st.ModTime()) > maxAge {
				os.RemoveAll(p)
			}
		}
	}
}
