package site

import (
	"slices"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// Page data: one typed struct per kind of page. Templates read these.
type (
	RootData struct{}
	HomeData struct{ Depts []*Department }
	DeptData struct{ Dept *Department }
	DutyData struct {
		Dept    *Department
		Duty    *Duty
		Regimes []*Regime
		Systems []*System // systems of its regimes or supervising its items
	}
	BoundaryData struct {
		Dept     *Department
		Boundary *Boundary
		Regimes  []*Regime
		Bodies   []*Body // the departments sharing the matter, in order
	}
	SystemData struct {
		Dept    *Department
		System  *System
		Regimes []*Regime
		Items   []ItemRef
	}
	ItemRef struct {
		Duty *Duty
		Item *Item
	}
	LawsData  struct{ Groups []KindGroup }
	KindGroup struct {
		Kind        *Kind
		Instruments []*Instrument
	}
	LawData struct {
		Instrument *Instrument
		Kind       *Kind
		Groups     []CiteGroup // by department, in department order
	}
	BodiesData struct{ Bodies []*Body }
	BodyData   struct {
		Body  *Body
		Roles []*BodyRole
		Named []CiteGroup // where the lists name it, by department
	}
	RegimesData struct{ Regimes []*Regime }
	RegimeData  struct {
		Regime  *Regime
		Members []*graph.Regimed
	}
	GlossaryData struct {
		Terms       []*Term
		Instruments []*Instrument
		Bodies      []*Body
	}
	SitemapData struct {
		Depts   []*Department
		Groups  []KindGroup
		Bodies  []*Body
		Regimes []*Regime
	}
)

// pages lists every page of the site, in a fixed order.
func (m *model) pages() []*Page {
	b := &pageList{m: m}
	b.add(&Page{Lang: Zh, URL: "/", Template: "root.html", Title: m.ui("site.name"), Data: RootData{}})
	b.add(&Page{Lang: Zh, URL: "/404.html", Template: "404.html", Title: m.ui("notfound.title"), Data: RootData{}, AnyDepth: true})
	for _, l := range content.Langs {
		b.lang(l)
	}
	return b.pages
}

type pageList struct {
	m     *model
	pages []*Page
}

func (b *pageList) add(p *Page) { b.pages = append(b.pages, p) }

func (b *pageList) lang(l Lang) {
	m := b.m
	c := m.c
	home := Crumb{m.ui("nav.home"), sitePath(l, "")}
	b.add(&Page{Lang: l, URL: home.URL, Template: "home.html", Title: m.ui("site.name"), Data: HomeData{Depts: c.Departments}})
	for _, d := range c.Departments {
		b.department(l, home, d)
	}

	groups := m.kindGroups()
	laws := Crumb{m.ui("laws.title"), sitePath(l, "laws/")}
	b.add(&Page{Lang: l, URL: laws.URL, Template: "laws.html", Title: laws.Title, Crumbs: []Crumb{home}, Data: LawsData{Groups: groups}})
	for _, in := range c.Registry.Instruments {
		if cs := m.g.CitedBy(in); len(cs) > 0 {
			b.add(&Page{Lang: l, URL: m.url(l, in), Template: "law.html", Title: in.Name, Crumbs: []Crumb{home, laws},
				Data: LawData{Instrument: in, Kind: m.ix.Kind(in.Kind), Groups: byDept(cs)}})
		}
	}

	bodies := Crumb{m.ui("bodies.title"), sitePath(l, "bodies/")}
	b.add(&Page{Lang: l, URL: bodies.URL, Template: "bodies.html", Title: bodies.Title, Crumbs: []Crumb{home}, Data: BodiesData{Bodies: m.bodyPages()}})
	for _, bd := range m.bodyPages() {
		b.add(&Page{Lang: l, URL: m.url(l, bd), Template: "body.html", Title: bd.Name, Crumbs: []Crumb{home, bodies},
			Data: BodyData{Body: bd, Roles: m.roles(bd), Named: byDept(m.g.NamedIn(bd))}})
	}

	regimes := Crumb{m.ui("regimes.title"), sitePath(l, "regimes/")}
	b.add(&Page{Lang: l, URL: regimes.URL, Template: "regimes.html", Title: regimes.Title, Crumbs: []Crumb{home}, Data: RegimesData{Regimes: c.Registry.Regimes}})
	for _, g := range c.Registry.Regimes {
		b.add(&Page{Lang: l, URL: m.url(l, g), Template: "regime.html", Title: g.Name, Crumbs: []Crumb{home, regimes},
			Data: RegimeData{Regime: g, Members: m.g.Members(g)}})
	}

	b.add(&Page{Lang: l, URL: sitePath(l, "glossary/"), Template: "glossary.html", Title: m.ui("glossary.title"), Crumbs: []Crumb{home},
		Data: GlossaryData{Terms: c.Glossary.Terms, Instruments: c.Registry.Instruments, Bodies: c.Registry.Bodies}})
	b.add(&Page{Lang: l, URL: sitePath(l, "data/"), Template: "data.html", Title: m.ui("data.title"), Crumbs: []Crumb{home}, Data: HomeData{Depts: c.Departments}})
	b.add(&Page{Lang: l, URL: sitePath(l, "search/"), Template: "search.html", Title: m.ui("search.title"), Crumbs: []Crumb{home}, Data: RegimesData{Regimes: c.Registry.Regimes}})
	b.add(&Page{Lang: l, URL: sitePath(l, "sitemap/"), Template: "sitemap.html", Title: m.ui("sitemap.title"), Crumbs: []Crumb{home},
		Data: SitemapData{Depts: c.Departments, Groups: groups, Bodies: m.bodyPages(), Regimes: c.Registry.Regimes}})
}

func (b *pageList) department(l Lang, home Crumb, d *Department) {
	m := b.m
	dc := Crumb{m.listTitle(d), deptURL(l, d, "")}
	add := func(url, tmpl string, title Text, crumbs []Crumb, data any) {
		b.add(&Page{Lang: l, URL: url, Template: tmpl, Title: title, Crumbs: crumbs, Dept: d, Data: data})
	}
	add(dc.URL, "dept.html", dc.Title, []Crumb{home}, DeptData{Dept: d})

	duties := Crumb{m.ui("part.duties"), deptURL(l, d, "duties/")}
	add(duties.URL, "duties.html", duties.Title, []Crumb{home, dc}, DeptData{Dept: d})
	for _, du := range d.Duties {
		add(m.url(l, du), "duty.html", du.Title, []Crumb{home, dc, duties},
			DutyData{Dept: d, Duty: du, Regimes: m.g.Of(du).Regimes, Systems: supervising(d, du)})
	}

	bounds := Crumb{m.ui("part.boundaries"), deptURL(l, d, "boundaries/")}
	add(bounds.URL, "boundaries.html", bounds.Title, []Crumb{home, dc}, DeptData{Dept: d})
	for _, bd := range d.Boundaries {
		var bodies []*Body
		for _, dv := range bd.Divisions {
			if x := m.ix.Body(dv.Body); x != nil && !slices.Contains(bodies, x) {
				bodies = append(bodies, x)
			}
		}
		add(m.url(l, bd), "boundary.html", bd.Title, []Crumb{home, dc, bounds},
			BoundaryData{Dept: d, Boundary: bd, Regimes: m.g.Of(bd).Regimes, Bodies: bodies})
	}

	systems := Crumb{m.ui("part.systems"), deptURL(l, d, "systems/")}
	add(systems.URL, "systems.html", systems.Title, []Crumb{home, dc}, DeptData{Dept: d})
	for _, s := range d.Systems {
		var items []ItemRef
		for _, n := range s.Items {
			if du, it := itemDuty(d, n); it != nil {
				items = append(items, ItemRef{du, it})
			}
		}
		add(m.url(l, s), "system.html", s.Title, []Crumb{home, dc, systems},
			SystemData{Dept: d, System: s, Regimes: m.g.Of(s).Regimes, Items: items})
	}

	add(deptURL(l, d, "services/"), "services.html", m.ui("part.services"), []Crumb{home, dc}, DeptData{Dept: d})
	add(deptURL(l, d, "accountability/"), "accountability.html", m.ui("part.accountability"), []Crumb{home, dc}, DeptData{Dept: d})
}

// supervising lists, in the list's order, the systems that supervise any of
// a duty's items or share one of its regimes.
func supervising(d *Department, du *Duty) []*System {
	var out []*System
	for _, s := range d.Systems {
		related := slices.ContainsFunc(du.Regimes, func(g string) bool { return slices.Contains(s.Regimes, g) })
		for _, it := range du.Items {
			related = related || slices.Contains(s.Items, it.N)
		}
		if related {
			out = append(out, s)
		}
	}
	return out
}

func (m *model) kindGroups() []KindGroup {
	var gs []KindGroup
	for _, k := range m.c.Registry.Kinds {
		g := KindGroup{Kind: k}
		for _, in := range m.c.Registry.Instruments {
			if in.Kind == k.ID && len(m.g.CitedBy(in)) > 0 {
				g.Instruments = append(g.Instruments, in)
			}
		}
		if len(g.Instruments) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// bodyPages lists, in registry order, the bodies that have a page: a list
// gives them a part or names them.
func (m *model) bodyPages() []*Body {
	var out []*Body
	for _, b := range m.c.Registry.Bodies {
		if m.hasBodyPage(b) {
			out = append(out, b)
		}
	}
	return out
}

// BodyRole is one part a list gives a body: its own list, a division of
// a boundary matter, or a part in the accountability mechanism.
type BodyRole struct {
	Dept     *Department
	Boundary *Boundary
	Division *content.Division
	Acc      *content.AccBody
}

func (m *model) roles(b *Body) []*BodyRole {
	var out []*BodyRole
	for _, r := range m.g.Roles(b) {
		br := &BodyRole{Dept: r.Dept}
		switch v := r.Value.(type) {
		case *content.Division:
			br.Boundary, br.Division = r.Parent.Value.(*Boundary), v
		case *content.AccBody:
			br.Acc = v
		}
		out = append(out, br)
	}
	return out
}

// itemDuty finds item n of a list and its duty.
func itemDuty(d *Department, n int) (*Duty, *Item) {
	for _, du := range d.Duties {
		for _, it := range du.Items {
			if it.N == n {
				return du, it
			}
		}
	}
	return nil, nil
}

// listTitle is a department's list's title: 临沂市…局责任清单, Responsibility
// List of the Linyi … Bureau.
func (m *model) listTitle(d *Department) Text {
	n := m.deptName(d)
	return Text{Zh: n.Zh + d.Title.Zh, En: d.Title.En + " of the " + n.En}
}

func (m *model) deptName(d *Department) Text {
	if b := m.ix.Body(d.Body); b != nil {
		return b.Name
	}
	return Text{Zh: d.Slug, En: d.Slug}
}

// ui returns an interface string the page list uses (goUI: the check stage
// has made sure it is there).
func (m *model) ui(key string) Text { return m.c.UI[key] }
