package generator

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

const (
	openTitle  = "《"
	closeTitle = "》"
)

// scanMention reads a 《…》 mention at the start of s. Titles may nest 〈…〉
// (《山东省实施〈标准化法〉办法》). It returns the title inside the brackets and
// the mention's length in bytes.
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

// eachMention calls f for each 《 in s: with the mention's byte offset and
// length and its title, or with ok false where the 《 opens no mention.
func eachMention(s []byte, f func(off, n int, title string, ok bool)) {
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

// Resolver finds the instrument a mention names: in Chinese by its name or
// an alias, in English by its registry ID.
type Resolver interface {
	Resolve(l Lang, title string) *Instrument
}

// Linker gives the URL of an instrument's page from the page being written.
type Linker interface {
	Link(inst *Instrument) string
}

// mentionLabel is how a resolved mention reads in lang.
func mentionLabel(l Lang, title string, inst *Instrument) string {
	if l == En {
		return inst.Name.En
	}
	return openTitle + title + closeTitle
}

// textHTML renders a plain Text value: escaped, with each 《…》 mention a
// link to its instrument. An unresolved mention stays text (the check stage
// has already refused it). With bodies, the names of bodies outside the
// mentions link to their pages too.
func textHTML(l Lang, s string, res Resolver, lk Linker, bodies *bodyNames) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + 64)
	src := []byte(s)
	last := 0
	eachMention(src, func(off, n int, title string, ok bool) {
		var inst *Instrument
		if ok {
			inst = res.Resolve(l, title)
		}
		if inst == nil {
			return
		}
		bodies.write(&b, string(src[last:off]))
		fmt.Fprintf(&b, `<a href="%s">%s</a>`, html.EscapeString(lk.Link(inst)), html.EscapeString(mentionLabel(l, title, inst)))
		last = off + n
	})
	bodies.write(&b, string(src[last:]))
	return template.HTML(b.String())
}

// bodyNames links the names of bodies in text, longest name first.
type bodyNames struct {
	names map[rune][]string // by first character, longest first
	url   map[string]string // site paths
	rel   func(string) string
}

// from returns the names with their links made relative to a page.
func (bn *bodyNames) from(lk interface{ Rel(string) string }) *bodyNames {
	c := *bn
	c.rel = lk.Rel
	return &c
}

// newBodyNames prepares the names of the bodies in lang with their URLs.
func newBodyNames(l Lang, bodies []*Body, url func(*Body) string) *bodyNames {
	bn := &bodyNames{names: map[rune][]string{}, url: map[string]string{}}
	for _, b := range bodies {
		names := append([]string{b.Name.In(l), b.Short.In(l)}, b.Aliases.In(l)...)
		for _, n := range names {
			if len([]rune(n)) >= 3 && bn.url[n] == "" {
				bn.url[n] = url(b)
				first, _ := utf8.DecodeRuneInString(n)
				bn.names[first] = append(bn.names[first], n)
			}
		}
	}
	for _, ns := range bn.names {
		slices.SortStableFunc(ns, func(a, b string) int { return len(b) - len(a) })
	}
	return bn
}

// write writes s escaped, its body names as links (all of s if bn is nil).
func (bn *bodyNames) write(b *strings.Builder, s string) {
	if bn == nil {
		b.WriteString(html.EscapeString(s))
		return
	}
	start := 0
	for i := 0; i < len(s); {
		hit := ""
		first, size := utf8.DecodeRuneInString(s[i:])
		for _, n := range bn.names[first] {
			// 公安部门 is "public security departments", not 公安部 (the
			// ministry) followed by 门: a name ending in 部 never runs into 门.
			if strings.HasPrefix(s[i:], n) && !(strings.HasSuffix(n, "部") && strings.HasPrefix(s[i+len(n):], "门")) {
				hit = n
				break
			}
		}
		if hit == "" {
			i += size
			continue
		}
		b.WriteString(html.EscapeString(s[start:i]))
		u := bn.url[hit]
		if bn.rel != nil {
			u = bn.rel(u)
		}
		fmt.Fprintf(b, `<a href="%s">%s</a>`, html.EscapeString(u), html.EscapeString(hit))
		i += len(hit)
		start = i
	}
	b.WriteString(html.EscapeString(s[start:]))
}

// mentionEnv is what the mention parser needs while parsing one Prose value;
// it travels in the goldmark parser.Context.
type mentionEnv struct {
	lang       Lang
	res        Resolver
	link       Linker // nil while checking
	unresolved []unresolvedMention
}

type unresolvedMention struct {
	title string
	off   int // byte offset in the Markdown source
}

var mentionKey = parser.NewContextKey()

// mentionTransformer is a goldmark AST transformer that turns each 《…》
// mention in the text of a Markdown document into a link to its instrument.
// (Goldmark's inline triggers fire only on ASCII punctuation, so a mention
// is found in the parsed text rather than by an inline parser.)
type mentionTransformer struct{}

func (mentionTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	env, _ := pc.Get(mentionKey).(*mentionEnv)
	if env == nil {
		return
	}
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		splitMentions(t, reader.Source(), env)
	}
}

// splitMentions replaces the mentions in one text node by links, keeping
// the node itself as the text after the last mention (so that its line
// break stays where it was).
func splitMentions(t *ast.Text, src []byte, env *mentionEnv) {
	start, stop := t.Segment.Start, t.Segment.Stop
	parent := t.Parent()
	last := 0 // offset in the value of text not yet placed before t
	eachMention(t.Segment.Value(src), func(off, n int, title string, ok bool) {
		if !ok {
			return
		}
		inst := env.res.Resolve(env.lang, title)
		if inst == nil {
			env.unresolved = append(env.unresolved, unresolvedMention{title, start + off})
			return
		}
		if env.link == nil { // checking only
			return
		}
		if off > last {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(start+last, start+off)))
		}
		a := ast.NewLink()
		a.Destination = []byte(env.link.Link(inst))
		a.AppendChild(a, ast.NewString([]byte(mentionLabel(env.lang, title, inst))))
		parent.InsertBefore(parent, t, a)
		last = off + n
	})
	t.Segment = text.NewSegment(start+last, stop)
}

// mentions is the goldmark extension that adds the mention transformer.
type mentions struct{}

func (mentions) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(mentionTransformer{}, 100)))
}

// markdown is the one goldmark configuration for Prose: CommonMark, raw
// HTML left out of the output (and refused by the check stage), mentions.
var markdown = goldmark.New(goldmark.WithExtensions(mentions{}))

// parseProse parses a Prose value with mentions resolved through env.
func parseProse(src []byte, env *mentionEnv) ast.Node {
	pc := parser.NewContext()
	pc.Set(mentionKey, env)
	return markdown.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// proseHTML renders a Prose value.
func proseHTML(l Lang, s string, res Resolver, lk Linker) (template.HTML, error) {
	src := []byte(s)
	doc := parseProse(src, &mentionEnv{lang: l, res: res, link: lk})
	var b bytes.Buffer
	if err := markdown.Renderer().Render(&b, src, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// hasHan reports whether s contains a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// plain strips a mention-bearing text down to what a reader sees, for
// search snippets and titles: in English, 《id》 becomes the English name.
func plain(l Lang, s string, res Resolver) string {
	if l == Zh || !strings.Contains(s, openTitle) {
		return s
	}
	var b strings.Builder
	last := 0
	eachMention([]byte(s), func(off, n int, title string, ok bool) {
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
