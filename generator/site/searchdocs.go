package site

import (
	"slices"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
	"qingdan/generator/search"
)

// regimeIDs are the regimes' IDs, in registry order, as the bundle's
// manifest lists them.
func (m *model) regimeIDs() []string {
	ids := make([]string, len(m.c.Registry.Regimes))
	for i, g := range m.c.Registry.Regimes {
		ids[i] = g.ID
	}
	return ids
}

// searchEditions makes the search entries of each language from the
// graph: each department's records, then the registry's, then the pages
// that no record stands for.
func (m *model) searchEditions(pages []*Page) []search.Edition {
	var eds []search.Edition
	for _, l := range content.Langs {
		ed := search.Edition{Lang: string(l)}
		for _, d := range m.c.Departments {
			ed.Depts = append(ed.Depts, search.Dept{Slug: d.Slug, Name: markup.Plain(l, m.deptName(d).In(l), m.ix)})
		}
		ed.Docs = (&docMaker{m: m, l: l, covered: map[string]bool{}}).docs(pages)
		ed.Names = m.names(l)
		eds = append(eds, ed)
	}
	return eds
}

// docMaker makes the search entries of one language.
type docMaker struct {
	m       *model
	l       Lang
	out     []*search.Doc
	covered map[string]bool // URLs an entry stands for
}

func (dm *docMaker) add(d *search.Doc) {
	dm.out = append(dm.out, d)
	dm.covered[d.URL] = true
}

func (dm *docMaker) docs(pages []*Page) []*search.Doc {
	m, l := dm.m, dm.l
	deptIndex := map[*Department]int{}
	for i, d := range m.c.Departments {
		deptIndex[d] = i
	}
	byDept := map[*Department][]*Page{}
	for _, pg := range pages {
		if pg.Lang == l && strings.HasPrefix(pg.URL, "/"+string(l)+"/") && pg.URL != sitePath(l, "search/") {
			byDept[pg.Dept] = append(byDept[pg.Dept], pg)
		}
	}
	var last *Department
	for _, r := range m.g.Records {
		if r.Dept != last && last != nil {
			dm.pages(byDept[last], deptIndex[last])
		}
		last = r.Dept
		if d := dm.doc(r); d != nil {
			if r.Dept != nil {
				d.Dept = deptIndex[r.Dept]
			}
			dm.add(d)
		}
	}
	if last != nil {
		dm.pages(byDept[last], deptIndex[last])
	}
	dm.terms()
	dm.pages(byDept[nil], -1)
	return dm.out
}

// pages adds the pages of a department (or of none, -1) that no entry
// stands for.
func (dm *docMaker) pages(pages []*Page, di int) {
	for _, pg := range pages {
		u := strings.TrimPrefix(pg.URL, "/")
		if dm.covered[u] {
			continue
		}
		d := &search.Doc{Kind: kind("page"), Dept: di, URL: u, Title: dm.s(pg.Title)}
		if pg.Dept != nil {
			d.Date = month(pg.Dept.Date)
			if pg.URL == deptURL(dm.l, pg.Dept, "duties/") {
				d.Text = dm.s(pg.Dept.DutiesNote)
			}
		}
		dm.add(d)
	}
}

func kind(k string) int { return slices.Index(search.Kinds, k) }

func month(date string) string { return date[:min(len(date), 7)] }

func (dm *docMaker) s(t Text) string {
	return strings.TrimSpace(markup.Plain(dm.l, t.In(dm.l), dm.m.ix))
}

func (dm *docMaker) p(p Prose) string { return markup.ProseText(dm.l, p.In(dm.l), dm.m.ix) }

func (dm *docMaker) texts(ts []Text) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = dm.s(t)
	}
	return join(parts...)
}

func join(parts ...string) string {
	var keep []string
	for _, x := range parts {
		if x = strings.TrimSpace(x); x != "" {
			keep = append(keep, x)
		}
	}
	return strings.Join(keep, " ")
}

// doc is the entry of a record, or nil for a record that has none of its
// own (a note, a boundary's joint rows, bases and examples, whose text is
// the boundary's; a registry record without a page).
func (dm *docMaker) doc(r *graph.Record) *search.Doc {
	m, l := dm.m, dm.l
	rel := func(u string) string { return strings.TrimPrefix(u, "/") }
	d := &search.Doc{Dept: -1, Date: month(r.Date), URL: rel(r.URL(l)), Title: dm.s(r.Title)}
	for _, g := range r.Regimes {
		d.Regimes = append(d.Regimes, m.g.RegimeIndex(g))
	}
	if r.Parent != nil {
		d.Parent = rel(r.Parent.URL(l))
	}
	switch v := r.Value.(type) {
	case *content.Duty:
		d.Kind, d.Parent = kind("duty"), rel(deptURL(l, r.Dept, "duties/"))
	case *content.Item:
		d.Kind = kind("item")
	case *content.Basis:
		d.Kind, d.Title, d.Text = kind("basis"), dm.basisTitle(v), dm.basisText(v)
	case *content.Boundary:
		d.Kind, d.Parent, d.Text = kind("boundary"), rel(deptURL(l, r.Dept, "boundaries/")), join(dm.texts(v.Joint), dm.texts(v.Examples))
	case *content.Division:
		d.Kind, d.Text = kind("boundary"), dm.texts(v.Duties)
		if m.ix.Body(v.Body) == nil {
			d.Title = v.Body
		}
	case *content.System:
		d.Kind, d.Parent, d.Text = kind("system"), rel(deptURL(l, r.Dept, "systems/")), join(dm.s(v.Purpose), dm.p(v.Body))
	case *content.Section:
		d.Kind, d.Text = kind("section"), dm.p(v.Body)
	case *content.Service:
		d.Kind, d.Parent, d.Text = kind("service"), rel(deptURL(l, r.Dept, "services/")), join(dm.s(v.Content), dm.s(v.Office), v.Phone)
	case *content.Accountability:
		d.Kind, d.Title, d.Text = kind("accountability"), m.ui("part.accountability").In(l), dm.s(v.Intro)
	case *content.AccBody:
		d.Kind, d.Text = kind("accountability"), join(dm.p(v.Duties), dm.p(v.Procedure))
	case *content.Mechanism:
		d.Kind, d.Text = kind("accountability"), dm.p(v.Body)
	default:
		return dm.registryDoc(r, d)
	}
	return d
}

// registryDoc fills the entry of an instrument, body or regime that has a
// page, or returns nil.
func (dm *docMaker) registryDoc(r *graph.Record, d *search.Doc) *search.Doc {
	m, l := dm.m, dm.l
	d.Date = ""
	switch v := r.Value.(type) {
	case *content.Instrument:
		if len(m.g.CitedBy(v)) == 0 {
			return nil
		}
		var parts []string
		if k := m.ix.Kind(v.Kind); k != nil {
			parts = append(parts, dm.s(k.Name))
		}
		if v.Number.Zh != "" {
			parts = append(parts, dm.s(v.Number))
		}
		parts = append(parts, v.Aliases.In(l)...)
		d.Kind, d.Parent, d.Text = kind("instrument"), string(l)+"/laws/", join(parts...)
	case *content.Body:
		if !m.hasBodyPage(v) {
			return nil
		}
		var parts []string
		if s := dm.s(v.Short); s != "" && !strings.Contains(d.Title, s) {
			parts = append(parts, s) // a short name the title holds finds it already
		}
		parts = append(parts, v.Aliases.In(l)...)
		d.Kind, d.Parent, d.Text = kind("body"), string(l)+"/bodies/", join(parts...)
	case *content.Regime:
		d.Kind, d.Parent, d.Text = kind("regime"), string(l)+"/regimes/", dm.s(v.Summary)
	default:
		return nil
	}
	return d
}

func (dm *docMaker) basisTitle(b *content.Basis) string {
	in := dm.m.ix.Instrument(b.Instrument)
	if in == nil {
		return dm.s(b.Text)
	}
	title := markup.MentionLabel(dm.l, in.Name.Zh, in)
	if b.Version.Zh != "" {
		if dm.l == Zh {
			title += "（" + dm.s(b.Version) + "）"
		} else {
			title += " (" + dm.s(b.Version) + ")"
		}
	}
	return title
}

func (dm *docMaker) basisText(b *content.Basis) string {
	var parts []string
	for _, a := range b.Articles {
		parts = append(parts, dm.s(a.Article), dm.texts(a.Circumstances))
	}
	return join(parts...)
}
