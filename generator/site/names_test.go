package site

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// namedPlaces finds, by brute force and independently of markup.Names,
// the places whose Chinese text names each body as the longest known name
// at some position (known names: every body's names and the glossary's
// terms; nothing inside a 《…》 title).
func namedPlaces(g *graph.Graph) map[*content.Body]map[string]bool {
	type name struct {
		s    string
		body *content.Body
	}
	var names []name
	for _, x := range g.Content.Registry.Bodies {
		for _, s := range append([]string{x.Name.Zh, x.Short.Zh}, x.Aliases.Zh...) {
			if s != "" {
				names = append(names, name{s, x})
			}
		}
	}
	for _, t := range g.Content.Glossary.Terms {
		names = append(names, name{t.Term.Zh, nil})
	}
	titles := regexp.MustCompile(`《[^《》\n]+》`)
	places := map[*content.Body]map[string]bool{}
	for _, r := range g.Records {
		for _, t := range r.Texts {
			s := titles.ReplaceAllStringFunc(t.Zh, func(m string) string { return strings.Repeat("\x00", len(m)) })
			for i := 0; i < len(s); {
				best := name{}
				for _, n := range names {
					if strings.HasPrefix(s[i:], n.s) && len(n.s) > len(best.s) {
						best = n
					}
				}
				if best.s == "" {
					_, size := utf8.DecodeRuneInString(s[i:])
					i += size
					continue
				}
				if best.body != nil {
					if places[best.body] == nil {
						places[best.body] = map[string]bool{}
					}
					places[best.body][r.URL(content.Zh)] = true
				}
				i += len(best.s)
			}
		}
	}
	return places
}

// TestBodyPagesNameOnlyTheirOwn holds every body page's "named in" list to
// the places where the body's own name is the longest match; the Ministry
// of Public Security (公安部) is named only in boundary 3's bases (公安部令第77号),
// never in 公安部门 (public security departments).
func TestBodyPagesNameOnlyTheirOwn(t *testing.T) {
	t.Parallel()
	c := realContent(t)
	g, err := check.Check(c)
	if err != nil {
		t.Fatal(err)
	}
	out := realSite(t)
	linkRE := regexp.MustCompile(`<h2 id="named">.*`)
	named := namedPlaces(g)
	for _, b := range c.Registry.Bodies {
		want := named[b]
		var got []string
		for _, cit := range g.NamedIn(b) {
			got = append(got, cit.URL(content.Zh))
		}
		var wantList []string
		for u := range want {
			wantList = append(wantList, u)
		}
		slices.Sort(got)
		slices.Sort(wantList)
		if !slices.Equal(got, wantList) {
			t.Errorf("body %s is named in %q, want %q", b.ID, got, wantList)
		}
		page := "zh/bodies/" + b.ID + "/index.html"
		if _, ok := out.Files[page]; !ok {
			continue
		}
		section := linkRE.FindString(string(out.Files[page]))
		for _, u := range got {
			target := strings.TrimPrefix(strings.Replace(u, "/#", "/index.html#", 1), "/")
			if strings.HasSuffix(target, "/") {
				target += "index.html"
			}
			if !linkTargets(out, page)[target] {
				t.Errorf("%s does not link to %s", page, u)
			}
		}
		if n := strings.Count(section, "<li>"); n != len(got) {
			t.Errorf("%s lists %d places where the lists name it, want %d", page, n, len(got))
		}
	}
	var mps []string
	for _, cit := range g.NamedIn(g.Index.Body("mps")) {
		mps = append(mps, cit.URL(content.Zh))
	}
	if !slices.Equal(mps, []string{"/zh/linyi-qts/boundaries/3/#bases"}) {
		t.Errorf("公安部 is named in %q, want only boundary 3's bases", mps)
	}
}
