package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"qingdan/generator/content"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// overlay is a file system that serves some files from a map and the rest
// from a base.
type overlay struct {
	base  fs.FS
	files fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.base, name)
	b, errB := fs.ReadDir(o.files, name)
	if errA != nil && errB != nil {
		return nil, errA
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(a, b...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(x, y fs.DirEntry) int { return strings.Compare(x.Name(), y.Name()) })
	return out, nil
}

// parseCase reads a case file: a comment, then files each headed
// "-- name --", the last one "-- want --".
func parseCase(t *testing.T, b []byte) (fstest.MapFS, []string) {
	t.Helper()
	files := fstest.MapFS{}
	var name string
	var body []string
	flush := func() {
		if name != "" {
			files[name] = &fstest.MapFile{Data: []byte(strings.Join(body, "\n") + "\n")}
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			flush()
			name, body = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --"), nil
			continue
		}
		body = append(body, line)
	}
	flush()
	want := files["want"]
	delete(files, "want")
	if want == nil {
		t.Fatal("case has no -- want -- section")
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(want.Data)), "\n") {
		lines = append(lines, strings.TrimSpace(l))
	}
	return files, lines
}

// TestContentErrors builds the real content with one case's files put in
// place and checks that the build fails with each wanted error, at its
// file:line:column.
func TestContentErrors(t *testing.T) {
	eachCase(t, "testdata/errors", func(t *testing.T, files fstest.MapFS, want []string) {
		_, err := Build(overlay{os.DirFS("../../content"), files}, os.DirFS("../../layouts"))
		if err == nil {
			t.Fatal("build succeeded; want an error")
		}
		es := content.AsErrors(err)
		if es == nil {
			t.Fatalf("error has no positions: %v", err)
		}
		got := es.Error()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("missing error %q\ngot:\n%s", w, got)
			}
		}
	})
}

// eachCase runs f, as a subtest, on each case file in dir (see parseCase).
func eachCase(t *testing.T, dir string, f func(t *testing.T, files fstest.MapFS, want []string)) {
	t.Helper()
	cases, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in %s", dir)
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txt"), func(t *testing.T) {
			b, err := os.ReadFile(c)
			if err != nil {
				t.Fatal(err)
			}
			files, want := parseCase(t, b)
			f(t, files, want)
		})
	}
}
