package content

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// deptFiles are the files of the real department that copies keeps: one
// of each kind of file, and two duties (so that one can be removed). The
// caches' bugs are about which files and departments change, not how many
// records a file has; the department's other 21 files would only make every
// load of the race-detected unit tests slower.
var deptFiles = map[string]bool{
	"department.toml": true, "services.toml": true, "accountability.toml": true,
	"duties/1.toml": true, "duties/2.toml": true, "boundaries/1.toml": true, "systems/10.toml": true,
}

// copies is the real content with (part of) its department copied n
// times, as departments/d00 … d<n-1>: the files in deptFiles.
func copies(t *testing.T, n int) fstest.MapFS {
	t.Helper()
	base := os.DirFS("../../content")
	fsys := fstest.MapFS{}
	err := fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(base, p)
		if rest, ok := strings.CutPrefix(p, "departments/"); ok {
			_, rest, _ = strings.Cut(rest, "/")
			if !deptFiles[rest] {
				return err
			}
			for i := range n {
				fsys[fmt.Sprintf("departments/d%02d/%s", i, rest)] = &fstest.MapFile{Data: b}
			}
			return err
		}
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The interface strings and the glossary are read whole on every load
	// and are no department's: small ones do.
	fsys["i18n.toml"] = &fstest.MapFile{Data: []byte("[ui]\n\"nav.home\" = { zh = \"首页\", en = \"Home\" }\n")}
	fsys["glossary.toml"] = &fstest.MapFile{Data: []byte("[[term]]\nid = \"t\"\nterm = { zh = \"词\", en = \"term\" }\n")}
	return fsys
}

// places lists every record's file and path, in order.
func places(c *Content) []string {
	var out []string
	for _, l := range c.locs {
		if l.src != nil {
			out = append(out, l.src.File+" "+l.path+" "+fmt.Sprint(l.At("")))
		}
	}
	slices.Sort(out)
	return out
}

// sameLoad fails unless the cache's load of fsys is what a fresh Load
// gives: the same problems at the same places, or the same records at the
// same places.
func sameLoad(t *testing.T, step string, cache *Cache, fsys fs.FS) *Content {
	t.Helper()
	want, werr := Load(fsys)
	got, gerr := cache.Load(fsys)
	if fmt.Sprint(werr) != fmt.Sprint(gerr) {
		t.Fatalf("%s: Load says\n%v\nthe cache says\n%v", step, werr, gerr)
	}
	if werr != nil {
		return nil
	}
	if !reflect.DeepEqual(want.Departments, got.Departments) || !reflect.DeepEqual(want.Registry, got.Registry) {
		t.Fatalf("%s: the cache's records differ from Load's", step)
	}
	if w, g := places(want), places(got); !slices.Equal(w, g) {
		t.Fatalf("%s: the cache's positions differ from Load's (%d and %d places)", step, len(w), len(g))
	}
	return got
}

// TestCacheEqualsLoad: edits, breakages, fixes, removed and added files
// and departments; after each, a Cache's load equals a fresh Load, and
// only the departments whose folder changed are decoded again.
func TestCacheEqualsLoad(t *testing.T) {
	t.Parallel()
	fsys := copies(t, 4)
	cache := NewCache()
	first := sameLoad(t, "first load", cache, fsys)
	again := sameLoad(t, "unchanged", cache, fsys)
	for i := range first.Departments {
		if first.Departments[i] != again.Departments[i] {
			t.Fatalf("unchanged: department %d decoded again", i)
		}
	}
	const duty = "departments/d01/duties/1.toml"
	orig := string(fsys[duty].Data)
	i := strings.Index(orig, "。")
	if i < 0 {
		t.Fatal("no 。 in " + duty)
	}
	// The same size: a different character of as many bytes.
	fsys[duty] = &fstest.MapFile{Data: []byte(orig[:i] + "，" + orig[i+len("。"):])}
	edited := sameLoad(t, "a same-size edit in d01", cache, fsys)
	if edited.Departments[1] == again.Departments[1] || edited.Departments[0] != again.Departments[0] {
		t.Fatal("a same-size edit in d01: want d01 decoded again and d00 kept")
	}
	steps := []struct {
		what string
		do   func()
	}{
		{"d02's services broken", func() { fsys["departments/d02/services.toml"] = &fstest.MapFile{Data: []byte("title = \n")} }},
		{"d02's services fixed", func() { fsys["departments/d02/services.toml"] = fsys["departments/d00/services.toml"] }},
		{"d03's second duty removed", func() { delete(fsys, "departments/d03/duties/2.toml") }},
		{"an unknown key in d00", func() {
			fsys["departments/d00/department.toml"] = &fstest.MapFile{Data: append([]byte("colour = 1\n"), fsys["departments/d01/department.toml"].Data...)}
		}},
		{"d00 fixed, d01 back", func() {
			fsys["departments/d00/department.toml"] = fsys["departments/d01/department.toml"]
			fsys[duty] = &fstest.MapFile{Data: []byte(orig)}
		}},
		{"a department added", func() {
			for n, f := range fsys {
				if rest, ok := strings.CutPrefix(n, "departments/d00/"); ok {
					fsys["departments/d07/"+rest] = f
				}
			}
		}},
		{"a department removed", func() {
			for n := range fsys {
				if strings.HasPrefix(n, "departments/d02/") {
					delete(fsys, n)
				}
			}
		}},
		{"a folder made a file", func() { fsys["departments/d01/duties/9.toml/x"] = &fstest.MapFile{Data: []byte("x")} }},
	}
	for _, s := range steps {
		s.do()
		sameLoad(t, s.what, cache, fsys)
	}
}

// TestCacheChanged: told what changed (Changed), a Load reads again only
// the departments it touches: a change it was not told of, in another
// department, is not seen (the proof that folder was not read), and is
// seen by the next Load that is not told; the departments it touches load
// as a fresh Load does; the hint holds for one Load only.
func TestCacheChanged(t *testing.T) {
	t.Parallel()
	fsys := copies(t, 3)
	cache := NewCache()
	sameLoad(t, "first load", cache, fsys)
	const f0, f1 = "departments/d00/duties/2.toml", "departments/d01/duties/2.toml"
	edit := func(f, text string) {
		fsys[f] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[f].Data), "。", text+"。", 1))}
	}
	first := func(c *Content, i int) string { return c.Departments[i].Duties[1].Items[0].Text.Zh }
	edit(f0, "（一改）")
	edit(f1, "（未告知）")
	cache.Changed([]string{f0})
	c, err := cache.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first(c, 0), "（一改）") {
		t.Errorf("the department told of kept its old text: %s", first(c, 0))
	}
	if strings.Contains(first(c, 1), "（未告知）") {
		t.Errorf("a department the changes leave alone was read again")
	}
	c = sameLoad(t, "not told", cache, fsys)
	if !strings.Contains(first(c, 1), "（未告知）") {
		t.Errorf("a Load not told what changed missed a change: %s", first(c, 1))
	}
	edit(f1, "（文件夹）")
	cache.Changed([]string{"departments/d01"})
	sameLoad(t, "its folder told", cache, fsys)
	edit(f1, "（全部）")
	cache.Changed([]string{"departments"})
	sameLoad(t, "the departments folder told", cache, fsys)
	edit(f1, "（两次）")
	cache.Changed([]string{f1}) // a build that failed before it loaded
	cache.Changed([]string{f0})
	sameLoad(t, "told twice", cache, fsys)
	edit(f1, "（不知）")
	cache.Changed(nil)
	cache.Changed([]string{f0})
	sameLoad(t, "told it is not known", cache, fsys)

	// The site's own files likewise: kept while the changes told are all
	// under departments/, read again otherwise.
	const reg = "registry/bodies.toml"
	was := cache.site.sub.c.Registry
	fsys[reg] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[reg].Data), "\n", "\n# 未告知\n", 1))}
	cache.Changed([]string{f0})
	if c, err := cache.Load(fsys); err != nil || c.Registry != was {
		t.Errorf("the site's files were read again though only a department changed (%v)", err)
	}
	fsys[reg] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[reg].Data), "name = { zh = \"", "name = { zh = \"改", 1))}
	cache.Changed([]string{reg})
	if c := sameLoad(t, "a registry file told", cache, fsys); c.Registry == was {
		t.Errorf("a registry file told changed was not read again")
	}
}
