package importer

import (
	"slices"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// boundaries reads part 二: one matter per run of rows, a division per
// department, the joint arrangements (rows without a department), the
// bases and the examples. A matter whose rows run on across a page break
// repeats its title, bases and examples on the next page: those rows are
// merged into the matter, the repeated cells dropped and a sentence split
// by the break joined (all reported).
func (im *importer) boundaries(ls []line) {
	var cur *content.Boundary
	first := map[*content.Boundary]int{} // the line each matter opens at
	im.table("二 (部门职责边界)", ls, boundaryHeader, func(l line, cs []string) {
		switch {
		case cur != nil && cs[0] == cur.Title.Zh:
			im.rep.warn(l.n, "merged the row repeating matter %q (from line %d) across a page break into it", cs[0], first[cur])
		case cs[0] != "":
			cur = &content.Boundary{ID: strconv.Itoa(len(im.d.Boundaries) + 1), Title: content.Text{Zh: cs[0]}}
			im.open = nil
			first[cur] = l.n
			im.d.Boundaries = append(im.d.Boundaries, cur)
		case cur == nil:
			im.rep.fail(l.n, "row without a matter (管理事项) before the first matter")
			return
		}
		im.division(cur, l, cs[1], cs[2])
		cur.Bases = im.column(cur.Bases, "相关依据", entries(paragraphs(cs[3], l.n, im.rep)), l.n)
		cur.Examples = im.column(cur.Examples, "事例", entries(paragraphs(cs[4], l.n, im.rep)), l.n)
	}, nil)
}

// division reads a row's department and its duties; a row without a
// department holds a joint arrangement.
func (im *importer) division(b *content.Boundary, l line, dept, duties string) {
	var texts []content.Text
	es := entries(paragraphs(duties, l.n, im.rep))
	for _, e := range es {
		im.reg.mentions(e.text, l.n, im.rep)
		texts = append(texts, content.Text{Zh: e.text})
	}
	if open := im.open; dept == "" && len(es) > 0 && es[0].n == 0 && open != nil && len(*open) > 0 && !complete((*open)[len(*open)-1].Zh) {
		last := &(*open)[len(*open)-1]
		im.rep.warn(l.n, "joined %q to the duties the page break split (%q)", short(es[0].text), short(last.Zh))
		last.Zh += es[0].text
		*open = append(*open, texts[1:]...)
		return
	}
	if dept == "" {
		b.Joint = append(b.Joint, texts...)
		im.open = &b.Joint
		return
	}
	id := im.reg.body(dept, l.n, im.rep)
	if i := slices.IndexFunc(b.Divisions, func(d *content.Division) bool { return d.Body == id }); i >= 0 {
		if !sameText(strings.Join(zhs(b.Divisions[i].Duties), ""), strings.Join(zhs(texts), "")) {
			im.rep.fail(l.n, "%s appears twice in matter %q with different duties", dept, b.Title.Zh)
		} else {
			im.rep.warn(l.n, "dropped the row repeating %s's duties in matter %q", dept, b.Title.Zh)
		}
		return
	}
	dv := &content.Division{Body: id, Duties: texts}
	b.Divisions = append(b.Divisions, dv)
	im.open = &dv.Duties
}

// column adds a cell's numbered entries (bases or examples) to those the
// matter has: a copy of them repeated across a page break is dropped, an
// unnumbered first entry finishes the sentence the break split, and the
// others must go on with the numbering.
func (im *importer) column(have []content.Text, name string, es []entry, n int) []content.Text {
	if len(es) == 0 {
		return have
	}
	if len(have) > 0 && len(es) == len(have) && sameEntries(have, es) {
		im.rep.warn(n, "dropped the %s repeated across a page break", name)
		return have
	}
	for i, e := range es {
		switch {
		case e.n == 0 && i == 0 && len(have) > 0:
			last := &have[len(have)-1]
			im.rep.warn(n, "joined %q to the %s the page break split (%q)", short(e.text), name, short(last.Zh))
			last.Zh += e.text
		case e.n == 0 && len(es) == 1 && len(have) == 0 || e.n == len(have)+1:
			have = append(have, content.Text{Zh: e.text})
		default:
			im.rep.fail(n, "%s %q: expected number %d", name, short(e.text), len(have)+1)
			return have
		}
		im.reg.mentions(e.text, n, im.rep)
	}
	return have
}

func sameEntries(have []content.Text, es []entry) bool {
	for i, e := range es {
		if !sameText(have[i].Zh, e.text) {
			return false
		}
	}
	return true
}

// zhs returns the Chinese of texts.
func zhs(ts []content.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Zh)
	}
	return out
}

// services reads part 四: the table of public services.
func (im *importer) services(ls []line) {
	im.table("四 (公共服务事项)", ls, servicesHeader, func(l line, cs []string) {
		if n, err := strconv.Atoi(cs[0]); err != nil || n != len(im.d.Services)+1 {
			im.rep.fail(l.n, "service number %q does not follow %d", cs[0], len(im.d.Services))
			return
		}
		s := &content.Service{ID: cs[0], Title: content.Text{Zh: cs[1]}, Content: content.Text{Zh: cs[2]},
			Office: content.Text{Zh: cs[3]}, Phone: cs[4]}
		for _, t := range cs[1:3] {
			im.reg.mentions(t, l.n, im.rep)
		}
		im.d.Services = append(im.d.Services, s)
	}, nil)
}
