package site

import (
	"strings"

	"qingdan/generator/markup"
	"qingdan/generator/search"
)

// terms adds an entry for each glossary term: its row on the glossary
// page, titled with the term. The note is left to the page: the first
// query's bytes are counted.
func (dm *docMaker) terms() {
	l := dm.l
	page := strings.TrimPrefix(sitePath(l, "glossary/"), "/")
	for _, t := range dm.m.c.Glossary.Terms {
		dm.add(&search.Doc{Kind: kind("term"), Dept: -1, URL: page + "#term-" + t.ID, Parent: page, Title: dm.s(t.Term)})
	}
}

// names lists the names of the things readers look for by name, in l:
// each glossary term with its variants, each cited instrument with its
// aliases and short titles, each body with its short name, aliases and
// variants.
func (m *model) names(l Lang) [][]string {
	var out [][]string
	for _, t := range m.c.Glossary.Terms {
		var names []string
		for _, s := range append([]string{t.Term.In(l)}, t.Variants.In(l)...) {
			names = append(names, strings.TrimSpace(markup.Plain(l, s, m.ix)))
		}
		out = append(out, names)
	}
	for _, in := range m.c.Registry.Instruments {
		if len(m.g.CitedBy(in)) > 0 {
			out = append(out, append(append([]string{in.Name.In(l)}, in.Aliases.In(l)...), in.Variants.In(l)...))
		}
	}
	for _, b := range m.c.Registry.Bodies {
		out = append(out, append(append([]string{b.Name.In(l), b.Short.In(l)}, b.Aliases.In(l)...), b.Variants.In(l)...))
	}
	return out
}
