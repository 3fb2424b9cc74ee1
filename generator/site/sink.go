package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// A Sink takes a build's files as they are made: Put is called once per
// file, from several goroutines at once, and may keep b (nobody writes to
// it afterwards). Build puts them in memory (the preview's Output);
// Publish writes each into the new output folder at once, so that memory
// holds the pages being rendered, not the whole site.
type Sink interface {
	Put(name string, b []byte) error
}

// memory is the Sink of Build: the files by name.
type memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemory() *memory { return &memory{files: map[string][]byte{}} }

func (s *memory) Put(name string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.files[name]; ok {
		return fmt.Errorf("%s is made twice", name)
	}
	s.files[name] = b
	return nil
}

// folder is the Sink of Publish and Write: a temporary folder beside the
// output (see outdir.go) into which each file is written, with its twins
// and dated, as it comes; commit swaps it in place of the output.
type folder struct {
	target, tmp string
	prev        string // target, if twins may be taken from it (reuse.go)
	date        time.Time
	made        sync.Map // folder (slash path) → true once it exists

	rw     sync.RWMutex // Put writes under the read lock; close takes it whole
	closed bool         // by close: Put writes nothing more

	mu      sync.Mutex
	folders map[string]bool // every folder, for their dates
	names   map[string]bool // every file put, to refuse a second
	files   atomic.Int64
	bytes   atomic.Int64
	reused  atomic.Int64 // files whose twins were taken from prev
}

// openFolder checks that dir may be replaced (outputFolder), removes the
// temporary folders of builds no longer running and makes a new one with
// the Marker in it. Files put in it are dated with date (unless it is
// zero).
func openFolder(dir string, keep []string, date time.Time) (*folder, error) {
	target, err := outputFolder(dir, keep)
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	removeStaleTemps(target)
	tmp, err := os.MkdirTemp(filepath.Dir(target), tempPrefix(target)+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	f := &folder{target: target, tmp: tmp, prev: earlierBuild(target), date: date, folders: map[string]bool{".": true}, names: map[string]bool{}}
	f.made.Store(".", true)
	if err := os.Chmod(tmp, 0o755); err != nil {
		f.abort()
		return nil, fmt.Errorf("write: %w", err)
	}
	if err := writeAll(tmp, map[string][]byte{Marker: []byte(marker())}, date); err != nil {
		f.abort()
		return nil, fmt.Errorf("write: %w", err)
	}
	return f, nil
}

// errClosed is what Put says once the folder is closed.
var errClosed = errors.New("the build was stopped")

// Put writes the file name holding b, and its twins if it is text, into
// the temporary folder, making its folder first if it is the first file
// there.
func (f *folder) Put(name string, b []byte) error {
	if name == Marker || !f.claim(name) {
		return fmt.Errorf("%s is made twice", name)
	}
	all, err := f.withTwins(name, b)
	if err != nil {
		return err
	}
	f.rw.RLock()
	defer f.rw.RUnlock()
	if f.closed {
		return errClosed
	}
	if err := f.mkdir(path.Dir(name)); err != nil {
		return err
	}
	if err := writeAll(f.tmp, all, f.date); err != nil {
		return err
	}
	f.files.Add(1)
	f.bytes.Add(int64(len(b)))
	return nil
}

// withTwins is the file name holding b and, if it is text, its twins,
// taken from the earlier build when they can be (reuse.go).
func (f *folder) withTwins(name string, b []byte) (map[string][]byte, error) {
	if f.prev != "" && Compressible(name) {
		if all := earlierTwins(f.prev, name, b); all != nil {
			f.reused.Add(1)
			all[name] = b
			return all, nil
		}
	}
	return withTwins(name, b)
}

// claim records name as put, and says whether it was new.
func (f *folder) claim(name string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.names[name] {
		return false
	}
	f.names[name] = true
	return true
}

// mkdir makes the folder d (a slash path) and those above it, once: each
// by one mkdir once the one above it is made (os.MkdirAll would first
// look at every folder on the way, for each new page's folder).
func (f *folder) mkdir(d string) error {
	if _, ok := f.made.Load(d); ok {
		return nil
	}
	if err := f.mkdir(path.Dir(d)); err != nil {
		return err
	}
	err := os.Mkdir(filepath.Join(f.tmp, filepath.FromSlash(d)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) { // another worker's page made it first
		return err
	}
	f.mu.Lock()
	f.folders[d] = true
	f.mu.Unlock()
	f.made.Store(d, true)
	return nil
}

// commit dates every folder, the top one included, and swaps the
// temporary folder in place of the output; the old site goes with the
// temporary folder. On failure the output is as it was.
func (f *folder) commit() error {
	if !f.date.IsZero() {
		for _, d := range slices.Sorted(maps.Keys(f.folders)) {
			if err := os.Chtimes(filepath.Join(f.tmp, filepath.FromSlash(d)), f.date, f.date); err != nil {
				return f.fail(err)
			}
		}
	}
	if err := swap(f.tmp, f.target); err != nil {
		return f.fail(err)
	}
	os.RemoveAll(f.tmp) // the old site, now in the temporary folder
	return nil
}

// abort removes the temporary folder.
func (f *folder) abort() { os.RemoveAll(f.tmp) }

// close waits for the files being written, has Put write nothing more and
// removes the temporary folder: for a build stopped while its stages
// still run.
func (f *folder) close() {
	f.rw.Lock()
	f.closed = true
	f.rw.Unlock()
	f.abort()
}

func (f *folder) fail(err error) error {
	f.abort()
	return fmt.Errorf("write: %w", err)
}

// putAll puts files into s on every core.
func putAll(s Sink, files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	errs := make([]error, len(names))
	parallel(len(names), func(i int) { errs[i] = s.Put(names[i], files[names[i]]) })
	return errors.Join(errs...)
}
