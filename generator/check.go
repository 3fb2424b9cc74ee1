package generator

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Check is the check stage: every Text and Prose field has both languages
// (unless marked optional), no markup, every mention and reference resolves,
// IDs are unique, items are numbered 1…N, every record names a regime and
// every regime has members. It returns an Index of the checked content, or
// every problem found, each at file:line:column.
func Check(c *Content) (*Index, error) {
	ck := &checker{c: c, ix: newIndex(c)}
	ck.registry()
	ck.records()
	for _, d := range c.Departments {
		ck.department(d)
	}
	ck.regimeMembers()
	if err := ck.errs.err(); err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	return ck.ix, nil
}

type checker struct {
	c    *Content
	ix   *Index
	errs errorList
}

var (
	idRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE  = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)
	phoneRE = regexp.MustCompile(`^[0-9][0-9-]{4,}[0-9]$`)
	tagRE   = regexp.MustCompile(`<[A-Za-z/!?]`)
)

// records checks the fields of every record for translations and markup.
func (ck *checker) records() {
	c := ck.c
	ck.fields(c.loc(c.Site), "", reflect.ValueOf(c.Site))
	keys := make([]string, 0, len(c.UI))
	for k := range c.UI {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ck.text(c.locs["i18n.toml"], "ui."+k, c.UI[k], true)
	}
	ck.fields(c.loc(c.Glossary), "", reflect.ValueOf(c.Glossary))
	for _, recs := range []any{c.Registry.Kinds, c.Registry.Instruments, c.Registry.Bodies, c.Registry.Regimes} {
		v := reflect.ValueOf(recs)
		for i := range v.Len() {
			ck.fields(c.loc(v.Index(i).Interface()), "", v.Index(i))
		}
	}
	for _, d := range c.Departments {
		ck.fields(c.loc(d), "", reflect.ValueOf(d))
		for _, r := range d.Duties {
			ck.fields(c.loc(r), "", reflect.ValueOf(r))
		}
		for _, r := range d.Boundaries {
			ck.fields(c.loc(r), "", reflect.ValueOf(r))
		}
		for _, r := range d.Systems {
			ck.fields(c.loc(r), "", reflect.ValueOf(r))
		}
		for _, r := range d.Services {
			ck.fields(c.loc(r), "", reflect.ValueOf(r))
		}
		ck.fields(c.loc(d.Accountability), "", reflect.ValueOf(d.Accountability))
	}
}

var (
	textType  = reflect.TypeFor[Text]()
	proseType = reflect.TypeFor[Prose]()
)

// fields walks a record's struct fields by their TOML keys and checks every
// Text and Prose in it. A field tagged check:"optional" may be empty in both
// languages; any other must have both.
func (ck *checker) fields(l loc, path string, v reflect.Value) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if key == "-" || !f.IsExported() {
			continue
		}
		p := joinPath(path, key)
		required := f.Tag.Get("check") != "optional"
		fv := v.Field(i)
		switch {
		case f.Type == textType:
			ck.text(l, p, fv.Interface().(Text), required)
		case f.Type == proseType:
			ck.prose(l, p, fv.Interface().(Prose), required)
		case f.Type.Kind() == reflect.Slice:
			for j := range fv.Len() {
				ep := fmt.Sprintf("%s[%d]", p, j)
				if f.Type.Elem() == textType {
					ck.text(l, ep, fv.Index(j).Interface().(Text), true)
				} else {
					ck.fields(l, ep, fv.Index(j))
				}
			}
		case f.Type.Kind() == reflect.Struct || f.Type.Kind() == reflect.Pointer:
			ck.fields(l, p, fv)
		}
	}
}

// pair checks that a field has both languages, or neither when optional,
// and reports whether there is anything more to check.
func (ck *checker) pair(l loc, path string, t Text, required bool) bool {
	full := joinPath(l.path, path)
	if t.Zh == "" && t.En == "" {
		if required {
			ck.errs.add(l.at(path), "%s is missing: add %s.zh and %s.en", full, full, full)
		}
		return false
	}
	if t.Zh == "" {
		ck.errs.add(l.at(path+".en"), "%s.zh is missing: every English text needs the Chinese it translates", full)
	}
	if t.En == "" {
		ck.errs.add(l.at(path+".en"), "missing translation: %s has Chinese but no English; add %s.en", full, full)
	}
	return true
}

// text checks one Text value.
func (ck *checker) text(l loc, path string, t Text, required bool) {
	if !ck.pair(l, path, t, required) {
		return
	}
	full := joinPath(l.path, path)
	for _, lang := range Langs {
		s := t.In(lang)
		if s == "" {
			continue
		}
		kp := path + "." + string(lang)
		kn := full + "." + string(lang)
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			ck.errs.add(l.valueAt(kp, i), "%s is one line of plain text: remove the line break (text with paragraphs belongs in a Prose field)", kn)
		}
		if m := tagRE.FindStringIndex(s); m != nil {
			ck.errs.add(l.valueAt(kp, m[0]), "unsafe markup in %s: text fields take no HTML; write the text itself", kn)
		}
		if lang == En && hasHan(s) {
			ck.errs.add(l.valueAt(kp, hanOffset(s)), "%s contains Chinese characters: the English edition must be English throughout", kn)
		}
		ck.mentionsIn(l, kp, lang, s)
	}
}

func hanOffset(s string) int {
	for i, r := range s {
		if hasHan(string(r)) {
			return i
		}
	}
	return 0
}

func (ck *checker) mentionsIn(l loc, kp string, lang Lang, s string) {
	eachMention([]byte(s), func(off, _ int, title string, ok bool) {
		switch {
		case !ok:
			ck.errs.add(l.valueAt(kp, off), "unclosed 《 in %s: close the title with 》", kp)
		case ck.ix.Resolve(lang, title) == nil:
			ck.errs.add(l.valueAt(kp, off), "%s", unknownMention(lang, title))
		}
	})
}

func unknownMention(lang Lang, title string) string {
	if lang == En {
		return sprintf("《%s》 is not an instrument ID: in English text write 《id》 with an id from content/registry/ (instruments)", title)
	}
	return sprintf("《%s》 names no known instrument: add it to content/registry/instruments.toml, or add this title to an instrument's aliases.zh", title)
}

// prose checks one Prose value: both languages, Markdown without raw HTML,
// headings, images or code, and every mention resolved.
func (ck *checker) prose(l loc, path string, p Prose, required bool) {
	if !ck.pair(l, path, Text(p), required) {
		return
	}
	full := joinPath(l.path, path)
	for _, lang := range Langs {
		s := p.In(lang)
		if s == "" {
			continue
		}
		kp := path + "." + string(lang)
		kn := full + "." + string(lang)
		src := []byte(s)
		env := &mentionEnv{lang: lang, res: ck.ix}
		doc := parseProse(src, env)
		for _, u := range env.unresolved {
			ck.errs.add(l.valueAt(kp, u.off), "%s", unknownMention(lang, u.title))
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			what := ""
			switch n.Kind() {
			case ast.KindRawHTML, ast.KindHTMLBlock:
				what = "unsafe markup: raw HTML is not allowed in Markdown; write the text itself"
			case ast.KindHeading:
				what = "a heading inside Markdown: the page's headings come from the record; write a paragraph"
			case ast.KindImage:
				what = "an image: pages load nothing from outside the site; remove it"
			case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindCodeSpan:
				what = "code formatting (a line indented by 4 or more spaces, or backticks): indent continuation lines by 3 spaces, or escape the backtick"
			}
			if what != "" {
				ck.errs.add(l.valueAt(kp, nodeOffset(n)), "%s: %s", kn, what)
			}
			if lang == En && n.Kind() == ast.KindText && hasHan(string(n.(*ast.Text).Value(src))) {
				ck.errs.add(l.valueAt(kp, nodeOffset(n)), "%s contains Chinese characters: the English edition must be English throughout", kn)
			}
			return ast.WalkContinue, nil
		})
	}
}

// nodeOffset is the byte offset in the source where a node starts.
func nodeOffset(n ast.Node) int {
	if n.Type() == ast.TypeInline {
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
		if r, ok := n.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			return r.Segments.At(0).Start
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			return nodeOffset(c)
		}
		return 0
	}
	if n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		return nodeOffset(c)
	}
	return 0
}

// registry checks the shared records: IDs, kinds, names unique.
func (ck *checker) registry() {
	r := ck.c.Registry
	kinds := uniqueIDs(ck, r.Kinds, func(k *Kind) string { return k.ID })
	uniqueIDs(ck, r.Instruments, func(i *Instrument) string { return i.ID })
	uniqueIDs(ck, r.Bodies, func(b *Body) string { return b.ID })
	uniqueIDs(ck, r.Regimes, func(g *Regime) string { return g.ID })
	uniqueIDs(ck, ck.c.Glossary.Terms, func(t *Term) string { return t.ID })
	for _, in := range r.Instruments {
		if !kinds[in.Kind] {
			ck.errs.add(ck.c.loc(in).at("kind"), "instrument %s has kind %q, which is not a [[kind]] id: use one of %s", in.ID, in.Kind, listIDs(r.Kinds, func(k *Kind) string { return k.ID }))
		}
	}
	for _, e := range ck.ix.nameClashes {
		ck.errs.add(ck.c.loc(e.b).at("name"), "the title %q names both %s and %s: a title or alias may name one instrument only", e.title, e.a.ID, e.b.ID)
	}
}

// uniqueIDs checks that each record has a well-formed ID that no other
// record of the same kind has, and returns the set of IDs.
func uniqueIDs[T any](ck *checker, recs []*T, id func(*T) string) map[string]bool {
	seen := map[string]*T{}
	for _, r := range recs {
		v := id(r)
		l := ck.c.loc(r)
		switch {
		case v == "":
			ck.errs.add(l.at("id"), "id is missing: give the record a stable id (lower-case letters, digits, hyphens); URLs use it")
		case !idRE.MatchString(v):
			ck.errs.add(l.at("id"), "id %q is not valid: use lower-case letters, digits and hyphens", v)
		case seen[v] != nil:
			ck.errs.add(l.at("id"), "duplicate id %q: already used at %s; give this record another id", v, ck.c.loc(seen[v]).at("id"))
		default:
			seen[v] = r
		}
	}
	set := make(map[string]bool, len(seen))
	for k := range seen {
		set[k] = true
	}
	return set
}

func listIDs[T any](recs []*T, id func(*T) string) string {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = id(r)
	}
	return strings.Join(ids, ", ")
}

// department checks one department's records and their references.
func (ck *checker) department(d *Department) {
	c := ck.c
	dl := c.loc(d)
	ck.bodyRef(dl, "body", d.Body)
	ck.date(dl, "date", d.Date, true)
	if d.Series < 0 {
		ck.errs.add(dl.at("series"), "series must be a positive number")
	}
	uniqueIDs(ck, d.Duties, func(r *Duty) string { return r.ID })
	uniqueIDs(ck, d.Boundaries, func(r *Boundary) string { return r.ID })
	uniqueIDs(ck, d.Systems, func(r *System) string { return r.ID })
	uniqueIDs(ck, d.Services, func(r *Service) string { return r.ID })
	next := 1
	for i, du := range d.Duties {
		l := c.loc(du)
		ck.sequence(l, du.ID, i+1, "duty")
		ck.regimes(l, "regimes", du.Regimes)
		ck.date(l, "date", du.Date, false)
		if len(du.Items) == 0 {
			ck.errs.add(l.at(""), "duty %s has no responsibility items: add [[item]] entries", du.ID)
		}
		for j, it := range du.Items {
			p := fmt.Sprintf("item[%d]", j)
			if it.N != next {
				ck.errs.add(l.at(p+".n"), "item number %d out of sequence: items run 1, 2, 3… across the duties, so this one is %d", it.N, next)
			}
			next = it.N + 1
			ck.regimes(l, p+".regimes", it.Regimes)
		}
		for j, b := range du.Bases {
			p := fmt.Sprintf("basis[%d]", j)
			switch {
			case b.Instrument == "" && b.Text.Zh == "":
				ck.errs.add(l.at(p), "basis needs an instrument (a registry id) or a text")
			case b.Instrument != "" && b.Text.Zh != "":
				ck.errs.add(l.at(p+".text"), "basis has both an instrument and a text: split it into two [[basis]] entries")
			case b.Instrument != "":
				ck.instrumentRef(l, p+".instrument", b.Instrument)
			}
		}
	}
	items := map[int]bool{}
	for _, du := range d.Duties {
		for _, it := range du.Items {
			items[it.N] = true
		}
	}
	for i, bd := range d.Boundaries {
		l := c.loc(bd)
		ck.sequence(l, bd.ID, i+1, "boundary matter")
		ck.regimes(l, "regimes", bd.Regimes)
		ck.date(l, "date", bd.Date, false)
		if len(bd.Divisions) == 0 {
			ck.errs.add(l.at(""), "boundary matter %s has no [[division]]: add each department's division of duties", bd.ID)
		}
		for j, dv := range bd.Divisions {
			ck.bodyRef(l, fmt.Sprintf("division[%d].body", j), dv.Body)
		}
	}
	for i, s := range d.Systems {
		l := c.loc(s)
		ck.sequence(l, s.ID, i+1, "supervision system")
		ck.regimes(l, "regimes", s.Regimes)
		ck.date(l, "date", s.Date, false)
		uniqueIDs(ck, s.Sections, func(r *Section) string { return r.ID })
		for j, sec := range s.Sections {
			c.locs[sec] = loc{l.src, fmt.Sprintf("section[%d]", j)}
		}
		if len(s.Sections) == 0 && s.Body.Zh == "" {
			ck.errs.add(l.at(""), "supervision system %s has neither sections nor a body: an empty page may not be published", s.ID)
		}
		for j, n := range s.Items {
			if !items[n] {
				ck.errs.add(l.at(fmt.Sprintf("items[%d]", j)), "item %d does not exist: items are numbered 1 to %d", n, next-1)
			}
		}
	}
	for i, s := range d.Services {
		l := c.loc(s)
		ck.sequence(l, s.ID, i+1, "service")
		ck.regimes(l, "regimes", s.Regimes)
		ck.date(l, "date", s.Date, false)
		if !phoneRE.MatchString(s.Phone) {
			ck.errs.add(l.at("phone"), "phone %q is not a phone number: write digits with hyphens, e.g. 0539-2656029", s.Phone)
		}
	}
	a := d.Accountability
	al := c.loc(a)
	ck.date(al, "date", a.Date, false)
	uniqueIDs(ck, a.Bodies, func(r *AccBody) string { return r.ID })
	uniqueIDs(ck, a.Mechanisms, func(r *Mechanism) string { return r.ID })
	for j, b := range a.Bodies {
		c.locs[b] = loc{al.src, fmt.Sprintf("body[%d]", j)}
		ck.bodyRef(al, fmt.Sprintf("body[%d].body", j), b.Body)
	}
	for j, m := range a.Mechanisms {
		c.locs[m] = loc{al.src, fmt.Sprintf("mechanism[%d]", j)}
	}
	if len(d.Duties) == 0 || len(d.Boundaries) == 0 || len(d.Systems) == 0 || len(d.Services) == 0 || len(a.Bodies) == 0 {
		ck.errs.add(dl.at(""), "department %s has an empty part (duties, boundaries, systems, services or accountability): an empty section may not be published", d.Slug)
	}
}

// sequence checks that a numbered record's id is its place in the list.
func (ck *checker) sequence(l loc, id string, want int, what string) {
	if id != "" && id != strconv.Itoa(want) {
		ck.errs.add(l.at("id"), "%s id %q out of sequence: the records of this part are numbered 1, 2, 3… in file order, so this one is %q", what, id, strconv.Itoa(want))
	}
}

func (ck *checker) date(l loc, key, v string, required bool) {
	switch {
	case v == "" && required:
		ck.errs.add(l.at(key), "%s is missing: write it as YYYY-MM or YYYY-MM-DD", key)
	case v != "" && !dateRE.MatchString(v):
		ck.errs.add(l.at(key), "%s %q is not a date: write it as YYYY-MM or YYYY-MM-DD", key, v)
	}
}

func (ck *checker) regimes(l loc, key string, ids []string) {
	if len(ids) == 0 {
		ck.errs.add(l.at(key), "%s is missing: every record names its regime(s) (ids in content/registry/regimes.toml)", key)
	}
	for i, id := range ids {
		if ck.ix.regimes[id] == nil {
			ck.errs.add(l.at(fmt.Sprintf("%s[%d]", key, i)), "unknown regime %q: use one of %s", id, listIDs(ck.c.Registry.Regimes, func(r *Regime) string { return r.ID }))
		}
	}
}

func (ck *checker) bodyRef(l loc, key, id string) {
	if ck.ix.bodies[id] == nil {
		ck.errs.add(l.at(key), "unknown body %q: use an id from content/registry/bodies.toml, or add the body there", id)
	}
}

func (ck *checker) instrumentRef(l loc, key, id string) {
	if ck.ix.instruments[id] == nil {
		ck.errs.add(l.at(key), "unknown instrument %q: use an id from content/registry/instruments.toml, or add the instrument there", id)
	}
}

// regimeMembers refuses a regime that nothing belongs to: its index page
// would be an empty section.
func (ck *checker) regimeMembers() {
	used := map[string]bool{}
	for _, d := range ck.c.Departments {
		d.eachRecord(func(_ string, regimes []string) {
			for _, id := range regimes {
				used[id] = true
			}
		})
	}
	for _, g := range ck.c.Registry.Regimes {
		if !used[g.ID] {
			ck.errs.add(ck.c.loc(g).at("id"), "regime %s has nothing assigned to it: its index would be an empty section; assign records to it or remove it", g.ID)
		}
	}
}

// NotReady lists what a site needs before it may be published on a
// government host but that only the authorities can issue: the codes in the
// footer and the error-report link. Building does not need them.
func (c *Content) NotReady() Errors {
	l := c.locs["site.toml"]
	var es Errors
	for _, f := range []struct{ key, val, what string }{
		{"site_code", c.Site.SiteCode, "the website identification code (网站标识码)"},
		{"icp", c.Site.ICP, "the ICP filing number (ICP备案编号)"},
		{"police_code", c.Site.PoliceCode, "the public security filing number (公安机关备案号)"},
		{"error_report_url", c.Site.ErrorReportURL, "the error-report link (我为政府网站找错)"},
	} {
		if f.val == "" {
			es = append(es, &Error{Pos: l.at(f.key), Msg: "not ready to publish: " + f.key + " is empty; set " + f.what + " once it is issued"})
		}
	}
	return es
}
