package graph

import (
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/markup"
)

// A Memo keeps, for building the graphs of the same content again and
// again (the preview), what each Chinese text cites (its 《…》 titles) and
// which bodies it names, by the text: a text met again is not scanned
// again. The bodies named hold while the names the texts are matched
// against (every body's name, short name and aliases, and the glossary's
// terms, in order) are as they were; a Memo forgets them otherwise. It
// keeps the texts of the last graph only. A Memo is for one graph at a
// time; its graphs equal New's.
type Memo struct {
	key   string // the names the texts were matched against
	texts map[string]*refs
	next  map[string]*refs // the texts of the graph being built
}

// refs is what one text cites and names: titles as written, bodies by
// their place in the registry.
type refs struct {
	titles []string
	bodies []int
}

// NewMemo returns an empty Memo.
func NewMemo() *Memo { return &Memo{} }

// begin starts a graph of c. It returns nil for a nil Memo.
func (m *Memo) begin(c *content.Content) *Memo {
	if m == nil {
		return nil
	}
	key := namesKey(c)
	m.texts = m.next
	if key != m.key {
		m.texts = nil
	}
	m.key, m.next = key, map[string]*refs{}
	return m
}

// namesKey is every name the Chinese texts are matched against, in order.
func namesKey(c *content.Content) string {
	var b strings.Builder
	for _, bd := range c.Registry.Bodies {
		for _, s := range append([]string{bd.Name.In(content.Zh), bd.Short.In(content.Zh)}, bd.Aliases.In(content.Zh)...) {
			b.WriteString(s)
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
	for _, t := range c.Glossary.Terms {
		b.WriteString(t.Term.Zh)
		b.WriteByte(0)
	}
	return b.String()
}

// refs returns the titles the Chinese text s mentions and the bodies it
// names, in order, from the memo when it has them.
func (g *Graph) refs(s string) ([]string, []*content.Body) {
	m := g.memo
	if m == nil {
		return markup.MentionTitles(s), g.Names[content.Zh].Bodies(s)
	}
	r := m.next[s]
	if r == nil {
		r = m.texts[s]
	}
	if r == nil {
		r = &refs{titles: markup.MentionTitles(s)}
		for _, b := range g.Names[content.Zh].Bodies(s) {
			r.bodies = append(r.bodies, g.bodyIndex(b))
		}
	}
	m.next[s] = r
	bodies := make([]*content.Body, len(r.bodies))
	for i, k := range r.bodies {
		bodies[i] = g.Content.Registry.Bodies[k]
	}
	return r.titles, bodies
}

// bodyIndex is a body's place in the registry.
func (g *Graph) bodyIndex(b *content.Body) int {
	if g.bodyAt == nil {
		g.bodyAt = map[*content.Body]int{}
		for i, bd := range g.Content.Registry.Bodies {
			if _, ok := g.bodyAt[bd]; !ok {
				g.bodyAt[bd] = i
			}
		}
	}
	return g.bodyAt[b]
}
