package site

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRebuildTakesTwins: a build into the folder an earlier build wrote
// takes the twins of unchanged files from it, and leaves the very tree a
// build into an empty folder leaves (bytes, modes, dates), also when the
// earlier folder has a changed file or a damaged or foreign twin; none
// is taken from a folder a Qingdan with other compressors wrote.
func TestRebuildTakesTwins(t *testing.T) {
	t.Parallel()
	if !strings.HasPrefix(marker(), markerText+"twins: sample ") {
		t.Fatalf("the Marker names no compressors:\n%s", marker())
	}
	out, err := Build(miniSite(t, nil), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	fresh, dir := filepath.Join(root, "fresh"), filepath.Join(root, "out")
	publish := func(into string) int {
		t.Helper()
		reused, err := write(out, into, nil)
		if err != nil {
			t.Fatal(err)
		}
		return reused
	}
	if n := publish(fresh); n != 0 {
		t.Errorf("a build into a new folder took %d files' twins", n)
	}
	want := snapshot(t, fresh)
	texts := 0
	for name := range want {
		if Compressible(name) && !strings.HasSuffix(name, ".gz") && !strings.HasSuffix(name, ".br") {
			texts++
		}
	}
	same := func(when string) {
		t.Helper()
		got := snapshot(t, dir)
		for name, w := range want {
			if g := got[name]; g != w {
				t.Errorf("%s: %s: rebuilt %s, built afresh %s", when, name, g.String(), w.String())
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d entries rebuilt, %d built afresh", when, len(got), len(want))
		}
	}

	if err := os.CopyFS(dir, os.DirFS(fresh)); err != nil {
		t.Fatal(err)
	}
	if n := publish(dir); n != texts {
		t.Errorf("unchanged: twins of %d files taken, want all %d text files", n, texts)
	}
	same("unchanged")

	// A changed file, a foreign .br (a valid stream of other bytes), a
	// damaged .gz and a missing .br: those four files are compressed anew.
	other, err := brotliTwin([]byte("something else"), brotliPages)
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string]func(p string) error{
		"zh/index.html":        func(p string) error { return os.WriteFile(p, []byte("<p>edited by hand</p>"), 0o644) },
		"en/index.html.br":     func(p string) error { return os.WriteFile(p, other, 0o644) },
		"data/qts.json.gz":     func(p string) error { return os.WriteFile(p, []byte("\x1f\x8b\x08\x00garbage"), 0o644) },
		"en/qts/index.html.br": os.Remove,
	}
	for name, f := range damage {
		if _, ok := want[name]; !ok {
			t.Fatalf("the built site has no %s to damage", name)
		}
		if err := f(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	if n := publish(dir); n != texts-len(damage) {
		t.Errorf("damaged: twins of %d files taken, want %d", n, texts-len(damage))
	}
	same("damaged")

	// An earlier Qingdan, whose Marker names no compressors or others.
	for _, m := range []string{markerText, strings.Replace(marker(), "sample ", "sample 0", 1)} {
		if err := os.WriteFile(filepath.Join(dir, Marker), []byte(m), 0o644); err != nil {
			t.Fatal(err)
		}
		if earlierBuild(dir) != "" {
			t.Errorf("twins would be taken from a build whose Marker says\n%s", m)
		}
	}
}

// TestTwinsDecompressTo: a twin is taken only if it decompresses to the
// file's bytes exactly: not to a prefix of them, nor to more, nor with
// bytes after the stream.
func TestTwinsDecompressTo(t *testing.T) {
	t.Parallel()
	b := []byte(strings.Repeat("清单 list ", 300))
	gz, err := gzipTwin(b)
	if err != nil {
		t.Fatal(err)
	}
	br, err := brotliTwin(b, brotliPages)
	if err != nil {
		t.Fatal(err)
	}
	empty, err := gzipTwin(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		ok   bool
		got  bool
	}{
		{"gzip of the bytes", true, gunzipsTo(gz, b)},
		{"Brotli of the bytes", true, unbrotlisTo(br, b)},
		{"gzip of nothing", true, gunzipsTo(empty, nil)},
		{"gzip of more", false, gunzipsTo(gz, b[:len(b)-1])},
		{"gzip of less", false, gunzipsTo(gz, append(b[:len(b):len(b)], 'x'))},
		{"Brotli of less", false, unbrotlisTo(br, append(b[:len(b):len(b)], 'x'))},
		{"gzip cut short", false, gunzipsTo(gz[:len(gz)-5], b)},
		{"Brotli cut short", false, unbrotlisTo(br[:len(br)/2], b)},
		{"gzip with bytes after it", false, gunzipsTo(append(gz[:len(gz):len(gz)], 0), b)},
		{"not gzip", false, gunzipsTo(br, b)},
		{"not Brotli", false, unbrotlisTo(gz, b)},
	} {
		if c.got != c.ok {
			t.Errorf("%s: taken %v, want %v", c.name, c.got, c.ok)
		}
	}
}

// TestStampNamesTheRules: which files take which Brotli quality is part of
// the stamp, so that twins made under other rules are not taken.
func TestStampNamesTheRules(t *testing.T) {
	t.Parallel()
	other := append(slices.Clone(brotliRules), brotliRule{"search/", brotliBest})
	if stampOf(other) == twinStamp() || stampOf(brotliRules) != twinStamp() {
		t.Errorf("the stamp does not follow the Brotli rules: %q, %q", stampOf(other), twinStamp())
	}
}
