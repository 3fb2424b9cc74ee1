package site

import (
	"fmt"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
)

type (
	Lang       = content.Lang
	Text       = content.Text
	Prose      = content.Prose
	Department = content.Department
	Duty       = content.Duty
	Item       = content.Item
	Boundary   = content.Boundary
	System     = content.System
	Instrument = content.Instrument
	Body       = content.Body
	Regime     = content.Regime
	Kind       = content.Kind
	Term       = content.Term
	Site       = content.Site
)

const (
	Zh = content.Zh
	En = content.En
)

// Page is one page of the site in one language. Data holds the typed
// records its template shows.
type Page struct {
	Lang     Lang
	URL      string // site path: /zh/linyi-qts/duties/3/
	Template string // file under layouts/
	Title    Text   // the page's h1 and <title>, both languages
	Crumbs   []Crumb
	Dept     *Department // the list the page belongs to, if any
	Data     any
	// AnyDepth marks the page a host serves for any missing URL
	// (404.html): its links start from the site's folder, not from the
	// page, and it is not indexed.
	AnyDepth bool
}

// Crumb is one step of a page's breadcrumbs.
type Crumb struct {
	Title Text
	URL   string
}

// File is where the page is written under public/.
func (p *Page) File() string {
	if strings.HasSuffix(p.URL, "/") {
		return strings.TrimPrefix(p.URL, "/") + "index.html"
	}
	return strings.TrimPrefix(p.URL, "/")
}

// Twin is the URL of the same page in the other language (for a page
// served at any depth, the other language's home).
func (p *Page) Twin() string {
	other := En
	if p.Lang == En {
		other = Zh
	}
	if p.AnyDepth {
		return "/" + string(other) + "/"
	}
	return "/" + string(other) + strings.TrimPrefix(p.URL, "/"+string(p.Lang))
}

// model is what the render stage reads: the record graph and what is made
// from it once, before any page is rendered. Rendering never changes it.
type model struct {
	g      *graph.Graph
	c      *content.Content
	ix     *content.Index
	links  map[Lang]*markup.NameLinks // body names → body pages, site paths
	draft  bool                       // pending translations shown in Chinese
	base   content.Base               // where the site is hosted (site.toml base_url)
	assets *Assets                    // layouts/assets/ as published
}

func newModel(g *graph.Graph) *model {
	m := &model{g: g, c: g.Content, ix: g.Index, links: map[Lang]*markup.NameLinks{}}
	m.base, _ = content.ParseBase(g.Content.Site.BaseURL) // the check stage refused a bad one
	for _, l := range content.Langs {
		m.links[l] = g.Names[l].Links(func(b *Body) string {
			if !m.hasBodyPage(b) {
				return ""
			}
			return m.url(l, b)
		})
	}
	return m
}

// url is the site path of a record of the graph in lang.
func (m *model) url(l Lang, v any) string { return m.g.Of(v).URL(l) }

// deptURL is a list's home; part is "", "duties/", "boundaries/", …
func deptURL(l Lang, d *Department, part string) string {
	return fmt.Sprintf("/%s/%s/%s", l, d.Slug, part)
}

// sitePath is one of the site's own pages: "laws/", "search/", ….
func sitePath(l Lang, rest string) string { return "/" + string(l) + "/" + rest }

func (m *model) hasBodyPage(b *Body) bool {
	return len(m.g.Roles(b)) > 0 || len(m.g.NamedIn(b)) > 0
}

// CiteGroup is the places of one department that cite an instrument or
// name a body.
type CiteGroup struct {
	Dept      *Department
	Citations []graph.Citation
}

// byDept groups citations by department, keeping their order.
func byDept(cs []graph.Citation) []CiteGroup {
	var gs []CiteGroup
	for _, c := range cs {
		if len(gs) == 0 || gs[len(gs)-1].Dept != c.Dept {
			gs = append(gs, CiteGroup{Dept: c.Dept})
		}
		gs[len(gs)-1].Citations = append(gs[len(gs)-1].Citations, c)
	}
	return gs
}
