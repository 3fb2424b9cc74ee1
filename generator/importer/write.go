package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// tw writes TOML in the layout of the curated content files: Text fields
// as dotted keys (title.zh = "…"), short ones as inline tables, lists of
// Text as one inline table a line, Prose as multi-line literal strings.
// The same records always give the same bytes.
type tw struct{ b strings.Builder }

func (w *tw) line(indent, format string, args ...any) {
	w.b.WriteString(indent + fmt.Sprintf(format, args...) + "\n")
}

// table opens an array-of-tables element ([[name]]), after a blank line.
func (w *tw) table(indent, name string) {
	w.blank()
	w.line(indent, "[[%s]]", name)
}

// record writes the head every record file starts with: its comment, id,
// title, regimes and date.
func (w *tw) record(comment, id string, title content.Text, regimes []string, date string) {
	w.line("", "# %s", comment)
	w.str("", "id", id)
	w.text("", "title", title)
	w.strs("regimes", regimes)
	w.str("", "date", date)
}

// blank writes an empty line, never two in a row or at the start.
func (w *tw) blank() {
	if s := w.b.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteString("\n")
	}
}

func (w *tw) str(indent, key, v string) {
	if v != "" {
		w.line(indent, "%s = %s", key, quote(v))
	}
}

// text writes t as key.zh = "…" (and key.en), skipping an empty field.
func (w *tw) text(indent, key string, t content.Text) {
	w.str(indent, key+".zh", t.Zh)
	w.str(indent, key+".en", t.En)
}

// inline writes t as key = { zh = "…", en = "…" }.
func (w *tw) inline(indent, key string, t content.Text) {
	if t.Zh != "" || t.En != "" {
		w.line(indent, "%s = %s", key, inlineText(t))
	}
}

func inlineText(t content.Text) string {
	s := "{ zh = " + quote(t.Zh)
	if t.En != "" {
		s += ", en = " + quote(t.En)
	}
	return s + " }"
}

// texts writes a list of Text, one entry a line.
func (w *tw) texts(indent, key string, ts []content.Text) {
	if len(ts) == 0 {
		return
	}
	w.line(indent, "%s = [", key)
	for _, t := range ts {
		w.line(indent, "  %s,", inlineText(t))
	}
	w.line(indent, "]")
}

// prose writes p as multi-line literal strings, key.zh and key.en.
func (w *tw) prose(key string, p content.Prose) {
	for _, v := range []struct{ lang, s string }{{"zh", p.Zh}, {"en", p.En}} {
		switch {
		case v.s == "":
		case strings.Contains(v.s, "'''"):
			w.line("", "%s.%s = %s", key, v.lang, quote(v.s+"\n"))
		default:
			w.line("", "%s.%s = '''\n%s\n'''", key, v.lang, strings.TrimRight(v.s, "\n"))
		}
	}
}

func (w *tw) strs(key string, ss []string) {
	if len(ss) > 0 {
		q := make([]string, len(ss))
		for i, s := range ss {
			q[i] = quote(s)
		}
		w.line("", "%s = [%s]", key, strings.Join(q, ", "))
	}
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

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

// writeFiles writes the files under dir, creating folders.
func writeFiles(dir string, fs map[string]string) error {
	for name, text := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

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
	for _, it := range du.Items {
		w.table("", "item")
		w.line("", "n = %d", it.N)
		w.text("", "text", it.Text)
		w.strs("regimes", it.Regimes)
	}
	for _, b := range du.Bases {
		w.table("", "basis")
		w.str("", "instrument", b.Instrument)
		w.text("", "version", b.Version)
		w.text("", "text", b.Text)
		for _, a := range b.Articles {
			w.table("  ", "basis.article")
			w.inline("  ", "article", a.Article)
			w.texts("  ", "circumstances", a.Circumstances)
		}
	}
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
	for _, dv := range b.Divisions {
		w.table("", "division")
		w.str("", "body", dv.Body)
		w.texts("", "duties", dv.Duties)
	}
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
	for _, sec := range s.Sections {
		w.table("", "section")
		w.str("", "id", sec.ID)
		w.text("", "title", sec.Title)
		w.prose("body", sec.Body)
	}
	return w.b.String()
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func services(ss []*content.Service) string {
	w := &tw{}
	w.line("", "# 四、公共服务事项: the public services.")
	for _, s := range ss {
		w.table("", "service")
		w.str("", "id", s.ID)
		w.text("", "title", s.Title)
		w.text("", "content", s.Content)
		w.text("", "office", s.Office)
		w.str("", "phone", s.Phone)
		w.strs("regimes", s.Regimes)
		w.str("", "date", s.Date)
	}
	return w.b.String()
}

func accountability(a *content.Accountability) string {
	w := &tw{}
	w.line("", "# 五、责任追究机制: the accountability mechanism.")
	w.str("", "date", a.Date)
	w.text("", "intro", a.Intro)
	for _, b := range a.Bodies {
		w.table("", "body")
		w.str("", "id", b.ID)
		w.str("", "body", b.Body)
		w.text("", "name", b.Name)
		w.prose("duties", b.Duties)
		w.prose("procedure", b.Procedure)
	}
	for _, m := range a.Mechanisms {
		w.table("", "mechanism")
		w.str("", "id", m.ID)
		w.text("", "title", m.Title)
		w.prose("body", m.Body)
	}
	return w.b.String()
}
