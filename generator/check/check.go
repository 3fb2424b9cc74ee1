// Package check is the check stage: every rule the content must keep
// before anything is rendered. It runs after load and before render and
// writes nothing.
//
// Rules on records: every Text and Prose field has both languages (unless
// tagged check:"optional"); text holds no markup and Markdown no raw HTML,
// headings, images or code; English has no Chinese characters; every 《…》
// mention and every reference to an instrument, body or regime resolves;
// IDs are well formed and unique; numbered records run 1, 2, 3… in file
// order and items 1…N across a list's duties; dates are YYYY-MM or
// YYYY-MM-DD and in the calendar; a list's series is positive; every record
// names its regimes, each once; no name of a body (full, short, alias) is
// a name of another body; no 《…》 mention is inside a Markdown link; a
// Markdown link (inline, autolink or reference definition) goes to an
// http(s) address with a host, a mailto: or tel: address, or a path of
// the site, never to another scheme (javascript:, data:, vbscript:,
// file:…) or to //host;
// base_url is an http(s) address of a folder or a folder alone ("/a/"),
// error_report_url and badge.url are http(s) addresses, a badge has both
// its image and its url, and police_code has a record number; a
// division's role is lead,
// shares or coordinates; a procedure's steps are the words of their
// section's body, and a step's deadline states the text's own number, a
// unit (day, month) and, quoted from the text, what it counts from; the variants of glossary
// terms, instruments and bodies (search only) are names that find one
// record each.
//
// Rules on the record graph, built once the records pass: every instrument
// is cited and every body named somewhere (or its page would be empty), and
// every regime has members (or its index would be an empty section).
//
// Every problem is reported at the file:line:column an editor shows, with
// what to do; the stage fails if there is any.
package check

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
)

// Check runs every rule on loaded content and returns its record graph,
// or every problem found.
func Check(c *content.Content) (*graph.Graph, error) {
	g, _, err := run(c, false, nil)
	return g, err
}

// Draft runs every rule but one: a field with Chinese and no English yet is
// pending translation, not a problem. It returns the record graph and the
// pending fields, each at its file:line:column; a draft build shows them in
// Chinese, marked, and publishing needs none.
func Draft(c *content.Content) (*graph.Graph, content.Errors, error) {
	return run(c, true, nil)
}

func run(c *content.Content, draft bool, tm *Timing) (*graph.Graph, content.Errors, error) {
	return (*Cache)(nil).run(c, draft, tm)
}

func (k *Cache) run(c *content.Content, draft bool, tm *Timing) (*graph.Graph, content.Errors, error) {
	if tm == nil {
		tm = &Timing{}
	}
	start := time.Now()
	ck := &checker{c: c, ix: content.NewIndex(c), draft: draft, memo: k.begin(c, draft)}
	ck.registry()
	ck.site()
	ck.bodyNames()
	ck.records()
	for _, d := range c.Departments {
		ck.department(d)
	}
	if err := ck.errs.Err(); err != nil {
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	mid := time.Now()
	tm.Rules = mid.Sub(start)
	g := k.graph(c, ck.ix)
	ck.graph(g)
	tm.Graph = time.Since(mid)
	if err := ck.errs.Err(); err != nil {
		return nil, nil, fmt.Errorf("check: %w", err)
	}
	return g, ck.pending, nil
}

type checker struct {
	c    *content.Content
	ix   *content.Index
	errs content.ErrorList
	// draft counts a missing English as pending instead of a problem.
	draft   bool
	pending content.Errors
	// memo, if not nil, holds the fields' results of departments checked
	// before against the same registry.
	memo *Cache
}

var (
	idRE   = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateRE = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$`)
	// dateShapeRE is YYYY-MM or YYYY-MM-DD in digits, whatever the numbers:
	// a date dateRE refuses for its month or day alone.
	dateShapeRE = regexp.MustCompile(`^\d{4}-\d{2}(-\d{2})?$`)
	phoneRE     = regexp.MustCompile(`^[0-9][0-9-]{4,}[0-9]$`)
	tagRE       = regexp.MustCompile(`<[A-Za-z/!?]`)
)

// records checks the fields of every record for translations and markup.
func (ck *checker) records() {
	c := ck.c
	ck.fields(c.Loc(c.Site), "", reflect.ValueOf(c.Site))
	keys := make([]string, 0, len(c.UI))
	for k := range c.UI {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ck.text(c.Loc("i18n.toml"), "ui."+k, c.UI[k], true)
	}
	ck.fields(c.Loc(c.Glossary), "", reflect.ValueOf(c.Glossary))
	for _, recs := range []any{c.Registry.Kinds, c.Registry.Instruments, c.Registry.Bodies, c.Registry.Regimes} {
		v := reflect.ValueOf(recs)
		for i := range v.Len() {
			ck.fields(c.Loc(v.Index(i).Interface()), "", v.Index(i))
		}
	}
	for _, d := range c.Departments {
		if ck.memo != nil {
			ck.memo.deptFields(ck, d)
		} else {
			ck.deptFields(d)
		}
	}
}

// deptFields checks the fields of a department's records.
func (ck *checker) deptFields(d *content.Department) {
	c := ck.c
	ck.fields(c.Loc(d), "", reflect.ValueOf(d))
	for _, r := range d.Duties {
		ck.fields(c.Loc(r), "", reflect.ValueOf(r))
	}
	for _, r := range d.Boundaries {
		ck.fields(c.Loc(r), "", reflect.ValueOf(r))
	}
	for _, r := range d.Systems {
		ck.fields(c.Loc(r), "", reflect.ValueOf(r))
	}
	for _, r := range d.Services {
		ck.fields(c.Loc(r), "", reflect.ValueOf(r))
	}
	ck.fields(c.Loc(d.Accountability), "", reflect.ValueOf(d.Accountability))
}

var (
	textType  = reflect.TypeFor[content.Text]()
	proseType = reflect.TypeFor[content.Prose]()
)

// fields walks a record's struct fields by their TOML keys and checks every
// content.Text and content.Prose in it. A field tagged check:"optional" may be empty in both
// languages; any other must have both.
func (ck *checker) fields(l content.Loc, path string, v reflect.Value) {
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
		p := content.JoinPath(path, key)
		required := f.Tag.Get("check") != "optional"
		fv := v.Field(i)
		switch {
		case f.Type == textType:
			ck.text(l, p, fv.Interface().(content.Text), required)
		case f.Type == proseType:
			ck.prose(l, p, fv.Interface().(content.Prose), required)
		case f.Type.Kind() == reflect.Slice:
			for j := range fv.Len() {
				ep := fmt.Sprintf("%s[%d]", p, j)
				if f.Type.Elem() == textType {
					ck.text(l, ep, fv.Index(j).Interface().(content.Text), true)
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
func (ck *checker) pair(l content.Loc, path string, t content.Text, required bool) bool {
	full := content.JoinPath(l.Path(), path)
	if t.Zh == "" && t.En == "" {
		if required {
			ck.errs.Add(l.At(path), "%s is missing: add %s.zh and %s.en", full, full, full)
		}
		return false
	}
	if t.Zh == "" {
		ck.errs.Add(l.At(path+".en"), "%s.zh is missing: every English text needs the Chinese it translates", full)
	}
	if t.En == "" && t.Zh != "" && ck.draft {
		ck.pending = append(ck.pending, &content.Error{Pos: l.At(path + ".en"), Msg: "pending translation: " + full + ".en"})
	} else if t.En == "" {
		p := l.At(path + ".en")
		ck.errs.Add(p, "%s", untranslated(full, p.Line, l.InlineTable(path+".zh")))
	}
	return true
}

// text checks one content.Text value.
func (ck *checker) text(l content.Loc, path string, t content.Text, required bool) {
	if !ck.pair(l, path, t, required) {
		return
	}
	full := content.JoinPath(l.Path(), path)
	for _, lang := range content.Langs {
		s := t.In(lang)
		if s == "" {
			continue
		}
		kp := path + "." + string(lang)
		kn := full + "." + string(lang)
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			ck.errs.Add(l.ValueAt(kp, i), "%s is one line of plain text: remove the line break (text with paragraphs belongs in a content.Prose field)", kn)
		}
		if m := tagRE.FindStringIndex(s); m != nil {
			ck.errs.Add(l.ValueAt(kp, m[0]), "unsafe markup in %s: text fields take no HTML; write the text itself", kn)
		}
		if lang == content.En && markup.HasHan(s) {
			ck.errs.Add(l.ValueAt(kp, hanOffset(s)), "%s contains Chinese characters: the English edition must be English throughout", kn)
		}
		ck.mentionsIn(l, kp, lang, s)
	}
}

func hanOffset(s string) int {
	for i, r := range s {
		if markup.HasHan(string(r)) {
			return i
		}
	}
	return 0
}

func (ck *checker) mentionsIn(l content.Loc, kp string, lang content.Lang, s string) {
	markup.EachMention([]byte(s), func(off, _ int, title string, ok bool) {
		switch {
		case !ok:
			ck.errs.Add(l.ValueAt(kp, off), "unclosed 《 in %s: close the title with 》", kp)
		case ck.ix.Resolve(lang, title) == nil:
			ck.errs.Add(l.ValueAt(kp, off), "%s", unknownMention(lang, title))
		}
	})
}

func unknownMention(lang content.Lang, title string) string {
	if lang == content.En {
		return fmt.Sprintf("《%s》 is not an instrument ID: in English text write 《id》 with an id from content/registry/ (instruments)", title)
	}
	return fmt.Sprintf("《%s》 names no known instrument: add it to content/registry/instruments.toml, or add this title to an instrument's aliases.zh", title)
}

// prose checks one content.Prose value: both languages, Markdown without raw HTML,
// headings, images or code, and every mention resolved.
func (ck *checker) prose(l content.Loc, path string, p content.Prose, required bool) {
	if !ck.pair(l, path, content.Text(p), required) {
		return
	}
	full := content.JoinPath(l.Path(), path)
	for _, lang := range content.Langs {
		s := p.In(lang)
		if s == "" {
			continue
		}
		kp := path + "." + string(lang)
		kn := full + "." + string(lang)
		src := []byte(s)
		doc, unresolved := markup.ParseProse(lang, src, ck.ix)
		for _, u := range unresolved {
			ck.errs.Add(l.ValueAt(kp, u.Off), "%s", unknownMention(lang, u.Title))
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
				ck.errs.Add(l.ValueAt(kp, nodeOffset(n)), "%s: %s", kn, what)
			}
			if d, ok := markup.DestinationOf(n, src); ok && n.Kind() != ast.KindImage {
				if what := badDestination(d.URL); what != "" {
					ck.errs.Add(l.ValueAt(kp, d.Off), "%s: %s", kn, what)
				}
			}
			if off, ok := linkedMention(n, src); ok {
				ck.errs.Add(l.ValueAt(kp, off), "%s: a 《…》 mention inside a link: the mention is a link to the instrument already; take it out of the link", kn)
			}
			if lang == content.En && n.Kind() == ast.KindText && markup.HasHan(string(n.(*ast.Text).Value(src))) {
				ck.errs.Add(l.ValueAt(kp, nodeOffset(n)), "%s contains Chinese characters: the English edition must be English throughout", kn)
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
