package generator

import (
	"fmt"
	"slices"
	"strings"
)

// Page is one page of the site in one language. Data holds the typed
// records its template shows.
type Page struct {
	Lang     Lang
	URL      string // site path: /zh/linyi-qts/duties/3/
	Template string // file under layouts/
	Title    Text   // the page's h1 and <title>, both languages
	Crumbs   []Crumb
	Data     any
}

// Crumb is one step of a page's breadcrumbs.
type Crumb struct {
	Title Text
	URL   string
}

// File is where the page is written under public/.
func (p *Page) File() string {
	if strings.HasSuffix(p.URL, "/") {
		return strings.TrimPrefix(p.URL, "/") + "index.html"
	}
	return strings.TrimPrefix(p.URL, "/")
}

// Twin is the URL of the same page in the other language.
func (p *Page) Twin() string {
	other := En
	if p.Lang == En {
		other = Zh
	}
	return "/" + string(other) + strings.TrimPrefix(p.URL, "/"+string(p.Lang))
}

// Citation is one place a list cites an instrument.
type Citation struct {
	Dept  *Department
	URL   string // page and anchor
	Where Text   // what the place is, e.g. 主要职责 3 …
	Basis *Basis // set for a structured accountability basis
}

// BodyRole is one place a list gives a body a part.
type BodyRole struct {
	Dept     *Department
	Boundary *Boundary
	Division *Division
	Acc      *AccBody
	Mention  *Citation // where the list names the body in its text
}

// Regimed gathers what belongs to one regime, in the lists' order.
type Regimed struct {
	Dept        *Department
	Duties      []*Duty
	Items       map[string][]*Item // by duty ID: the items of the regime
	Systems     []*System
	Boundaries  []*Boundary
	Services    []*Service
	Instruments []*Instrument
}

// siteModel is the checked content with the cross-references the pages
// show: who cites what, who belongs where.
type siteModel struct {
	*Index
	citations map[string][]*Citation // instrument ID → places
	named     map[string][]*Citation // body ID → places its name is in
	roles     map[string][]*BodyRole // body ID → parts
	regimed   map[string][]*Regimed  // regime ID → per department
	bodyNames map[Lang]*bodyNames    // for linking body names, made by render
	depts     map[string]*Department // by slug
}

// Dept URL helpers: every URL is a site path; templates make it relative.
func deptURL(l Lang, d *Department) string { return fmt.Sprintf("/%s/%s/", l, d.Slug) }
func dutyURL(l Lang, d *Department, du *Duty) string {
	return fmt.Sprintf("/%s/%s/duties/%s/", l, d.Slug, du.ID)
}
func boundaryURL(l Lang, d *Department, b *Boundary) string {
	return fmt.Sprintf("/%s/%s/boundaries/%s/", l, d.Slug, b.ID)
}
func systemURL(l Lang, d *Department, s *System) string {
	return fmt.Sprintf("/%s/%s/systems/%s/", l, d.Slug, s.ID)
}
func servicesURL(l Lang, d *Department) string { return fmt.Sprintf("/%s/%s/services/", l, d.Slug) }
func accURL(l Lang, d *Department) string {
	return fmt.Sprintf("/%s/%s/accountability/", l, d.Slug)
}
func instrumentURL(l Lang, in *Instrument) string { return fmt.Sprintf("/%s/laws/%s/", l, in.ID) }
func bodyURL(l Lang, b *Body) string              { return fmt.Sprintf("/%s/bodies/%s/", l, b.ID) }
func regimeURL(l Lang, g *Regime) string          { return fmt.Sprintf("/%s/regimes/%s/", l, g.ID) }

// newSiteModel gathers citations, body roles and regime members.
func newSiteModel(ix *Index) *siteModel {
	m := &siteModel{Index: ix, citations: map[string][]*Citation{}, named: map[string][]*Citation{}, roles: map[string][]*BodyRole{}, regimed: map[string][]*Regimed{}}
	m.depts = map[string]*Department{}
	for _, d := range ix.c.Departments {
		m.depts[d.Slug] = d
		m.gather(d)
	}
	return m
}

// place is a location in a department's list that text can sit in.
type place struct {
	d     *Department
	url   string // zh URL with anchor; the English twin differs by prefix
	where Text
}

func (m *siteModel) gather(d *Department) {
	label := func(zhPart, enPart string, id string, title Text) Text {
		return Text{Zh: fmt.Sprintf("%s %s：%s", zhPart, id, title.Zh), En: fmt.Sprintf("%s %s: %s", enPart, id, plain(En, title.En, m))}
	}
	for _, du := range d.Duties {
		p := place{d, dutyURL(Zh, d, du), label("主要职责", "Main duty", du.ID, du.Title)}
		for _, it := range du.Items {
			ip := p.at(fmt.Sprintf("#item-%d", it.N))
			ip.where = Text{Zh: fmt.Sprintf("%s（责任事项%d）", p.where.Zh, it.N), En: fmt.Sprintf("%s (responsibility item %d)", p.where.En, it.N)}
			m.cite(ip, it.Text.Zh)
		}
		for k, b := range du.Bases {
			bp := p.at(fmt.Sprintf("#basis-%d", k+1))
			bp.where = Text{Zh: fmt.Sprintf("%s（追责依据%d）", p.where.Zh, k+1), En: fmt.Sprintf("%s (basis %d)", p.where.En, k+1)}
			if in := m.instruments[b.Instrument]; in != nil {
				m.citations[in.ID] = append(m.citations[in.ID], &Citation{Dept: d, URL: bp.url, Where: bp.where, Basis: b})
			}
			m.cite(bp, b.Version.Zh)
			m.cite(bp, b.Text.Zh)
			for _, a := range b.Articles {
				for _, c := range a.Circumstances {
					m.cite(bp, c.Zh)
				}
			}
		}
	}
	m.cite(place{d, fmt.Sprintf("/zh/%s/duties/#note", d.Slug), Text{Zh: "部门主要职责：注", En: "Main duties: note"}}, d.DutiesNote.Zh)
	for _, b := range d.Boundaries {
		p := place{d, boundaryURL(Zh, d, b), label("职责边界", "Boundary", b.ID, b.Title)}
		for k, dv := range b.Divisions {
			dp := p.at(fmt.Sprintf("#division-%d", k+1))
			m.roles[dv.Body] = append(m.roles[dv.Body], &BodyRole{Dept: d, Boundary: b, Division: dv})
			for _, t := range dv.Duties {
				m.cite(dp, t.Zh)
			}
		}
		for _, t := range b.Joint {
			m.cite(p.at("#joint"), t.Zh)
		}
		for _, t := range b.Bases {
			m.cite(p.at("#bases"), t.Zh)
		}
		for k, t := range b.Examples {
			m.cite(p.at(fmt.Sprintf("#example-%d", k+1)), t.Zh)
		}
	}
	for _, s := range d.Systems {
		p := place{d, systemURL(Zh, d, s), label("监管制度", "Supervision system", s.ID, s.Title)}
		m.cite(p, s.Purpose.Zh)
		m.cite(p, s.Body.Zh)
		for _, sec := range s.Sections {
			m.cite(p.at("#"+sec.ID), sec.Body.Zh)
		}
	}
	for _, s := range d.Services {
		p := place{d, servicesURL(Zh, d) + "#service-" + s.ID, label("公共服务", "Public service", s.ID, s.Title)}
		m.cite(p, s.Content.Zh)
	}
	a := d.Accountability
	ap := place{d, accURL(Zh, d), Text{Zh: "责任追究机制", En: "Accountability mechanism"}}
	m.cite(ap, a.Intro.Zh)
	for _, b := range a.Bodies {
		m.roles[b.Body] = append(m.roles[b.Body], &BodyRole{Dept: d, Acc: b})
		bp := ap.at("#" + b.ID)
		bp.where = Text{Zh: ap.where.Zh + "：" + b.Name.Zh, En: ap.where.En + ": " + b.Name.En}
		m.cite(bp, b.Duties.Zh)
		m.cite(bp, b.Procedure.Zh)
	}
	for _, mc := range a.Mechanisms {
		m.cite(ap.at("#"+mc.ID), mc.Body.Zh)
	}
	if b := m.bodies[d.Body]; b != nil {
		m.roles[b.ID] = append(m.roles[b.ID], &BodyRole{Dept: d})
	}
	m.members(d)
}

func (p place) at(anchor string) place {
	base, _, _ := strings.Cut(p.url, "#")
	p.url = base + anchor
	return p
}

// cite records every instrument the Chinese text s mentions, and every body
// it names, once per place.
func (m *siteModel) cite(p place, s string) {
	for _, b := range m.c.Registry.Bodies {
		if !namesBody(s, b) {
			continue
		}
		if ns := m.named[b.ID]; len(ns) == 0 || ns[len(ns)-1].URL != p.url {
			m.named[b.ID] = append(ns, &Citation{Dept: p.d, URL: p.url, Where: p.where})
		}
	}
	for _, title := range mentionTitles(s) {
		in := m.Resolve(Zh, title)
		if in == nil {
			continue
		}
		cs := m.citations[in.ID]
		if len(cs) > 0 && cs[len(cs)-1].URL == p.url && cs[len(cs)-1].Basis == nil {
			continue
		}
		m.citations[in.ID] = append(cs, &Citation{Dept: p.d, URL: p.url, Where: p.where})
	}
}

// namesBody reports whether s names b by its full or short name or an alias.
func namesBody(s string, b *Body) bool {
	if s == "" {
		return false
	}
	for _, n := range append([]string{b.Name.Zh, b.Short.Zh}, b.Aliases.Zh...) {
		if n != "" && strings.Contains(s, n) {
			return true
		}
	}
	return false
}

// mentionTitles lists the titles of the 《…》 mentions in s, in order.
func mentionTitles(s string) []string {
	var out []string
	eachMention([]byte(s), func(_, _ int, title string, ok bool) {
		if ok {
			out = append(out, title)
		}
	})
	return out
}

// members files a department's records under their regimes.
func (m *siteModel) members(d *Department) {
	get := func(id string) *Regimed {
		rs := m.regimed[id]
		if len(rs) == 0 || rs[len(rs)-1].Dept != d {
			rs = append(rs, &Regimed{Dept: d, Items: map[string][]*Item{}})
			m.regimed[id] = rs
		}
		return rs[len(rs)-1]
	}
	for _, du := range d.Duties {
		for _, id := range du.Regimes {
			r := get(id)
			r.Duties = append(r.Duties, du)
		}
		for _, it := range du.Items {
			for _, id := range it.Regimes {
				r := get(id)
				if !slices.Contains(r.Duties, du) {
					r.Duties = append(r.Duties, du)
				}
				r.Items[du.ID] = append(r.Items[du.ID], it)
			}
		}
	}
	for _, s := range d.Systems {
		for _, id := range s.Regimes {
			r := get(id)
			r.Systems = append(r.Systems, s)
		}
	}
	for _, b := range d.Boundaries {
		for _, id := range b.Regimes {
			r := get(id)
			r.Boundaries = append(r.Boundaries, b)
		}
	}
	for _, s := range d.Services {
		for _, id := range s.Regimes {
			r := get(id)
			r.Services = append(r.Services, s)
		}
	}
	// The instruments cited in a regime's duties, systems and boundaries.
	for _, rs := range m.regimed {
		for _, r := range rs {
			if r.Dept != d {
				continue
			}
			seen := map[string]bool{}
			add := func(in *Instrument) {
				if in != nil && !seen[in.ID] {
					seen[in.ID] = true
					r.Instruments = append(r.Instruments, in)
				}
			}
			for _, du := range r.Duties {
				for _, b := range du.Bases {
					add(m.instruments[b.Instrument])
				}
			}
			for _, s := range r.Systems {
				for _, t := range systemMentions(s) {
					add(m.Resolve(Zh, t))
				}
			}
			for _, b := range r.Boundaries {
				for _, t := range b.Bases {
					for _, title := range mentionTitles(t.Zh) {
						add(m.Resolve(Zh, title))
					}
				}
			}
			slices.SortStableFunc(r.Instruments, func(a, b *Instrument) int { return m.instrumentOrder(a) - m.instrumentOrder(b) })
		}
	}
}

func systemMentions(s *System) []string {
	out := mentionTitles(s.Purpose.Zh)
	out = append(out, mentionTitles(s.Body.Zh)...)
	for _, sec := range s.Sections {
		out = append(out, mentionTitles(sec.Body.Zh)...)
	}
	return out
}

// instrumentOrder is an instrument's place in the registry.
func (m *siteModel) instrumentOrder(in *Instrument) int {
	return slices.Index(m.c.Registry.Instruments, in)
}

// Item lookup by number within a department.
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
