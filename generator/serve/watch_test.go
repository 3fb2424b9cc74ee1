package serve

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchFolders: a change deep in a watched folder, and in a folder
// made after the watch began, is seen; a burst of writes is one change.
func TestWatchFolders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "a/b"), 0o755)
	changes := make(chan struct{}, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Watch(ctx, []string{dir}, 50*time.Millisecond, func([]string) { changes <- struct{}{} }, func(err error) { t.Error(err) })
	time.Sleep(200 * time.Millisecond)
	wait := func(what string) {
		t.Helper()
		select {
		case <-changes:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no change seen", what)
		}
	}
	for i := range 5 { // one burst
		os.WriteFile(filepath.Join(dir, "a/b/x.toml"), []byte{byte('0' + i)}, 0o644)
	}
	wait("a write two folders down")
	time.Sleep(150 * time.Millisecond)
	if n := len(changes); n != 0 {
		t.Errorf("a burst of writes gave %d more changes", n)
	}
	os.MkdirAll(filepath.Join(dir, "new"), 0o755)
	wait("a new folder")
	time.Sleep(150 * time.Millisecond) // the new folder is watched
	os.WriteFile(filepath.Join(dir, "new/y.toml"), []byte("y"), 0o644)
	wait("a write in the new folder")
}
