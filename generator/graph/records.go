package graph

import (
	"fmt"
	"slices"

	"qingdan/generator/content"
	"qingdan/generator/markup"
)

// department adds a department's records, in the list's order.
func (g *Graph) department(d *content.Department) {
	if b := g.Index.Body(d.Body); b != nil {
		g.roles[b] = append(g.roles[b], &Record{Dept: d, Page: d.Slug + "/"})
	}
	for _, du := range d.Duties {
		g.duty(d, du)
	}
	g.add(&Record{Kind: Note, Dept: d, Page: d.Slug + "/duties/", Anchor: "note", Date: d.Date,
		Label: content.Text{Zh: "部门主要职责：注", En: "Main duties: note"}, Texts: []content.Text{d.DutiesNote}})
	for _, b := range d.Boundaries {
		g.boundary(d, b)
	}
	for _, s := range d.Systems {
		g.system(d, s)
	}
	for _, s := range d.Services {
		g.add(&Record{Kind: Service, Dept: d, Value: s, Page: d.Slug + "/services/", Anchor: "service-" + s.ID,
			Title: s.Title, Label: label("公共服务", "Public service", s.ID, s.Title, g.Index),
			Regimes: g.regimes(s.Regimes), Date: dated(s.Date, d.Date), Texts: []content.Text{s.Content}})
	}
	if a := d.Accountability; a != nil {
		g.accountability(d, a)
	}
}

func (g *Graph) duty(d *content.Department, du *content.Duty) {
	r := g.add(&Record{Kind: Duty, Dept: d, Value: du, Page: fmt.Sprintf("%s/duties/%s/", d.Slug, du.ID),
		Title: du.Title, Label: label("主要职责", "Main duty", du.ID, du.Title, g.Index),
		Regimes: g.regimes(du.Regimes), Date: dated(du.Date, d.Date)})
	for _, it := range du.Items {
		g.add(&Record{Kind: Item, Dept: d, Parent: r, Value: it, Page: r.Page, Anchor: fmt.Sprintf("item-%d", it.N),
			Title: it.Text, Label: content.Text{Zh: fmt.Sprintf("%s（责任事项%d）", r.Label.Zh, it.N), En: fmt.Sprintf("%s (responsibility item %d)", r.Label.En, it.N)},
			Regimes: g.regimes(it.Regimes), Date: r.Date, Texts: []content.Text{it.Text}})
	}
	for k, b := range du.Bases {
		texts := []content.Text{b.Version, b.Text}
		for _, a := range b.Articles {
			texts = append(texts, a.Circumstances...)
		}
		g.add(&Record{Kind: Basis, Dept: d, Parent: r, Value: b, Basis: b, Page: r.Page, Anchor: fmt.Sprintf("basis-%d", k+1),
			Label:   content.Text{Zh: fmt.Sprintf("%s（追责依据%d）", r.Label.Zh, k+1), En: fmt.Sprintf("%s (basis %d)", r.Label.En, k+1)},
			Regimes: r.Regimes, Date: r.Date, Texts: texts})
	}
}

func (g *Graph) boundary(d *content.Department, b *content.Boundary) {
	r := g.add(&Record{Kind: Boundary, Dept: d, Value: b, Page: fmt.Sprintf("%s/boundaries/%s/", d.Slug, b.ID),
		Title: b.Title, Label: label("职责边界", "Boundary", b.ID, b.Title, g.Index),
		Regimes: g.regimes(b.Regimes), Date: dated(b.Date, d.Date)})
	part := func(k Kind, anchor string, v any, texts []content.Text, what content.Text) *Record {
		return g.add(&Record{Kind: k, Dept: d, Parent: r, Value: v, Page: r.Page, Anchor: anchor,
			Label: sub(r.Label, what), Regimes: r.Regimes, Date: r.Date, Texts: texts})
	}
	for k, dv := range b.Divisions {
		name := content.Text{Zh: dv.Body, En: dv.Body}
		x := g.Index.Body(dv.Body)
		if x != nil {
			name = x.ShortOr()
		}
		dr := part(Division, fmt.Sprintf("division-%d", k+1), dv, dv.Duties, name)
		dr.Title = name
		if x != nil {
			g.roles[x] = append(g.roles[x], dr)
		}
	}
	if len(b.Joint) > 0 {
		part(Joint, "joint", nil, b.Joint, content.Text{Zh: "共同职责", En: "joint duties"})
	}
	if len(b.Bases) > 0 {
		part(BoundaryBases, "bases", nil, b.Bases, content.Text{Zh: "相关依据", En: "related bases"})
	}
	for k, t := range b.Examples {
		part(Example, fmt.Sprintf("example-%d", k+1), nil, []content.Text{t}, content.Text{Zh: fmt.Sprintf("事例%d", k+1), En: fmt.Sprintf("example %d", k+1)})
	}
}

func (g *Graph) system(d *content.Department, s *content.System) {
	r := g.add(&Record{Kind: System, Dept: d, Value: s, Page: fmt.Sprintf("%s/systems/%s/", d.Slug, s.ID),
		Title: s.Title, Label: label("监管制度", "Supervision system", s.ID, s.Title, g.Index),
		Regimes: g.regimes(s.Regimes), Date: dated(s.Date, d.Date),
		Texts: []content.Text{s.Purpose, content.Text(s.Body)}})
	for _, sec := range s.Sections {
		g.add(&Record{Kind: Section, Dept: d, Parent: r, Value: sec, Page: r.Page, Anchor: sec.ID,
			Title: sec.Title, Label: sub(r.Label, plainTitle(sec.Title, g.Index)), Regimes: r.Regimes, Date: r.Date, Texts: []content.Text{content.Text(sec.Body)}})
	}
}

func (g *Graph) accountability(d *content.Department, a *content.Accountability) {
	r := g.add(&Record{Kind: Accountability, Dept: d, Value: a, Page: d.Slug + "/accountability/",
		Label: content.Text{Zh: "责任追究机制", En: "Accountability mechanism"}, Date: dated(a.Date, d.Date),
		Texts: []content.Text{a.Intro}})
	for _, b := range a.Bodies {
		br := g.add(&Record{Kind: AccBody, Dept: d, Parent: r, Value: b, Page: r.Page, Anchor: b.ID, Title: b.Name,
			Label: content.Text{Zh: r.Label.Zh + "：" + b.Name.Zh, En: r.Label.En + ": " + b.Name.En},
			Date:  r.Date, Texts: []content.Text{content.Text(b.Duties), content.Text(b.Procedure)}})
		if x := g.Index.Body(b.Body); x != nil {
			g.roles[x] = append(g.roles[x], br)
		}
	}
	for _, m := range a.Mechanisms {
		g.add(&Record{Kind: Mechanism, Dept: d, Parent: r, Value: m, Page: r.Page, Anchor: m.ID, Title: m.Title,
			Label: content.Text{Zh: r.Label.Zh + "：" + m.Title.Zh, En: r.Label.En + ": " + markup.Plain(content.En, m.Title.En, g.Index)}, Date: r.Date, Texts: []content.Text{content.Text(m.Body)}})
	}
}

// registry adds the shared records: instruments, bodies and regimes.
func (g *Graph) registry() {
	reg := g.Content.Registry
	for _, in := range reg.Instruments {
		g.add(&Record{Kind: Instrument, Value: in, Page: "laws/" + in.ID + "/", Title: in.Name})
	}
	for _, b := range reg.Bodies {
		g.add(&Record{Kind: Body, Value: b, Page: "bodies/" + b.ID + "/", Title: b.Name})
	}
	for _, r := range reg.Regimes {
		g.add(&Record{Kind: Regime, Value: r, Page: "regimes/" + r.ID + "/", Title: r.Name, Regimes: []*content.Regime{r}})
	}
}

// regimeMembers files a department's records under their regimes.
func (g *Graph) regimeMembers(d *content.Department, recs []*Record) {
	get := func(rg *content.Regime) *Regimed {
		rs := g.members[rg]
		if len(rs) == 0 || rs[len(rs)-1].Dept != d {
			rs = append(rs, &Regimed{Dept: d, Items: map[*content.Duty][]*content.Item{}})
			g.members[rg] = rs
		}
		return rs[len(rs)-1]
	}
	for _, r := range recs {
		for _, rg := range r.Regimes {
			m := get(rg)
			switch v := r.Value.(type) {
			case *content.Duty:
				m.Duties = append(m.Duties, v)
			case *content.Item:
				du := r.Parent.Value.(*content.Duty)
				if !slices.Contains(m.Duties, du) {
					m.Duties = append(m.Duties, du)
				}
				m.Items[du] = append(m.Items[du], v)
			case *content.System:
				m.Systems = append(m.Systems, v)
			case *content.Boundary:
				m.Boundaries = append(m.Boundaries, v)
			case *content.Service:
				m.Services = append(m.Services, v)
			}
		}
	}
	g.regimeInstruments(d, recs)
}

// regimeInstruments lists, for each regime of a department, the
// instruments its duties are bases of and its systems and boundary matters
// cite, in registry order.
func (g *Graph) regimeInstruments(d *content.Department, recs []*Record) {
	order := map[*content.Instrument]int{}
	for i, in := range g.Content.Registry.Instruments {
		order[in] = i
	}
	for _, rs := range g.members {
		m := rs[len(rs)-1]
		if m.Dept != d {
			continue
		}
		add := func(ins ...*content.Instrument) {
			for _, in := range ins {
				if !slices.Contains(m.Instruments, in) {
					m.Instruments = append(m.Instruments, in)
				}
			}
		}
		for _, du := range m.Duties {
			for _, b := range du.Bases {
				if in := g.Index.Instrument(b.Instrument); in != nil {
					add(in)
				}
			}
		}
		for _, r := range recs {
			switch v := r.Parent.valueOr(r.Value).(type) {
			case *content.System:
				if slices.Contains(m.Systems, v) {
					add(r.Cites...)
				}
			case *content.Boundary:
				if r.Kind == BoundaryBases && slices.Contains(m.Boundaries, v) {
					add(r.Cites...)
				}
			}
		}
		slices.SortStableFunc(m.Instruments, func(a, b *content.Instrument) int { return order[a] - order[b] })
	}
}

// valueOr is the record's value, or v for a nil record.
func (r *Record) valueOr(v any) any {
	if r == nil {
		return v
	}
	return r.Value
}

// sub labels a part of a place: 职责边界 4：物业监管工作（事例2）, Boundary 4:
// Property management (example 2).
func sub(l, what content.Text) content.Text {
	return content.Text{Zh: l.Zh + "（" + what.Zh + "）", En: l.En + " (" + what.En + ")"}
}

func plainTitle(t content.Text, res markup.Resolver) content.Text {
	return content.Text{Zh: t.Zh, En: markup.Plain(content.En, t.En, res)}
}
