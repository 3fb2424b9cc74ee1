package importer

import (
	"regexp"
	"strconv"
	"strings"
)

// A paragraph of a prose part, at the line it starts on.
type para struct {
	n    int
	text string
}

var (
	sectionRe = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	cnItemRe  = regexp.MustCompile(`^(?:[-*]\s*)?[（(]([一二三四五六七八九十]+)[)）]\s*`)
	markerRe  = regexp.MustCompile(`^(?:[-*]\s*)?(?:[（(][一二三四五六七八九十]+[)）]|\d+\s*[.、．]|[一二三四五六七八九十]+、)`)
)

// heading reads a numbered heading (一、监督检查对象): its number and title.
func heading(s string) (int, string, bool) {
	m := sectionRe.FindStringSubmatch(s)
	if m == nil || complete(s) {
		return 0, "", false
	}
	return cnValue(m[1]), m[2], true
}

// paras reads the paragraphs of a prose part: one a line, blank lines
// between them. A paragraph that stops mid-sentence (the page broke it)
// is joined with the next unless that is a heading or starts with a list
// number (reported).
func (im *importer) paras(ls []line, isHeading func(string) bool) []para {
	var out []para
	open := false // the last paragraph stops mid-sentence
	for _, l := range ls {
		t := strings.TrimSpace(l.text)
		if t == "" {
			continue
		}
		if strings.Contains(l.text, "\t") {
			im.rep.fail(l.n, "table row in a part written as prose: its lines are paragraphs")
			continue
		}
		head := isHeading(t)
		if open && !head && !markerRe.MatchString(t) {
			last := &out[len(out)-1]
			im.rep.warn(l.n, "joined %q to the sentence the page break split at line %d", short(t), last.n)
			last.text += t
		} else {
			out = append(out, para{l.n, t})
		}
		open = !head && !complete(out[len(out)-1].text)
	}
	return out
}

// An item of an ordered list in Markdown: its text, its nested items and
// the paragraphs that follow it.
type mdItem struct {
	text     string
	children []string
	paras    []string
	cn       bool // numbered （一） in the source
}

// markdown writes paragraphs as Markdown: （一） and 1. numbered
// paragraphs become ordered lists (1. under （一） nested), a paragraph
// after a list item goes on that item.
func markdown(ps []string) string {
	var blocks []string
	var list []*mdItem
	flush := func() {
		if list != nil {
			blocks = append(blocks, renderList(list))
			list = nil
		}
	}
	for _, p := range ps {
		if m := cnItemRe.FindString(p); m != "" {
			list = append(list, &mdItem{text: p[len(m):], cn: true})
			continue
		}
		if m := numRe.FindString(p); m != "" {
			if len(list) > 0 && list[len(list)-1].cn {
				last := list[len(list)-1]
				last.children = append(last.children, p[len(m):])
			} else {
				list = append(list, &mdItem{text: p[len(m):]})
			}
			continue
		}
		if len(list) > 0 {
			last := list[len(list)-1]
			last.paras = append(last.paras, p)
			continue
		}
		flush()
		blocks = append(blocks, p)
	}
	flush()
	return strings.Join(blocks, "\n\n")
}

// renderList writes an ordered list, loose when an item has paragraphs.
func renderList(list []*mdItem) string {
	sep := "\n"
	for _, it := range list {
		if len(it.paras) > 0 {
			sep = "\n\n"
		}
	}
	var items []string
	for i, it := range list {
		s := strconv.Itoa(i+1) + ". " + it.text
		for j, c := range it.children {
			s += "\n   " + strconv.Itoa(j+1) + ". " + c
		}
		for _, p := range it.paras {
			s += "\n\n   " + p
		}
		items = append(items, s)
	}
	return strings.Join(items, sep)
}
