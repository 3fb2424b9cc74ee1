package importer

import (
	"regexp"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// The header row of each table, repeated on every page the table runs to.
var (
	dutiesHeader   = []string{"序号", "主要职责", "具体责任事项", "追责依据及追责情形"}
	boundaryHeader = []string{"管理事项", "相关部门", "职责分工及协调配合机制", "相关依据", "事例"}
	servicesHeader = []string{"序号", "服务事项", "主要内容", "承办机构", "联系电话"}
)

// table reads the rows of a part's table: it checks each row's cells
// against the header, drops the header rows repeated on later pages
// (reported) and calls row with the cells of every other row. Lines that
// are not rows go to other, or are errors when other is nil.
func (im *importer) table(part string, ls []line, header []string, row func(line, []string), other func(line) bool) {
	seen := 0
	for _, l := range ls {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		cs := cells(l.text)
		if len(cs) == 1 && other != nil && other(l) {
			continue
		}
		if len(cs) != len(header) {
			im.rep.fail(l.n, "row has %d cells: a row of part %s has %d (%s), separated by tabs", len(cs), part, len(header), strings.Join(header, ", "))
			continue
		}
		if strings.Join(cs, "\t") == strings.Join(header, "\t") {
			if seen > 0 {
				im.rep.warn(l.n, "dropped the header row repeated from line %d (the table runs on across a page break)", seen)
			} else {
				seen = l.n
			}
			continue
		}
		if seen == 0 {
			im.rep.fail(l.n, "the table of part %s must open with its header row, %s", part, strings.Join(header, "<TAB>"))
			seen = l.n // read on as if it were the header
			continue
		}
		row(l, cs)
	}
}

// duties reads part 一: the table of duties, items and bases, and the note.
func (im *importer) duties(ls []line) {
	var cur *content.Duty
	next := 1 // the number the next item must have
	im.table("一 (部门主要职责)", ls, dutiesHeader, func(l line, cs []string) {
		switch {
		case cs[0] != "":
			n, err := strconv.Atoi(cs[0])
			if err != nil || n != len(im.d.Duties)+1 {
				im.rep.fail(l.n, "duty number %q does not follow %d", cs[0], len(im.d.Duties))
				return
			}
			if cs[1] == "" {
				im.rep.fail(l.n, "duty %d has no title (主要职责)", n)
			}
			cur = &content.Duty{ID: cs[0], Title: content.Text{Zh: cs[1]}}
			im.d.Duties = append(im.d.Duties, cur)
		case cur == nil || cs[1] != "" && cs[1] != cur.Title.Zh:
			im.rep.fail(l.n, "row without a duty number (序号) that does not continue the duty above")
			return
		}
		for _, p := range paragraphs(cs[2], l.n, im.rep) {
			im.item(cur, p, &next, l.n)
		}
		im.bases(cur, paragraphs(cs[3], l.n, im.rep), l.n)
	}, func(l line) bool {
		note, ok := strings.CutPrefix(strings.TrimSpace(l.text), "注：")
		if ok {
			im.d.DutiesNote.Zh = note
			im.reg.mentions(note, l.n, im.rep)
		}
		return ok
	})
}

// item reads one responsibility item, numbered by circled glyphs.
func (im *importer) item(du *content.Duty, p string, next *int, n int) {
	vals, text := leadingCircled(p)
	if last := len(du.Items) - 1; len(vals) == 0 && last >= 0 && !complete(du.Items[last].Text.Zh) {
		im.rep.warn(n, "joined %q to item %d, which the page break split", short(p), du.Items[last].N)
		du.Items[last].Text.Zh += p
		im.reg.mentions(p, n, im.rep)
		return
	}
	if len(vals) == 0 {
		im.rep.fail(n, "item %q has no circled number: item %d should start with %s", short(p), *next, glyphs([]int{*next}))
		return
	}
	ok, exact := readsAs(vals, *next)
	if !ok {
		im.rep.fail(n, "item number %s does not follow item %d", glyphs(vals), *next-1)
		return
	}
	if !exact {
		im.rep.warn(n, "renumbered item %s as %d (circled numbers above ⑳ are mangled in the template)", glyphs(vals), *next)
	}
	text = strings.TrimSpace(text)
	if i := strings.IndexFunc(text, func(r rune) bool { return circledValue(r) > 0 }); i >= 0 {
		im.rep.fail(n, "item %d's text holds a circled number (%s): put each item in its own <p> or row", *next, short(text[i:]))
	}
	im.reg.mentions(text, n, im.rep)
	du.Items = append(du.Items, &content.Item{N: *next, Text: content.Text{Zh: text}})
	*next++
}

var (
	articleRe = regexp.MustCompile(`第[〇零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?：`)
	citeRe    = regexp.MustCompile(`^《([^》]+)》(?:[（(]([^）)]*)[）)])?`)
)

// bases reads the numbered accountability bases of a duty.
func (im *importer) bases(du *content.Duty, paras []string, n int) {
	for _, e := range entries(paras) {
		if e.n != len(du.Bases)+1 {
			im.rep.fail(n, "basis %q is numbered %d: duty %s's bases run 1, 2, … and the next is %d", short(e.text), e.n, du.ID, len(du.Bases)+1)
			return
		}
		b := im.basis(e.text, n)
		if b == nil {
			return
		}
		du.Bases = append(du.Bases, b)
	}
}

// basis reads one basis: 《instrument》（version）第…条：circumstances…, or
// a line that cites no instrument.
func (im *importer) basis(s string, n int) *content.Basis {
	m := citeRe.FindStringSubmatch(s)
	if m == nil {
		im.reg.mentions(s, n, im.rep)
		return &content.Basis{Text: content.Text{Zh: s}}
	}
	b := &content.Basis{Instrument: im.reg.instrument(m[1], n, im.rep), Version: content.Text{Zh: m[2]}}
	rest := s[len(m[0]):]
	locs := articleRe.FindAllStringIndex(rest, -1)
	if len(locs) == 0 || locs[0][0] != 0 {
		im.rep.fail(n, "basis 《%s》 must go on with the article it cites (第…条：) and the circumstances, not %q", m[1], short(rest))
		return nil
	}
	for i, loc := range locs {
		end := len(rest)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		art := &content.Article{Article: content.Text{Zh: strings.TrimSuffix(rest[loc[0]:loc[1]], "：")}}
		for _, c := range circumstances(rest[loc[1]:end]) {
			im.reg.mentions(c, n, im.rep)
			art.Circumstances = append(art.Circumstances, content.Text{Zh: c})
		}
		b.Articles = append(b.Articles, art)
	}
	return b
}

// circumstances splits an article's text after each ；.
func circumstances(s string) []string {
	var out []string
	for _, c := range strings.SplitAfter(s, "；") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
