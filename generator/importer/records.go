package importer

import (
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// records lists the records of a department by the file that holds
// them, relative to the department's folder.
func records(d *content.Department) map[string]any {
	out := map[string]any{"department.toml": d, "services.toml": &content.Services{Services: d.Services}}
	for _, du := range d.Duties {
		out["duties/"+du.ID+".toml"] = du
	}
	for _, b := range d.Boundaries {
		out["boundaries/"+b.ID+".toml"] = b
	}
	for _, s := range d.Systems {
		out["systems/"+s.ID+".toml"] = s
	}
	if d.Accountability != nil {
		out["accountability.toml"] = d.Accountability
	}
	return out
}

// render writes a record file.
func render(rec any) string {
	switch r := rec.(type) {
	case *content.Department:
		return department(r)
	case *content.Duty:
		return duty(r)
	case *content.Boundary:
		return boundary(r)
	case *content.System:
		return system(r)
	case *content.Services:
		return services(r.Services)
	case *content.Accountability:
		return accountability(r)
	}
	return "" // records returns only the types above
}

// files renders a department as its content files, by path relative to
// the department's folder.
func files(d *content.Department) map[string]string {
	out := map[string]string{}
	for name, rec := range records(d) {
		out[name] = render(rec)
	}
	return out
}

// department writes department.toml.
func department(d *content.Department) string {
	w := &tw{}
	w.line("", "# The department's list: its record, title, place in the series, date and the note closing part 一 (部门主要职责).")
	w.str("", "body", d.Body)
	w.inline("", "title", d.Title)
	w.line("", "series = %d", d.Series)
	w.str("", "date", d.Date)
	w.inline("", "date_text", d.DateText)
	w.text("", "duties_note", d.DutiesNote)
	return w.b.String()
}

func duty(du *content.Duty) string {
	w := &tw{}
	w.record("部门主要职责 "+du.ID+": the duty, its responsibility items and its accountability bases.", du.ID, du.Title, du.Regimes, du.Date)
	elements(w, du.Items)
	elements(w, du.Bases)
	return w.b.String()
}

func boundary(b *content.Boundary) string {
	w := &tw{}
	w.record("部门职责边界 "+b.ID+": a matter whose duties the bureau shares with other departments.", b.ID, b.Title, b.Regimes, b.Date)
	for _, l := range []struct {
		key string
		ts  []content.Text
	}{{"joint", b.Joint}, {"bases", b.Bases}, {"examples", b.Examples}} {
		if len(l.ts) > 0 {
			w.blank()
			w.texts("", l.key, l.ts)
		}
	}
	elements(w, b.Divisions)
	return w.b.String()
}

func system(s *content.System) string {
	w := &tw{}
	w.record("事中事后监管制度（"+cnNumeral(atoi(s.ID))+"）: "+s.Title.Zh+".", s.ID, s.Title, s.Regimes, s.Date)
	if len(s.Items) > 0 {
		ns := make([]string, len(s.Items))
		for i, n := range s.Items {
			ns[i] = strconv.Itoa(n)
		}
		w.line("", "items = [%s]", strings.Join(ns, ", "))
	}
	w.text("", "purpose", s.Purpose)
	w.prose("body", s.Body)
	elements(w, s.Sections)
	return w.b.String()
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func services(ss []*content.Service) string {
	w := &tw{}
	w.line("", "# 四、公共服务事项: the public services.")
	elements(w, ss)
	return w.b.String()
}

func accountability(a *content.Accountability) string {
	w := &tw{}
	w.line("", "# 五、责任追究机制: the accountability mechanism.")
	w.str("", "date", a.Date)
	w.text("", "intro", a.Intro)
	elements(w, a.Bodies)
	elements(w, a.Mechanisms)
	return w.b.String()
}

func elements[T any](w *tw, es []*T) {
	for _, e := range es {
		w.element(e)
	}
}

// element writes one element of an array of tables, headed [[key]].
func (w *tw) element(e any) {
	switch e := e.(type) {
	case *content.Item:
		w.table("", "item")
		w.line("", "n = %d", e.N)
		w.text("", "text", e.Text)
		w.strs("regimes", e.Regimes)
	case *content.Basis:
		w.table("", "basis")
		w.str("", "instrument", e.Instrument)
		w.text("", "version", e.Version)
		w.text("", "text", e.Text)
		for _, a := range e.Articles {
			w.table("  ", "basis.article")
			w.inline("  ", "article", a.Article)
			w.texts("  ", "circumstances", a.Circumstances)
		}
	case *content.Division:
		w.table("", "division")
		w.str("", "body", e.Body)
		w.texts("", "duties", e.Duties)
	case *content.Section:
		w.table("", "section")
		w.str("", "id", e.ID)
		w.text("", "title", e.Title)
		w.prose("body", e.Body)
	case *content.Service:
		w.table("", "service")
		w.str("", "id", e.ID)
		w.text("", "title", e.Title)
		w.text("", "content", e.Content)
		w.text("", "office", e.Office)
		w.str("", "phone", e.Phone)
		w.strs("regimes", e.Regimes)
		w.str("", "date", e.Date)
	case *content.AccBody:
		w.table("", "body")
		w.str("", "id", e.ID)
		w.str("", "body", e.Body)
		w.text("", "name", e.Name)
		w.prose("duties", e.Duties)
		w.prose("procedure", e.Procedure)
	case *content.Mechanism:
		w.table("", "mechanism")
		w.str("", "id", e.ID)
		w.text("", "title", e.Title)
		w.prose("body", e.Body)
	}
}
