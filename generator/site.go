package generator

import (
	"fmt"
	"slices"
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
	CiteGroup struct {
		Dept      *Department
		Citations []*Citation
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
		Members []*Regimed
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
func (m *siteModel) pages() ([]*Page, error) {
	b := &pageList{m: m}
	b.add(&Page{Lang: Zh, URL: "/", Template: "root.html", Title: m.ui("site.name"), Data: RootData{}})
	b.add(&Page{Lang: Zh, URL: "/404.html", Template: "404.html", Title: m.ui("notfound.title"), Data: RootData{}})
	for _, l := range Langs {
		b.lang(l)
	}
	return b.pages, b.errs.err()
}

type pageList struct {
	m     *siteModel
	pages []*Page
	errs  errorList
}

func (b *pageList) add(p *Page) { b.pages = append(b.pages, p) }

func (b *pageList) lang(l Lang) {
	m := b.m
	c := m.c
	home := Crumb{m.ui("nav.home"), fmt.Sprintf("/%s/", l)}
	b.add(&Page{Lang: l, URL: home.URL, Template: "home.html", Title: m.ui("site.name"), Data: HomeData{Depts: c.Departments}})
	for _, d := range c.Departments {
		b.department(l, home, d)
	}

	groups := m.kindGroups()
	laws := Crumb{m.ui("laws.title"), fmt.Sprintf("/%s/laws/", l)}
	b.add(&Page{Lang: l, URL: laws.URL, Template: "laws.html", Title: laws.Title, Crumbs: []Crumb{home}, Data: LawsData{Groups: groups}})
	for _, in := range c.Registry.Instruments {
		cs := m.citations[in.ID]
		if len(cs) == 0 {
			b.errs.add(c.loc(in).at("id"), "instrument %s is cited nowhere in the lists: its page would be empty; remove it or cite it", in.ID)
			continue
		}
		b.add(&Page{Lang: l, URL: instrumentURL(l, in), Template: "law.html", Title: in.Name, Crumbs: []Crumb{home, laws},
			Data: LawData{Instrument: in, Kind: m.kinds[in.Kind], Groups: byDept(cs)}})
	}

	bodies := Crumb{m.ui("bodies.title"), fmt.Sprintf("/%s/bodies/", l)}
	b.add(&Page{Lang: l, URL: bodies.URL, Template: "bodies.html", Title: bodies.Title, Crumbs: []Crumb{home}, Data: BodiesData{Bodies: m.bodyPages()}})
	for _, bd := range c.Registry.Bodies {
		if !m.hasBodyPage(bd) {
			b.errs.add(c.loc(bd).at("id"), "body %s is named nowhere in the lists: its page would be empty; remove it or check its names", bd.ID)
			continue
		}
		b.add(&Page{Lang: l, URL: bodyURL(l, bd), Template: "body.html", Title: bd.Name, Crumbs: []Crumb{home, bodies},
			Data: BodyData{Body: bd, Roles: m.roles[bd.ID], Named: byDept(m.named[bd.ID])}})
	}

	regimes := Crumb{m.ui("regimes.title"), fmt.Sprintf("/%s/regimes/", l)}
	b.add(&Page{Lang: l, URL: regimes.URL, Template: "regimes.html", Title: regimes.Title, Crumbs: []Crumb{home}, Data: RegimesData{Regimes: c.Registry.Regimes}})
	for _, g := range c.Registry.Regimes {
		b.add(&Page{Lang: l, URL: regimeURL(l, g), Template: "regime.html", Title: g.Name, Crumbs: []Crumb{home, regimes},
			Data: RegimeData{Regime: g, Members: m.regimed[g.ID]}})
	}

	b.add(&Page{Lang: l, URL: fmt.Sprintf("/%s/glossary/", l), Template: "glossary.html", Title: m.ui("glossary.title"), Crumbs: []Crumb{home},
		Data: GlossaryData{Terms: c.Glossary.Terms, Instruments: c.Registry.Instruments, Bodies: c.Registry.Bodies}})
	b.add(&Page{Lang: l, URL: fmt.Sprintf("/%s/search/", l), Template: "search.html", Title: m.ui("search.title"), Crumbs: []Crumb{home}, Data: RegimesData{Regimes: c.Registry.Regimes}})
	b.add(&Page{Lang: l, URL: fmt.Sprintf("/%s/sitemap/", l), Template: "sitemap.html", Title: m.ui("sitemap.title"), Crumbs: []Crumb{home},
		Data: SitemapData{Depts: c.Departments, Groups: groups, Bodies: m.bodyPages(), Regimes: c.Registry.Regimes}})
}

func (b *pageList) department(l Lang, home Crumb, d *Department) {
	m := b.m
	dc := Crumb{m.listTitle(d), deptURL(l, d)}
	b.add(&Page{Lang: l, URL: dc.URL, Template: "dept.html", Title: dc.Title, Crumbs: []Crumb{home}, Data: DeptData{Dept: d}})

	duties := Crumb{m.ui("part.duties"), dc.URL + "duties/"}
	b.add(&Page{Lang: l, URL: duties.URL, Template: "duties.html", Title: duties.Title, Crumbs: []Crumb{home, dc}, Data: DeptData{Dept: d}})
	for _, du := range d.Duties {
		b.add(&Page{Lang: l, URL: dutyURL(l, d, du), Template: "duty.html", Title: du.Title, Crumbs: []Crumb{home, dc, duties},
			Data: DutyData{Dept: d, Duty: du, Regimes: m.regimeList(du.Regimes), Systems: supervising(d, du)}})
	}

	bounds := Crumb{m.ui("part.boundaries"), dc.URL + "boundaries/"}
	b.add(&Page{Lang: l, URL: bounds.URL, Template: "boundaries.html", Title: bounds.Title, Crumbs: []Crumb{home, dc}, Data: DeptData{Dept: d}})
	for _, bd := range d.Boundaries {
		var bodies []*Body
		for _, dv := range bd.Divisions {
			if x := m.bodies[dv.Body]; x != nil && !slices.Contains(bodies, x) {
				bodies = append(bodies, x)
			}
		}
		b.add(&Page{Lang: l, URL: boundaryURL(l, d, bd), Template: "boundary.html", Title: bd.Title, Crumbs: []Crumb{home, dc, bounds},
			Data: BoundaryData{Dept: d, Boundary: bd, Regimes: m.regimeList(bd.Regimes), Bodies: bodies}})
	}

	systems := Crumb{m.ui("part.systems"), dc.URL + "systems/"}
	b.add(&Page{Lang: l, URL: systems.URL, Template: "systems.html", Title: systems.Title, Crumbs: []Crumb{home, dc}, Data: DeptData{Dept: d}})
	for _, s := range d.Systems {
		var items []ItemRef
		for _, n := range s.Items {
			if du, it := itemDuty(d, n); it != nil {
				items = append(items, ItemRef{du, it})
			}
		}
		b.add(&Page{Lang: l, URL: systemURL(l, d, s), Template: "system.html", Title: s.Title, Crumbs: []Crumb{home, dc, systems},
			Data: SystemData{Dept: d, System: s, Regimes: m.regimeList(s.Regimes), Items: items}})
	}

	b.add(&Page{Lang: l, URL: servicesURL(l, d), Template: "services.html", Title: m.ui("part.services"), Crumbs: []Crumb{home, dc}, Data: DeptData{Dept: d}})
	b.add(&Page{Lang: l, URL: accURL(l, d), Template: "accountability.html", Title: m.ui("part.accountability"), Crumbs: []Crumb{home, dc}, Data: DeptData{Dept: d}})
}

// byDept groups citations by department, keeping their order.
func byDept(cs []*Citation) []CiteGroup {
	var gs []CiteGroup
	for _, c := range cs {
		if len(gs) == 0 || gs[len(gs)-1].Dept != c.Dept {
			gs = append(gs, CiteGroup{Dept: c.Dept})
		}
		gs[len(gs)-1].Citations = append(gs[len(gs)-1].Citations, c)
	}
	return gs
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

func (m *siteModel) regimeList(ids []string) []*Regime {
	var out []*Regime
	for _, g := range m.c.Registry.Regimes { // registry order
		if slices.Contains(ids, g.ID) {
			out = append(out, g)
		}
	}
	return out
}

func (m *siteModel) kindGroups() []KindGroup {
	var gs []KindGroup
	for _, k := range m.c.Registry.Kinds {
		g := KindGroup{Kind: k}
		for _, in := range m.c.Registry.Instruments {
			if in.Kind == k.ID && len(m.citations[in.ID]) > 0 {
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
func (m *siteModel) bodyPages() []*Body {
	var out []*Body
	for _, b := range m.c.Registry.Bodies {
		if m.hasBodyPage(b) {
			out = append(out, b)
		}
	}
	return out
}

func (m *siteModel) hasBodyPage(b *Body) bool {
	return len(m.roles[b.ID]) > 0 || len(m.named[b.ID]) > 0
}

// listTitle is a department's list's title: 临沂市…局责任清单, Responsibility
// List of the Linyi … Bureau.
func (m *siteModel) listTitle(d *Department) Text {
	n := m.deptName(d)
	return Text{Zh: n.Zh + d.Title.Zh, En: d.Title.En + " of the " + n.En}
}

func (m *siteModel) deptName(d *Department) Text {
	if b := m.bodies[d.Body]; b != nil {
		return b.Name
	}
	return Text{Zh: d.Slug, En: d.Slug}
}

// ui returns an interface string; a missing key gives a visible marker that
// the render stage refuses.
func (m *siteModel) ui(key string) Text {
	if t, ok := m.c.UI[key]; ok {
		return t
	}
	return Text{Zh: missingUI + key, En: missingUI + key}
}

const missingUI = "MISSING-UI-STRING:"
