package graph

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/content"
)

// summary is what each record of g cites and names, in order.
func summary(g *Graph) []string {
	var out []string
	for _, r := range g.Records {
		var cites, names []string
		for _, in := range r.Cites {
			cites = append(cites, in.ID)
		}
		for _, b := range r.Names {
			names = append(names, b.ID)
		}
		out = append(out, fmt.Sprintf("%d %s#%s cites %v names %v", r.Kind, r.Page, r.Anchor, cites, names))
	}
	return out
}

// TestMemoEqualsNew: graphs built through a Memo, again and again as the
// content changes (a text that names a body, a body's short name renamed
// so that unchanged texts name it no more, a glossary term), cite and name
// what New's do.
func TestMemoEqualsNew(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	base := os.DirFS("../../content")
	err := fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			var b []byte
			b, err = fs.ReadFile(base, p)
			fsys[p] = &fstest.MapFile{Data: b}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(name, old, new string) {
		s := string(fsys[name].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
	duty, _ := fs.Glob(fsys, "departments/*/duties/1.toml")
	m := NewMemo()
	steps := []struct {
		what string
		do   func()
	}{
		{"as it is", func() {}},
		{"again", func() {}},
		{"a text names a body", func() { edit(duty[0], "。", "，会同临沂市公安局。") }},
		{"a short name renamed", func() {
			edit("registry/bodies.toml", `short = { zh = "市质监局"`, `short = { zh = "市质监局甲"`)
		}},
		{"a glossary term", func() { edit("glossary.toml", `term = { zh = "`, `term = { zh = "市质监局`) }},
	}
	for _, s := range steps {
		s.do()
		c, err := content.Load(fsys)
		if err != nil {
			t.Fatalf("%s: %v", s.what, err)
		}
		want, got := summary(New(c, content.NewIndex(c))), summary(m.New(c, content.NewIndex(c)))
		if !slices.Equal(want, got) {
			for i := range min(len(want), len(got)) {
				if want[i] != got[i] {
					t.Fatalf("%s: record %d: New gives\n%s\nthe memo\n%s", s.what, i, want[i], got[i])
				}
			}
			t.Fatalf("%s: %d records, the memo %d", s.what, len(want), len(got))
		}
	}
}
