package importer

import (
	"regexp"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

var systemRe = regexp.MustCompile(`^[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$`)

// The anchors of the sections a system has, by the end of their titles
// (the first that matches).
var sectionIDs = []struct{ suffix, id string }{
	{"方式及措施", "methods-measures"}, {"对象", "objects"}, {"内容", "content"}, {"方式", "methods"},
	{"措施", "measures"}, {"程序", "procedure"}, {"处理", "handling"}, {"职责权限", "powers"},
	{"报告流程", "reporting"}, {"考核", "assessment"},
}

// systemHeading reports whether s heads system k+1: its number and the
// title the contents list for it.
func (im *importer) systemHeading(s string, k int) bool {
	m := systemRe.FindStringSubmatch(s)
	return m != nil && cnValue(m[1]) == k+1 && k < len(im.toc) && sameText(m[2], im.toc[k])
}

// systems reads part 三: each system opens with its heading as the
// contents list it, then its purpose (为……制定……制度), then numbered
// sections (一、监督检查对象) or, without sections, its prose.
func (im *importer) systems(ls []line) {
	if len(im.toc) == 0 {
		im.rep.fail(1, "the contents (目录) list no supervision systems ((一) title<TAB>(page)): the importer finds the systems of part 三 by them")
		return
	}
	var cur *content.System
	body := map[any][]string{}
	isHeading := func(s string) bool {
		m := systemRe.FindStringSubmatch(s)
		_, _, ok := heading(s)
		return ok || m != nil && im.systemHeading(s, cnValue(m[1])-1)
	}
	for _, p := range im.paras(ls, isHeading) {
		im.reg.mentions(p.text, p.n, im.rep)
		if im.systemHeading(p.text, len(im.d.Systems)) {
			cur = &content.System{ID: strconv.Itoa(len(im.d.Systems) + 1), Title: content.Text{Zh: im.toc[len(im.d.Systems)]}}
			im.d.Systems = append(im.d.Systems, cur)
			continue
		}
		switch n, title, ok := heading(p.text); {
		case cur == nil:
			im.rep.fail(p.n, "text before the first system's heading (%s)", im.toc[0])
		case cur.Purpose.Zh == "":
			cur.Purpose.Zh = p.text
		case ok:
			if n != len(cur.Sections)+1 {
				im.rep.fail(p.n, "section %s、 of system %s does not follow section %d", cnNumeral(n), cur.ID, len(cur.Sections))
			}
			id := sectionID(title, n)
			if strings.HasPrefix(id, "section-") {
				im.rep.warn(p.n, "section %q of system %s has no known anchor: named %s (rename it in the file if you like)", title, cur.ID, id)
			}
			cur.Sections = append(cur.Sections, &content.Section{ID: id, Title: content.Text{Zh: title}})
		case len(cur.Sections) > 0:
			s := cur.Sections[len(cur.Sections)-1]
			body[s] = append(body[s], p.text)
		default:
			body[cur] = append(body[cur], p.text)
		}
	}
	if len(im.d.Systems) != len(im.toc) {
		im.rep.fail(lastLine(ls), "part 三 has %d of the %d systems the contents list: the heading of (%s) %s is missing or differs", len(im.d.Systems), len(im.toc), cnNumeral(len(im.d.Systems)+1), im.toc[len(im.d.Systems)])
	}
	for _, s := range im.d.Systems {
		s.Body.Zh = markdown(body[s])
		for _, sec := range s.Sections {
			sec.Body.Zh = markdown(body[sec])
		}
	}
	if len(im.d.Systems) > 0 {
		im.rep.note("systems: the responsibility items each supervises (items = [...]) are not in the text; fill them in")
	}
}

// sectionID is the anchor of a section, by its title.
func sectionID(title string, n int) string {
	for _, s := range sectionIDs {
		if strings.HasSuffix(title, s.suffix) {
			return s.id
		}
	}
	return "section-" + strconv.Itoa(n)
}

var fieldRe = regexp.MustCompile(`^[（(][一二][)）]\s*(职责分工|追责程序)。`)

// accountability reads part 五: the intro, a section per body (一、行政机关)
// with its duties (（一）职责分工。) and procedure (（二）追责程序。), and
// the mechanisms (a section whose title ends in 机制).
func (im *importer) accountability(ls []line) {
	a := &content.Accountability{}
	im.d.Accountability = a
	var body *content.AccBody // the body whose section this is, or nil
	var field *[]string       // where plain paragraphs go
	texts := map[*[]string]*content.Prose{}
	isHeading := func(s string) bool { _, _, ok := heading(s); return ok }
	sections := 0
	for _, p := range im.paras(ls, isHeading) {
		im.reg.mentions(p.text, p.n, im.rep)
		n, title, ok := heading(p.text)
		m := fieldRe.FindStringSubmatch(p.text)
		switch {
		case ok:
			if sections++; n != sections {
				im.rep.fail(p.n, "section %s、 does not follow section %d", cnNumeral(n), sections-1)
			}
			body, field = im.accSection(a, title, p.n, texts)
		case sections == 0:
			a.Intro.Zh += p.text
		case m != nil && body == nil:
			im.rep.fail(p.n, "%s under a mechanism: it belongs to a body's section", short(p.text))
		case m != nil:
			field = &[]string{strings.TrimSpace(p.text[len(m[0]):])}
			texts[field] = map[string]*content.Prose{"职责分工": &body.Duties, "追责程序": &body.Procedure}[m[1]]
		case field == nil:
			im.rep.fail(p.n, "paragraph outside a body's （一）职责分工。 or （二）追责程序。")
		default:
			*field = append(*field, p.text)
		}
	}
	for f, prose := range texts {
		prose.Zh = markdown(*f)
	}
}

// accSection opens a body's section (returned) or a mechanism (its
// paragraphs go to the field returned).
func (im *importer) accSection(a *content.Accountability, title string, n int, texts map[*[]string]*content.Prose) (*content.AccBody, *[]string) {
	if strings.HasSuffix(title, "机制") {
		id := map[string]string{"协调配合机制": "coordination"}[title]
		if id == "" {
			id = "mechanism-" + strconv.Itoa(len(a.Mechanisms)+1)
		}
		m := &content.Mechanism{ID: id, Title: content.Text{Zh: title}}
		a.Mechanisms = append(a.Mechanisms, m)
		field := &[]string{}
		texts[field] = &m.Body
		return nil, field
	}
	id := im.reg.body(title, n, im.rep)
	b := &content.AccBody{ID: id, Body: id, Name: content.Text{Zh: title}}
	a.Bodies = append(a.Bodies, b)
	return b, nil
}
