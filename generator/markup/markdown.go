package markup

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"qingdan/generator/content"
)

// mentionEnv is what the mention parser needs while parsing one Prose value;
// it travels in the goldmark parser.Context.
type mentionEnv struct {
	lang       content.Lang
	res        Resolver
	link       Linker // nil while checking
	unresolved []Unresolved
}

// Unresolved is a mention that names no instrument.
type Unresolved struct {
	Title string
	Off   int // byte offset in the Markdown source
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
	EachMention(t.Segment.Value(src), func(off, n int, title string, ok bool) {
		if !ok {
			return
		}
		inst := env.res.Resolve(env.lang, title)
		if inst == nil {
			env.unresolved = append(env.unresolved, Unresolved{title, start + off})
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
		a.AppendChild(a, ast.NewString([]byte(MentionLabel(env.lang, title, inst))))
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

// ParseProse parses a Prose value in lang for the check stage: the
// document, and the mentions that resolve to nothing.
func ParseProse(l content.Lang, src []byte, res Resolver) (ast.Node, []Unresolved) {
	env := &mentionEnv{lang: l, res: res}
	return parseProse(src, env), env.unresolved
}

// parseProse parses a Prose value with mentions resolved through env.
func parseProse(src []byte, env *mentionEnv) ast.Node {
	pc := parser.NewContext()
	pc.Set(mentionKey, env)
	return markdown.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
}

// ProseHTML renders a Prose value, its mentions linked.
func ProseHTML(l content.Lang, s string, res Resolver, lk Linker) (template.HTML, error) {
	src := []byte(s)
	doc := parseProse(src, &mentionEnv{lang: l, res: res, link: lk})
	var b bytes.Buffer
	if err := markdown.Renderer().Render(&b, src, doc); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// ProseText is a Prose value as plain text: mentions as their names,
// Markdown syntax gone, one space between blocks.
func ProseText(l content.Lang, md string, res Resolver) string {
	src := []byte(Plain(l, md, res))
	doc := markdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(src))
				if (n.SoftLineBreak() || n.HardLineBreak()) && l == content.En {
					sep()
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			if entering {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		default:
			if n.Type() == ast.TypeBlock && !entering {
				sep()
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
