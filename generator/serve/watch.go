package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long the folders must stay still after a change before
// the site is built again: an editor's save is often several writes.
const Debounce = 80 * time.Millisecond

// Watch watches the folders dirs and every folder under them (those made
// later too) and calls changed once they have been still for debounce
// after a change, with the paths that changed (each a dir joined with a
// path under it), or nil when the watcher may have missed some (its
// errors: an overflowing queue). It returns when ctx is done; a watcher's
// errors go to report.
func Watch(ctx context.Context, dirs []string, debounce time.Duration, changed func(paths []string), report func(error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	for _, d := range dirs {
		if err := addTree(w, d); err != nil {
			return err
		}
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var paths []string
	missed := false
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
					if err := addTree(w, ev.Name); err != nil {
						report(err)
					}
				}
			}
			paths = append(paths, ev.Name)
			timer.Reset(debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			missed = true
			timer.Reset(debounce)
			report(fmt.Errorf("watch: %w", err))
		case <-timer.C:
			if missed {
				paths = nil
			}
			changed(paths)
			paths, missed = nil, false
		}
	}
}

// addTree watches dir and the folders under it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		if d.IsDir() {
			if err := w.Add(p); err != nil {
				return fmt.Errorf("watch %s: %w", p, err)
			}
		}
		return nil
	})
}
