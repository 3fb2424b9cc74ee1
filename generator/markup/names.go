package markup

import (
	"fmt"
	"html"
	"strings"
	"unicode/utf8"

	"qingdan/generator/content"
)

// Names finds the names of bodies in text of one language. It is a trie of every
// known name, built once: a body's name, short name and aliases, and the
// glossary's terms, which are known names that are no body (公安部门,
// public security departments, is not 公安部). At each position of a text
// the longest known name wins and the scan goes on after it; a 《…》 title
// is passed over whole. The cost is linear in the text, whatever the
// number of bodies.
type Names struct {
	root *trieNode
}

type trieNode struct {
	next map[rune]*trieNode
	body *content.Body // the body this name ends, if any
	end  bool          // a known name ends here
}

// NewNames builds the matcher for the names of bodies in lang, with
// other known terms that are no body.
func NewNames(l content.Lang, bodies []*content.Body, others []string) *Names {
	n := &Names{root: &trieNode{}}
	for _, b := range bodies {
		for _, s := range append([]string{b.Name.In(l), b.Short.In(l)}, b.Aliases.In(l)...) {
			n.add(s, b)
		}
	}
	for _, t := range others {
		n.add(t, nil)
	}
	return n
}

func (n *Names) add(name string, b *content.Body) {
	if name == "" {
		return
	}
	t := n.root
	for _, r := range name {
		if t.next == nil {
			t.next = map[rune]*trieNode{}
		}
		c := t.next[r]
		if c == nil {
			c = &trieNode{}
			t.next[r] = c
		}
		t = c
	}
	if !t.end { // the first body to claim a name keeps it; a term never takes a body's
		t.body, t.end = b, true
	}
}

// Match is one name found in a text: bytes [Start, End) name Body.
type Match struct {
	Start, End int
	Body       *content.Body
}

// Find calls f for each body named in s, in order.
func (n *Names) Find(s string, f func(Match)) {
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], openTitle) { // only a 《 can open a title
			if title, size, ok := scanMention([]byte(s[i:])); ok && title != "" {
				i += size
				continue
			}
		}
		end, body := n.longest(s[i:])
		if end == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if body != nil {
			f(Match{i, i + end, body})
		}
		i += end
	}
}

// longest returns the length of the longest known name at the start of s
// and its body (nil for a term that is no body).
func (n *Names) longest(s string) (int, *content.Body) {
	t, end := n.root, 0
	var body *content.Body
	for i, r := range s {
		t = t.next[r]
		if t == nil {
			break
		}
		if t.end {
			end, body = i+utf8.RuneLen(r), t.body
		}
	}
	return end, body
}

// Bodies lists the bodies s names, each once, in the order first named.
func (n *Names) Bodies(s string) []*content.Body {
	var out []*content.Body
	n.Find(s, func(m Match) {
		for _, b := range out {
			if b == m.Body {
				return
			}
		}
		out = append(out, m.Body)
	})
	return out
}

// NameLinks writes text with the names of bodies as links to their pages.
type NameLinks struct {
	names *Names
	url   func(*content.Body) string // "" for a body without a page
	rel   func(string) string        // makes a URL relative to a page
}

// Rel returns the links with their URLs passed through rel (to make them
// relative to the page being written).
func (nl *NameLinks) Rel(rel func(string) string) *NameLinks {
	c := *nl
	c.rel = rel
	return &c
}

// Links returns a writer of links to url(b) for each body b named.
func (n *Names) Links(url func(*content.Body) string) *NameLinks {
	return &NameLinks{names: n, url: url}
}

// write writes s escaped, its body names as links (all of s if nl is nil).
func (nl *NameLinks) write(b *strings.Builder, s string) {
	if nl == nil {
		b.WriteString(html.EscapeString(s))
		return
	}
	start := 0
	nl.names.Find(s, func(m Match) {
		u := nl.url(m.Body)
		if u == "" {
			return
		}
		if nl.rel != nil {
			u = nl.rel(u)
		}
		b.WriteString(html.EscapeString(s[start:m.Start]))
		fmt.Fprintf(b, `<a href="%s">%s</a>`, html.EscapeString(u), html.EscapeString(s[m.Start:m.End]))
		start = m.End
	})
	b.WriteString(html.EscapeString(s[start:]))
}
