package check

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/content"
)

// twoDepartments is the real content with its department twice, as
// departments/a and departments/b.
func twoDepartments(t *testing.T) fstest.MapFS {
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
			fsys["departments/a/"+rest] = &fstest.MapFile{Data: b}
			fsys["departments/b/"+rest] = &fstest.MapFile{Data: b}
			return err
		}
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func replace(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	s := string(fsys[name].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// TestCacheEqualsCheck: a department with a problem the field rules find
// stays unchanged while the other is edited (the problem is reported from
// the cache), then the registry changes under it (a mention it makes no
// longer resolves: the cache must not answer for it): after each, a
// Cache's check, on a content.Cache's load, says what Check and Draft say.
func TestCacheEqualsCheck(t *testing.T) {
	fsys := twoDepartments(t)
	// One pair of caches for checks, one for drafts: a change of draft
	// alone would empty a cache.
	loads := []*content.Cache{content.NewCache(), content.NewCache()}
	checks := []*Cache{NewCache(), NewCache()}
	same := func(step string, wantErr bool) {
		t.Helper()
		for i, draft := range []bool{false, true} {
			fresh, err := content.Load(fsys)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			_, wp, werr := run(fresh, draft, nil)
			cached, err := loads[i].Load(fsys)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			_, gp, gerr := checks[i].Timed(cached, draft, nil)
			if fmt.Sprint(werr) != fmt.Sprint(gerr) || fmt.Sprint(wp) != fmt.Sprint(gp) {
				t.Fatalf("%s (draft %v): Check says\n%v\n%v\nthe cache says\n%v\n%v", step, draft, werr, wp, gerr, gp)
			}
			if (werr != nil) != wantErr {
				t.Fatalf("%s: %v", step, werr)
			}
		}
	}
	same("as it is", false)
	replace(t, fsys, "departments/a/duties/2.toml", `text.en = "`, `text.en = "中`)
	same("Chinese in a's English", true)
	replace(t, fsys, "departments/b/duties/2.toml", "。", "（修订）。")
	same("b edited, a unchanged", true)
	replace(t, fsys, "departments/a/duties/2.toml", `text.en = "中`, `text.en = "`)
	same("a fixed", false)
	replace(t, fsys, "registry/instruments.toml", `name.zh = "公务员法"`, `name.zh = "公务员法（修订）"`)
	same("an instrument renamed: 《公务员法》 resolves no more", true)
}
