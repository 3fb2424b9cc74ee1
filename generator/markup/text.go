package markup

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode"

	"qingdan/generator/content"
)

// TextHTML renders a plain Text value: escaped, with each 《…》 mention a
// link to its instrument. An unresolved mention stays text (the check stage
// has already refused it). With links, the names of bodies outside the
// mentions link to their pages too.
func TextHTML(l content.Lang, s string, res Resolver, lk Linker, links *NameLinks) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + 64)
	src := []byte(s)
	last := 0
	EachMention(src, func(off, n int, title string, ok bool) {
		var inst *content.Instrument
		if ok {
			inst = res.Resolve(l, title)
		}
		if inst == nil {
			return
		}
		links.write(&b, s[last:off])
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, html.EscapeString(lk.Link(inst)), html.EscapeString(MentionLabel(l, title, inst)))
		last = off + n
	})
	links.write(&b, s[last:])
	return template.HTML(b.String())
}

// HasHan reports whether s contains a Chinese character.
func HasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Plain strips a mention-bearing text down to what a reader sees, for
// search snippets and titles: in English, 《id》 becomes the English name.
func Plain(l content.Lang, s string, res Resolver) string {
	if l == content.Zh || !strings.Contains(s, openTitle) {
		return s
	}
	var b strings.Builder
	last := 0
	EachMention([]byte(s), func(off, n int, title string, ok bool) {
		if !ok {
			return
		}
		if inst := res.Resolve(l, title); inst != nil {
			b.WriteString(s[last:off])
			b.WriteString(inst.Name.En)
			last = off + n
		}
	})
	b.WriteString(s[last:])
	return b.String()
}
