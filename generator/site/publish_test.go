package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestPublishEqualsWrite: Publish, which writes each file while the rest
// renders, leaves the same tree as Write of Build's Output: the same
// files (twins and Marker included) with the same bytes, modes and dates,
// and the same folders with the same dates.
func TestPublishEqualsWrite(t *testing.T) {
	t.Parallel()
	site := miniSite(t, nil)
	out, err := Build(site, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	written, streamed := filepath.Join(root, "written"), filepath.Join(root, "streamed")
	if err := Write(out, written); err != nil {
		t.Fatal(err)
	}
	st := &Stats{}
	p, err := Publish(site, os.DirFS("../../layouts"), streamed, WithStats(st))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range out.Files {
		n += len(b)
	}
	if p.Files != len(out.Files) || p.Bytes != int64(n) || !p.Date.Equal(out.Date) {
		t.Errorf("Publish says %d files, %d bytes, dated %v; Build made %d, %d, %v", p.Files, p.Bytes, p.Date, len(out.Files), n, out.Date)
	}
	if st.Pages == 0 {
		t.Error("Publish filled in no stats")
	}
	want, got := snapshot(t, written), snapshot(t, streamed)
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: written, not streamed", name)
		} else if g != w {
			t.Errorf("%s: streamed %s, written %s", name, g.String(), w.String())
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: streamed, not written", name)
		}
	}
	if len(want) < 150 {
		t.Fatalf("the written site has %d entries", len(want))
	}
}

// entry is what snapshot records of a file or folder.
type entry struct {
	mode fs.FileMode
	date time.Time
	body string
}

func (e entry) String() string {
	return fmt.Sprintf("%v %v, %d bytes", e.mode, e.date, len(e.body))
}

// snapshot is every file and folder under dir (dir itself as "."), by
// slash path.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	got := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		e := entry{mode: fi.Mode(), date: fi.ModTime()}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.body = string(b)
		}
		got[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestPublishFailsCleanly: a build that fails once files are streaming
// (a page template that fails to execute, after many pages are written)
// leaves the output folder exactly as it was and no temporary folder.
func TestPublishFailsCleanly(t *testing.T) {
	t.Parallel()
	layouts := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../layouts"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(os.DirFS("../../layouts"), p)
		layouts[p] = &fstest.MapFile{Data: b, ModTime: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	law := layouts["law.html"]
	layouts["law.html"] = &fstest.MapFile{Data: bytes.Replace(law.Data, []byte(`{{define "content"}}`), []byte(`{{define "content"}}{{.NoSuchField}}`), 1), ModTime: law.ModTime}
	if bytes.Equal(layouts["law.html"].Data, law.Data) {
		t.Fatal("law.html has no content template to break")
	}
	root := t.TempDir()
	public := filepath.Join(root, "public")
	if err := Write(tinySite("old"), public); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, public)
	_, err = Publish(miniSite(t, nil), layouts, public)
	if err == nil || !strings.Contains(err.Error(), "render ") || !strings.Contains(err.Error(), "NoSuchField") {
		t.Fatalf("got %v, want the render error", err)
	}
	after := snapshot(t, public)
	if len(after) != len(before) {
		t.Errorf("public/ had %d entries, has %d", len(before), len(after))
	}
	for n, e := range before {
		if after[n] != e {
			t.Errorf("%s changed", n)
		}
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("beside public/: %v, want nothing else", entries)
	}
}

// TestPublishStops: a build whose context is done while pages stream (an
// interrupted qingdan build) returns at once, leaves the output folder as
// it was and no temporary folder, and the stages still running write
// nothing more.
func TestPublishStops(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	public := filepath.Join(root, "public")
	if err := Write(tinySite("old"), public); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, public)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := &Stats{Progress: func(done, total int) {
		if done >= 10 {
			cancel()
		}
	}}
	_, err := Publish(miniSite(t, nil), os.DirFS("../../layouts"), public, WithStats(st), WithContext(ctx))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want the build stopped", err)
	}
	for range 2 {
		after := snapshot(t, public)
		for n, e := range before {
			if after[n] != e {
				t.Errorf("%s changed", n)
			}
		}
		if entries, _ := os.ReadDir(root); len(entries) != 1 {
			t.Errorf("beside public/: %v, want nothing else", entries)
		}
		time.Sleep(300 * time.Millisecond)
	}
}
