package site

import (
	"html/template"
	"slices"

	"qingdan/generator/chart"
	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// This file holds the view helpers that draw the pictures (package chart)
// from the record graph: the list at a glance, who does what at the
// boundaries, and procedures as timelines. Every word comes from
// content/i18n.toml (pictureUI) or from the content.

// pictureUI are the interface strings the pictures use, beside those the
// templates name; checkUI holds them to i18n.toml like the others.
var pictureUI = []string{"glance.duties", "glance.items", "glance.bases", "glance.circumstances",
	"glance.boundaries", "glance.systems", "glance.services", "glance.instruments", "glance.bars",
	"chart.data", "chart.regime", "chart.items", "chart.bars.desc", "chart.matter", "role.lead",
	"role.shares", "role.coordinates", "chart.legend", "chart.matrix.desc", "chart.deadline",
	"chart.within", "unit.day", "unit.days", "unit.month", "unit.months", "chart.timeline.desc"}

// uiReader reads interface strings and keeps the first one missing.
type uiReader struct {
	v   *View
	err error
}

func (r *uiReader) get(key string) string {
	s, err := r.v.UI(key)
	if err != nil && r.err == nil {
		r.err = err
	}
	return s
}

// labels are the pictures' words in the page's language.
func (r *uiReader) labels() chart.Labels {
	return chart.Labels{
		Data: r.get("chart.data"), Regime: r.get("chart.regime"), Items: r.get("chart.items"),
		BarsDesc: r.get("chart.bars.desc"), Matter: r.get("chart.matter"), Lead: r.get("role.lead"),
		Shares: r.get("role.shares"), Coordinates: r.get("role.coordinates"), Legend: r.get("chart.legend"),
		MatrixDesc: r.get("chart.matrix.desc"), Deadline: r.get("chart.deadline"), Within: r.get("chart.within"),
		Day: r.get("unit.day"), Days: r.get("unit.days"), Month: r.get("unit.month"), Months: r.get("unit.months"),
		TimelineDesc: r.get("chart.timeline.desc"),
	}
}

// Glance is what the list at a glance counts in some departments' lists,
// computed from the record graph.
type Glance struct {
	Duties, Items, Bases, Circumstances, Boundaries, Systems, Services int
	Instruments                                                        int // distinct instruments cited
}

// glance counts the records of depts in the graph.
func (m *model) glance(depts []*Department) Glance {
	var n Glance
	cited := map[*content.Instrument]bool{}
	for _, r := range m.g.Records {
		if r.Dept == nil || !slices.Contains(depts, r.Dept) {
			continue
		}
		switch r.Kind {
		case graph.Duty:
			n.Duties++
		case graph.Item:
			n.Items++
		case graph.Basis:
			n.Bases++
			for _, a := range r.Basis.Articles {
				n.Circumstances += len(a.Circumstances)
			}
		case graph.Boundary:
			n.Boundaries++
		case graph.System:
			n.Systems++
		case graph.Service:
			n.Services++
		}
		for _, in := range r.Cites {
			cited[in] = true
		}
	}
	n.Instruments = len(cited)
	return n
}

// AtAGlance draws the list at a glance: the parts of the lists of ds
// counted, each count linking to its part when ds is one department.
// Without ds it counts every list (the site's home).
func (v *View) AtAGlance(ds ...*Department) (template.HTML, error) {
	var d *Department
	if len(ds) == 1 {
		d = ds[0]
	}
	if len(ds) == 0 {
		ds = v.m.c.Departments
	}
	r := &uiReader{v: v}
	link := func(part string) string {
		if d == nil {
			return ""
		}
		return v.Rel(deptURL(v.Lang, d, part))
	}
	n := v.m.glance(ds)
	counts := []chart.Count{
		{Label: r.get("glance.duties"), N: n.Duties, URL: link("duties/")},
		{Label: r.get("glance.items"), N: n.Items, URL: link("duties/")},
		{Label: r.get("glance.bases"), N: n.Bases, URL: link("duties/")},
		{Label: r.get("glance.circumstances"), N: n.Circumstances, URL: link("duties/")},
		{Label: r.get("glance.boundaries"), N: n.Boundaries, URL: link("boundaries/")},
		{Label: r.get("glance.systems"), N: n.Systems, URL: link("systems/")},
		{Label: r.get("glance.services"), N: n.Services, URL: link("services/")},
		{Label: r.get("glance.instruments"), N: n.Instruments, URL: v.Path("laws/")},
	}
	if r.err != nil {
		return "", r.err
	}
	return chart.RenderCounts(counts)
}

// ItemsPerRegime draws the responsibility items of the lists of ds (every
// list without ds) per regime as bars linking to the regimes.
func (v *View) ItemsPerRegime(ds ...*Department) (template.HTML, error) {
	if len(ds) == 0 {
		ds = v.m.c.Departments
	}
	r := &uiReader{v: v}
	l := r.labels()
	bars := chart.Bars{ID: "glance-regimes", Title: r.get("glance.bars"), Bars: v.regimeBars(ds)}
	if r.err != nil {
		return "", r.err
	}
	return chart.RenderBars(bars, l)
}

// regimeBars counts the responsibility items of depts in each regime, in
// the registry's order; each bar links to its regime.
func (v *View) regimeBars(depts []*Department) []chart.Count {
	var out []chart.Count
	for _, g := range v.m.c.Registry.Regimes {
		n := 0
		for _, mb := range v.m.g.Members(g) {
			if slices.Contains(depts, mb.Dept) {
				for _, its := range mb.Items {
					n += len(its)
				}
			}
		}
		out = append(out, chart.Count{Label: v.PlainText(g.Name), N: n, URL: v.RegimeURL(g)})
	}
	return out
}

// roles maps a division's role to the picture's.
var roles = map[string]chart.Role{
	content.RoleLead: chart.Lead, content.RoleShares: chart.Shares, content.RoleCoordinates: chart.Coordinates,
}

// BoundaryMatrix draws one boundary matter's row: its departments and their
// roles, each cell linking to the division on the page.
func (v *View) BoundaryMatrix(d *Department, b *Boundary) (template.HTML, error) {
	r := &uiReader{v: v}
	return v.matrix(r, "matrix-"+b.ID, r.get("matrix.one"), d, []*Boundary{b}, false)
}

// BoundariesMatrix draws every boundary matter of a list against every
// department with a division in one, each row linking to its matter and
// each cell to its division.
func (v *View) BoundariesMatrix(d *Department) (template.HTML, error) {
	r := &uiReader{v: v}
	return v.matrix(r, "matrix", r.get("matrix.title"), d, d.Boundaries, true)
}

// matrix draws bs as rows; the columns are the departments in the order
// they first have a division. A department with two divisions in a matter
// has one cell, linking to the first.
func (v *View) matrix(r *uiReader, id, title string, d *Department, bs []*Boundary, rowLinks bool) (template.HTML, error) {
	l := r.labels()
	m := chart.Matrix{ID: id, Title: title}
	col := map[string]int{}
	for _, b := range bs {
		row := chart.Row{Label: v.PlainText(b.Title)}
		if rowLinks {
			row.URL = v.BoundaryURL(d, b)
		}
		for _, dv := range b.Divisions {
			j, ok := col[dv.Body]
			if !ok {
				j = len(m.Columns)
				col[dv.Body] = j
				m.Columns = append(m.Columns, v.column(dv.Body))
			}
			if slices.ContainsFunc(row.Cells, func(c chart.Cell) bool { return c.Column == j }) {
				continue
			}
			row.Cells = append(row.Cells, chart.Cell{Column: j, Role: roles[dv.DivisionRole()], URL: v.RecordURL(v.m.g.Of(dv))})
		}
		m.Rows = append(m.Rows, row)
	}
	if r.err != nil {
		return "", r.err
	}
	return chart.RenderMatrix(m, l)
}

// column heads a department's column with its short name, linking to its
// page where it has one.
func (v *View) column(id string) chart.Header {
	b := v.Body(id)
	h := chart.Header{Label: v.PlainText(b.ShortOr())}
	if v.HasPage(b) {
		h.URL = v.BodyURL(b)
	}
	return h
}

// units maps a deadline's unit to the picture's.
var units = map[string]chart.Unit{content.UnitDay: chart.Days, content.UnitMonth: chart.Months}

// Timeline draws a system section's steps with their deadlines; a section
// without steps draws nothing.
func (v *View) Timeline(sec *content.Section) (template.HTML, error) {
	if len(sec.Steps) == 0 {
		return "", nil
	}
	r := &uiReader{v: v}
	l := r.labels()
	if r.err != nil {
		return "", r.err
	}
	t := chart.Timeline{ID: "timeline-" + sec.ID, Title: v.PlainText(sec.Title)}
	for _, st := range sec.Steps {
		s := chart.Step{Name: v.PlainText(st.Name), Label: v.PlainText(st.Text), LabelHTML: v.Linked(st.Text)}
		if dl := st.Deadline; dl != nil {
			s.Deadline = &chart.Deadline{N: dl.N, Unit: units[dl.Unit], From: v.PlainText(dl.From), Extension: v.PlainText(dl.Extension)}
		}
		t.Steps = append(t.Steps, s)
	}
	return chart.RenderTimeline(t, l)
}
