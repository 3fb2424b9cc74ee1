package markup

import (
	"bytes"

	"qingdan/generator/content"
)

const (
	openTitle  = "《"
	closeTitle = "》"
)

// scanMention reads a 《…》 mention at the start of s. It returns the title
// inside the brackets and the mention's length in bytes.
func scanMention(s []byte) (title string, n int, ok bool) {
	if !bytes.HasPrefix(s, []byte(openTitle)) {
		return "", 0, false
	}
	end := bytes.Index(s, []byte(closeTitle))
	if end < 0 {
		return "", 0, false
	}
	inner := s[len(openTitle):end]
	if len(inner) == 0 || bytes.ContainsAny(inner, "\n《") {
		return "", 0, false
	}
	return string(inner), end + len(closeTitle), true
}

// EachMention calls f for each 《 in s: with the mention's byte offset and
// length and its title, or with ok false where the 《 opens no mention.
func EachMention(s []byte, f func(off, n int, title string, ok bool)) {
	for i := 0; i < len(s); {
		j := bytes.Index(s[i:], []byte(openTitle))
		if j < 0 {
			return
		}
		i += j
		title, n, ok := scanMention(s[i:])
		f(i, n, title, ok)
		if !ok {
			n = len(openTitle)
		}
		i += n
	}
}

// MentionTitles lists the titles of the 《…》 mentions in s, in order.
func MentionTitles(s string) []string {
	var out []string
	EachMention([]byte(s), func(_, _ int, title string, ok bool) {
		if ok {
			out = append(out, title)
		}
	})
	return out
}

// Resolver finds the instrument a mention names: in Chinese by its name or
// an alias, in English by its registry ID. *content.Index is one.
type Resolver interface {
	Resolve(l content.Lang, title string) *content.Instrument
}

// Linker gives the URL of an instrument's page from the page being written.
type Linker interface {
	Link(inst *content.Instrument) string
}

// MentionLabel is how a resolved mention reads in lang. An instrument whose
// English name is pending (a draft) reads in English as its registry ID.
func MentionLabel(l content.Lang, title string, inst *content.Instrument) string {
	if l == content.En && inst.Name.En == "" {
		return inst.ID
	}
	if l == content.En {
		return inst.Name.En
	}
	return openTitle + title + closeTitle
}
