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

	"golang.org/x/tools/txtar"
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

// The error cases are small self-contained sites: testdata/errors/base.txtar
// is the smallest complete site, and each other archive there (a txtar: a
// comment, then files each headed "-- name --") replaces or adds files of
// the base, and ends with a "-- want --" section: every error the build must
// report, one "file:line:col: message" line each, as an editor shows it.
const (
	caseDir  = "testdata/errors"
	baseCase = "base.txtar"
)

// readArchive reads a txtar archive into a file system, less its want
// section, which it returns as lines.
func readArchive(t *testing.T, name string) (fstest.MapFS, []string) {
	t.Helper()
	a, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{}
	var want []string
	for _, f := range a.Files {
		if _, dup := files[f.Name]; dup || f.Name == "want" && want != nil {
			t.Fatalf("%s: %s twice", name, f.Name)
		}
		if f.Name == "want" {
			want = strings.Split(strings.TrimSpace(string(f.Data)), "\n")
			continue
		}
		files[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return files, want
}

// miniSite is the base site with files put in place. The interface strings
// (i18n.toml) come from content/ unless the base or the case has its own:
// they go with the real layouts the cases are rendered with, and a copy
// here would break the cases each time a template adds a string.
func miniSite(t *testing.T, files fstest.MapFS) fstest.MapFS {
	t.Helper()
	site, want := readArchive(t, filepath.Join(caseDir, baseCase))
	if want != nil {
		t.Fatalf("%s has a want section; the base must build", baseCase)
	}
	if site["i18n.toml"] == nil {
		ui, err := os.ReadFile("../../content/i18n.toml")
		if err != nil {
			t.Fatal(err)
		}
		site["i18n.toml"] = &fstest.MapFile{Data: ui}
	}
	for name, f := range files {
		site[name] = f
	}
	return site
}

// TestBaseSiteBuilds: the base the error cases start from builds cleanly,
// so each case's errors are its own.
func TestBaseSiteBuilds(t *testing.T) {
	t.Parallel()
	out, err := Build(miniSite(t, nil), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatalf("the base site does not build: %v", err)
	}
	for _, p := range []string{"zh/qts/duties/1/index.html", "en/qts/systems/1/index.html", "en/laws/product-quality-law/index.html"} {
		if out.Files[p] == nil {
			t.Errorf("the base site has no %s", p)
		}
	}
}

// TestContentErrors builds the base site with each case's files put in
// place and checks that the build fails with exactly the wanted errors,
// each at its file:line:column.
func TestContentErrors(t *testing.T) {
	t.Parallel()
	cases, err := filepath.Glob(filepath.Join(caseDir, "*.txtar"))
	if err != nil || len(cases) < 2 {
		t.Fatalf("no cases in %s", caseDir)
	}
	for _, c := range cases {
		if filepath.Base(c) == baseCase {
			continue
		}
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txtar"), func(t *testing.T) {
			t.Parallel()
			files, want := readArchive(t, c)
			if want == nil {
				t.Fatal("case has no -- want -- section")
			}
			_, err := Build(miniSite(t, files), os.DirFS("../../layouts"))
			if err == nil {
				t.Fatal("build succeeded; want an error")
			}
			es := content.AsErrors(err)
			if es == nil {
				t.Fatalf("error has no positions: %v", err)
			}
			if got := strings.Split(es.Error(), "\n"); !slices.Equal(got, want) {
				t.Errorf("errors:\n%s\nwant:\n%s", es.Error(), strings.Join(want, "\n"))
			}
		})
	}
}
