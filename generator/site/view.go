package site

import (
	"fmt"
	"html/template"
	"path"
	"qingdan/generator/chart"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
	"qingdan/generator/search"
	"slices"
	"strconv"
	"strings"
)

// View is what a template sees: the page, and methods that speak the
// page's language and make links relative to it.
type View struct {
	*Page
	m      *model
	main   template.HTML      // the page's main content, rendered (render.go)
	desc   string             // its description, drawn from main
	set    *template.Template // the page's templates (frame.go)
	frames *frames            // the render's shared parts, or nil
}

// HTMLLang is the page's lang attribute.
func (v *View) HTMLLang() string { return htmlLang(v.Lang) }

func htmlLang(l Lang) string {
	if l == Zh {
		return "zh-CN"
	}
	return "en"
}

// Other is the other language.
func (v *View) Other() Lang {
	if v.Lang == Zh {
		return En
	}
	return Zh
}

// OtherLang is the other language's lang attribute.
func (v *View) OtherLang() string { return htmlLang(v.Other()) }

// UI returns the interface string key in the page's language.
func (v *View) UI(key string) (string, error) { return v.UIIn(key, string(v.Lang)) }

// Series is a list's place in its city's series, in words.
func (v *View) Series(d *Department) string {
	s, _ := v.UI("list.series")
	return chart.Fill(s, "n", strconv.Itoa(d.Series))
}

// UIOther returns the interface string key in the other language.
func (v *View) UIOther(key string) (string, error) { return v.UIIn(key, string(v.Other())) }

// Plain returns a Text in the page's language as plain text (for titles):
// in English, mentions read as the instrument's name. In a draft, a text
// awaiting its English is its Chinese, marked (pending.go).
func (v *View) Plain(t Text) any {
	if v.pending(t) {
		return v.pendingPlain(t)
	}
	return markup.Plain(v.Lang, t.In(v.Lang), v.m.ix)
}

// Linked renders a Text in the page's language, mentions linked.
func (v *View) Linked(t Text) template.HTML {
	if v.pending(t) {
		return v.pendingHTML("span", markup.TextHTML(Zh, t.Zh, v.m.ix, v, nil))
	}
	return markup.TextHTML(v.Lang, t.In(v.Lang), v.m.ix, v, nil)
}

// LinkedWithBodies renders a Text with mentions and the names of bodies linked.
func (v *View) LinkedWithBodies(t Text) template.HTML {
	if v.pending(t) {
		return v.pendingHTML("span", markup.TextHTML(Zh, t.Zh, v.m.ix, v, v.m.links[Zh].Rel(v.Rel)))
	}
	return markup.TextHTML(v.Lang, t.In(v.Lang), v.m.ix, v, v.m.links[v.Lang].Rel(v.Rel))
}

// Markdown renders a Prose value in the page's language.
func (v *View) Markdown(p Prose) (template.HTML, error) {
	if v.pending(Text(p)) {
		h, err := markup.ProseHTML(Zh, p.Zh, v.m.ix, v)
		return v.pendingHTML("div", h), err
	}
	return markup.ProseHTML(v.Lang, p.In(v.Lang), v.m.ix, v)
}

// Link implements Linker: an instrument's page, relative to this one.
func (v *View) Link(in *Instrument) string { return v.Rel(v.m.url(v.Lang, in)) }

// Rel makes a site path relative to this page, so that the site works
// from any folder of any host; on a page served at any depth (404.html),
// it is the path from the host's root, under base_url's folder.
func (v *View) Rel(target string) string {
	if v.AnyDepth {
		return v.RootPath(strings.TrimPrefix(target, "/"))
	}
	return relURL(v.URL, target)
}

// RecordURL is where a record of the graph is shown, in this language.
func (v *View) RecordURL(r *graph.Record) string { return v.Rel(r.URL(v.Lang)) }

// Home and the other site paths the templates link to, in this language.
func (v *View) Path(rest string) string { return v.Rel("/" + string(v.Lang) + "/" + rest) }

// TwinURL is this page in the other language.
func (v *View) TwinURL() string { return v.Rel(v.Twin()) }

// Dept, Duty, … URLs in this language.
func (v *View) DeptURL(d *Department) string { return v.Rel(deptURL(v.Lang, d, "")) }
func (v *View) DutyURL(d *Department, du *Duty) string {
	return v.Rel(v.m.url(v.Lang, du))
}
func (v *View) ItemURL(d *Department, du *Duty, it *Item) string {
	return v.Rel(v.m.url(v.Lang, it))
}
func (v *View) BoundaryURL(d *Department, b *Boundary) string {
	return v.Rel(v.m.url(v.Lang, b))
}
func (v *View) SystemURL(d *Department, s *System) string { return v.Rel(v.m.url(v.Lang, s)) }
func (v *View) ServicesURL(d *Department) string          { return v.Rel(deptURL(v.Lang, d, "services/")) }
func (v *View) AccURL(d *Department) string               { return v.Rel(deptURL(v.Lang, d, "accountability/")) }
func (v *View) LawURL(in *Instrument) string              { return v.Rel(v.m.url(v.Lang, in)) }
func (v *View) BodyURL(b *Body) string                    { return v.Rel(v.m.url(v.Lang, b)) }
func (v *View) RegimeURL(g *Regime) string                { return v.Rel(v.m.url(v.Lang, g)) }

// HasPage reports whether a body has a page.
func (v *View) HasPage(b *Body) bool { return v.m.hasBodyPage(b) }

// Body and Law look registry records up by ID.
func (v *View) Body(id string) *Body      { return v.m.ix.Body(id) }
func (v *View) Law(id string) *Instrument { return v.m.ix.Instrument(id) }

// ListTitle is a department's list's title.
func (v *View) ListTitle(d *Department) Text { return v.m.listTitle(d) }

// DeptName is a department's full name.
func (v *View) DeptName(d *Department) Text { return v.m.deptName(d) }

// Site is the site's own settings.
func (v *View) Site() *Site { return v.m.c.Site }

// ListURL is where the header's list link goes: the list the page belongs
// to, the only list, or the directory of lists on the home page.
func (v *View) ListURL() string {
	ds := v.m.c.Departments
	if v.Dept != nil {
		return v.DeptURL(v.Dept)
	}
	if len(ds) == 1 {
		return v.DeptURL(ds[0])
	}
	return v.Path("") + "#lists"
}

// Depts lists the departments.
func (v *View) Depts() []*Department { return v.m.c.Departments }

// Num numbers the n-th (1-based) heading or point: 一、二、… in Chinese.
func (v *View) Num(n int) string {
	if v.Lang == Zh {
		return chineseNumeral(n)
	}
	return strconv.Itoa(n)
}

// Inc adds one (templates count from 0).
func (v *View) Inc(i int) int { return i + 1 }

// Date shows a YYYY-MM[-DD] date in the page's language.
func (v *View) Date(s string) string {
	y, rest, _ := strings.Cut(s, "-")
	mo, day, _ := strings.Cut(rest, "-")
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(day)
	if v.Lang == Zh {
		if di > 0 {
			return fmt.Sprintf("%s年%d月%d日", y, mi, di)
		}
		return fmt.Sprintf("%s年%d月", y, mi)
	}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	if mi < 1 || mi > 12 {
		return s
	}
	if di > 0 {
		return fmt.Sprintf("%d %s %s", di, months[mi-1], y)
	}
	return months[mi-1] + " " + y
}

// DateOf is a record's own date or its list's.
func (v *View) DateOf(d *Department, own string) string {
	if own != "" {
		return v.Date(own)
	}
	return v.Date(d.Date)
}

// DateAttr is the machine-readable date for <time datetime>.
func (v *View) DateAttr(d *Department, own string) string {
	if own != "" {
		return own
	}
	return d.Date
}

// ItemsIn lists the items of a regime member for one duty.
func (v *View) ItemsIn(r *graph.Regimed, du *Duty) []*Item { return r.Items[du] }

// Tel is a phone number as a tel: URL.
func (v *View) Tel(phone string) template.URL {
	return template.URL("tel:" + strings.ReplaceAll(phone, "-", ""))
}

func chineseNumeral(n int) string {
	digits := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		if n == 10 {
			return "十"
		}
		return "十" + digits[n-10]
	case n < 100:
		s := digits[n/10] + "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}

// relURL returns the URL of target relative to the page at from; both are
// site paths. Directory URLs end in /; the result never starts with /.
func relURL(from, target string) string {
	anchor := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, anchor = target[:i], target[i:]
	}
	fromDir := from
	if !strings.HasSuffix(fromDir, "/") {
		fromDir = path.Dir(fromDir) + "/"
	}
	fs := strings.Split(strings.Trim(fromDir, "/"), "/")
	if fromDir == "/" {
		fs = nil
	}
	ts := strings.Split(strings.TrimPrefix(target, "/"), "/")
	i := 0
	for i < len(fs) && i < len(ts)-1 && fs[i] == ts[i] {
		i++
	}
	var b strings.Builder
	for range len(fs) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(ts[i:], "/"))
	r := b.String()
	if r == "" {
		r = "./"
	}
	return r + anchor
}

// URLIn is this page's site path in language l.
func (v *View) URLIn(l string) string {
	return "/" + l + strings.TrimPrefix(v.URL, "/"+string(v.Lang))
}

// MetaArgs is what the "meta" partial shows: a record's date and regimes.
type MetaArgs struct {
	View    *View
	Dept    *Department
	Date    string
	Regimes []*Regime
}

// Meta bundles the arguments of the "meta" partial.
func (v *View) Meta(d *Department, date string, regimes []*Regime) MetaArgs {
	return MetaArgs{v, d, date, regimes}
}

// Cite is how an instrument's title reads in running text: 《…》 in Chinese,
// the name alone in English (in a draft, its Chinese title, marked, while
// its English name is pending).
func (v *View) Cite(in *Instrument) any {
	if v.pending(in.Name) {
		return v.pendingHTML("span", template.HTML(template.HTMLEscapeString(markup.MentionLabel(Zh, in.Name.Zh, in))))
	}
	return markup.MentionLabel(v.Lang, in.Name.Zh, in)
}

// Cites counts the places the lists cite an instrument.
func (v *View) Cites(in *Instrument) int { return len(v.m.g.CitedBy(in)) }

// Parenthesized puts a note in brackets after a title: （…） or " (…)".
func (v *View) Parenthesized(t Text) any {
	if v.pending(t) {
		return template.HTML(" (") + v.pendingPlain(t) + ")"
	}
	if v.Lang == Zh {
		return "（" + t.Zh + "）"
	}
	return " (" + markup.Plain(En, t.En, v.m.ix) + ")"
}

// SystemNumber numbers a system as the list does: （一） in Chinese, (1) in English.
func (v *View) SystemNumber(id string) string {
	n, _ := strconv.Atoi(id)
	if v.Lang == Zh {
		return "（" + chineseNumeral(n) + "）"
	}
	return "(" + id + ")"
}

// SectionNum is the number before the i-th (0-based) section heading.
func (v *View) SectionNum(i int) string {
	if v.Lang == Zh {
		return chineseNumeral(i+1) + "、"
	}
	return strconv.Itoa(i+1) + ". "
}

// Add adds two numbers.
func (v *View) Add(a, b int) int { return a + b }

// PlainOther is a Text in the other language, plain.
func (v *View) PlainOther(t Text) string { return markup.Plain(v.Other(), t.In(v.Other()), v.m.ix) }

// HasBoundaries and HasAcc tell a body page which sections it has.
func (v *View) HasBoundaries() bool {
	d, ok := v.Data.(BodyData)
	return ok && slices.ContainsFunc(d.Roles, func(r *BodyRole) bool { return r.Boundary != nil })
}
func (v *View) HasAcc() bool {
	d, ok := v.Data.(BodyData)
	return ok && slices.ContainsFunc(d.Roles, func(r *BodyRole) bool { return r.Acc != nil })
}

// UIIn is an interface string in a given language (for bilingual pages).
func (v *View) UIIn(key, l string) (string, error) {
	t, ok := v.m.c.UI[key]
	if !ok {
		return "", fmt.Errorf("interface string %q is not in content/i18n.toml: add it under [ui] with zh and en", key)
	}
	return t.In(Lang(l)), nil
}

// RootPath is the path from the host's root of p, a path from the site's
// folder: base_url's folder, or / without it.
func (v *View) RootPath(p string) string { return v.m.base.Path + p }

// SearchKinds are the kinds of search entries, in filter order.
func (v *View) SearchKinds() []string { return search.Kinds }

// AllRegimes lists every regime (for filters and the no-script fallback).
func (v *View) AllRegimes() []*Regime { return v.m.c.Registry.Regimes }

// SearchYears lists, newest first, the years of the records' dates, for the
// search page's time filter.
func (v *View) SearchYears() []string {
	seen := map[string]bool{}
	for _, r := range v.m.g.Records {
		if len(r.Date) >= 4 {
			seen[r.Date[:4]] = true
		}
	}
	years := make([]string, 0, len(seen))
	for y := range seen {
		years = append(years, y)
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}
