package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// setDates dates every file under dir with d.
func setDates(t *testing.T, dir string, d time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, d, d)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// dates lists the date of every file and folder under dir.
func dates(t *testing.T, dir string) map[string]time.Time {
	t.Helper()
	out := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		rel, _ := filepath.Rel(dir, p)
		out[rel] = fi.ModTime()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// allDated checks that every file and folder under dir is dated want.
func allDated(t *testing.T, what, dir string, want time.Time) {
	t.Helper()
	bad := 0
	for p, d := range dates(t, dir) {
		if !d.Equal(want) {
			if bad++; bad <= 3 {
				t.Errorf("%s: %s is dated %v, want %v", what, p, d, want)
			}
		}
	}
}

// TestBuildDates: every file and folder of a build is dated with the
// newest content file's time (one file made newer than the rest), so two
// builds of the same content date their files alike (and a host's ETags
// stay); SOURCE_DATE_EPOCH wins over the content; a wrong one fails the
// build and writes nothing.
func TestBuildDates(t *testing.T) {
	long(t)
	dir := t.TempDir()
	content, layouts := filepath.Join(dir, "content"), filepath.Join(dir, "layouts")
	copyTree(t, "../../../content", content)
	copyTree(t, "../../../layouts", layouts)
	old := time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC)
	setDates(t, layouts, old)
	setDates(t, content, old)
	newest := time.Date(2016, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(content, "departments/linyi-qts/duties/2.toml"), newest, newest); err != nil {
		t.Fatal(err)
	}
	build := func(out string) (string, int) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"build", "-content", content, "-layouts", layouts, "-out", out}, &stdout, &stderr)
		return stderr.String(), code
	}
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b} {
		if msg, code := build(out); code != 0 {
			t.Fatalf("build exited %d: %s", code, msg)
		}
		allDated(t, "a build", out, newest)
	}
	if da, db := dates(t, a), dates(t, b); len(da) != len(db) || len(da) < 100 {
		t.Errorf("two builds wrote %d and %d files", len(da), len(db))
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	if msg, code := build(a); code != 0 {
		t.Fatalf("build with SOURCE_DATE_EPOCH exited %d: %s", code, msg)
	}
	allDated(t, "SOURCE_DATE_EPOCH=1700000000", a, time.Unix(1700000000, 0))
	t.Setenv("SOURCE_DATE_EPOCH", "last tuesday")
	before := treeHash(t, b)
	if msg, code := build(b); code != 1 || !strings.Contains(msg, `SOURCE_DATE_EPOCH is "last tuesday", not a whole number of seconds`) {
		t.Errorf("build with a wrong SOURCE_DATE_EPOCH exited %d: %s", code, msg)
	}
	if treeHash(t, b) != before {
		t.Error("a build with a wrong SOURCE_DATE_EPOCH changed its output")
	}
}
