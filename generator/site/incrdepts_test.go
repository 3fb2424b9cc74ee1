package site

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/benchsite"
)

// TestIncrementalManyDepartments: the Builder's caches (the departments'
// decoded folders, the fingerprints) on a site of three departments. An
// edit in one department while the others stay, a department broken (the
// same errors as a whole build) and fixed, a text the check refuses (the
// same errors) and fixed, a registry change every
// department's pages show, a department removed (refused: its body is then
// named nowhere) and back: after each, the Builder's output equals a whole
// Build's, or both fail with the same errors.
func TestIncrementalManyDepartments(t *testing.T) {
	long(t)
	dst := filepath.Join(t.TempDir(), "content")
	if err := benchsite.Write("../../content", dst, 3); err != nil {
		t.Fatal(err)
	}
	c, l := mapFS(t, dst), mapFS(t, "../../layouts")
	var depts []string
	for n := range c {
		if rest, ok := strings.CutPrefix(n, "departments/"); ok && strings.HasSuffix(rest, "/department.toml") {
			depts = append(depts, strings.TrimSuffix(rest, "/department.toml"))
		}
	}
	slices.Sort(depts)
	if len(depts) != 3 {
		t.Fatalf("want 3 departments, have %v", depts)
	}
	b := NewBuilder(c, l)
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	const duty = "duties/2.toml"
	gone := fstest.MapFS{} // depts[2]'s files
	for n, f := range c {
		if strings.HasPrefix(n, "departments/"+depts[2]+"/") {
			gone[n] = f
		}
	}
	steps := []struct {
		what string
		do   func(d string) // d: the department it edits
	}{
		{"item text", func(d string) { replaceIn(t, c, "departments/"+d+"/"+duty, "。", "（修订）。") }},
		{"broken", func(d string) {
			replaceIn(t, c, "departments/"+d+"/services.toml", "[[service]]", "[[service]]\ncolour = 1")
		}},
		{"fixed", func(d string) {
			replaceIn(t, c, "departments/"+d+"/services.toml", "[[service]]\ncolour = 1", "[[service]]")
		}},
		{"Chinese in English", func(d string) { replaceIn(t, c, "departments/"+d+"/"+duty, `text.en = "`, `text.en = "中`) }},
		{"English fixed", func(d string) { replaceIn(t, c, "departments/"+d+"/"+duty, `text.en = "中`, `text.en = "`) }},
		// The kept departments' pages and records keep their hashes: an
		// edit that changes which places cite a law, what a law's page
		// shows of a basis, or a list's regimes must still reach the pages of no department.
		{"item cites a law", func(d string) {
			replaceIn(t, c, "departments/"+d+"/"+duty, `text.en = "`, `text.en = "Under 《metrology-law》, `)
			replaceIn(t, c, "departments/"+d+"/"+duty, `text.zh = "`, `text.zh = "依照《计量法》，`)
		}},
		{"basis circumstance", func(d string) {
			replaceIn(t, c, "departments/"+d+"/"+duty, "包庇、放纵", "包庇或者放纵")
		}},
		{"regime removed", func(d string) {
			f, s, ms := pick(rand.New(rand.NewPCG(1, 2)), c, "departments/"+d+"/duties/", twoRegimes)
			if ms == nil {
				t.Fatalf("no duty of %s has two regimes", d)
			}
			set(c, f, s[:ms[0][2]]+s[ms[0][4]:])
		}},
		{"body renamed", func(string) {
			for _, f := range []string{"registry/bodies.toml"} {
				s := string(c[f].Data)
				m := bodyName.FindStringSubmatchIndex(s)
				set(c, f, s[:m[5]]+" renamed"+s[m[5]:])
			}
		}},
		{"department removed", func(string) { removeDept(c, depts[2]) }},
		{"department back", func(string) { maps.Copy(c, gone) }},
	}
	for i, s := range steps {
		d := depts[min(i, 1)] // the first step edits one department, the others the next
		if i >= 5 && i < 8 {
			d = depts[i%3] // and these each in turn
		}
		s.do(d)
		what := fmt.Sprintf("step %d (%s in %s)", i, s.what, d)
		want, werr := Build(c, l)
		got, gerr := b.Build()
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("%s: Build error %v, Builder error %v", what, werr, gerr)
		}
		// A department removed leaves its body named nowhere: refused.
		if (werr != nil) != (s.what == "broken" || s.what == "Chinese in English" || s.what == "department removed") {
			t.Fatalf("%s: Build error %v", what, werr)
		}
		if werr == nil {
			sameOutput(t, what, want, got)
		}
	}
}

func replaceIn(t *testing.T, c fstest.MapFS, name, old, new string) {
	t.Helper()
	f := c[name]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	set(c, name, strings.Replace(string(f.Data), old, new, 1))
}

func removeDept(c fstest.MapFS, d string) {
	for n := range c {
		if strings.HasPrefix(n, "departments/"+d+"/") {
			delete(c, n)
		}
	}
}
