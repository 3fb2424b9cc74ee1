package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/content"
	"qingdan/generator/internal/smallsite"
)

// twoDepartments is the small complete site (package smallsite) with its
// department twice, as departments/a and departments/b. The cache's bugs
// are about which department or registry file changed, not how many
// records there are: the real content, twice, made this one test cost
// more than the race-detected unit tests of most packages.
func twoDepartments(t *testing.T) fstest.MapFS {
	t.Helper()
	small, err := smallsite.Files("../..")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, f := range small {
		if rest, ok := strings.CutPrefix(name, "departments/qts/"); ok {
			fsys["departments/a/"+rest] = f
			fsys["departments/b/"+rest] = f
			continue
		}
		fsys[name] = f
	}
	if len(fsys) < 10 {
		t.Fatalf("the small site has only %d files", len(fsys))
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
	t.Parallel()
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
	replace(t, fsys, "departments/a/duties/1.toml", `en = "Implement`, `en = "中Implement`)
	same("Chinese in a's English", true)
	replace(t, fsys, "departments/b/duties/1.toml", "。", "（修订）。")
	same("b edited, a unchanged", true)
	replace(t, fsys, "departments/a/duties/1.toml", `en = "中Implement`, `en = "Implement`)
	same("a fixed", false)
	replace(t, fsys, "registry/instruments.toml", `zh = "产品质量法"`, `zh = "产品质量法（修订）"`)
	same("an instrument renamed: 《产品质量法》 resolves no more", true)
}
