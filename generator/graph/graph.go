package graph

import (
	"fmt"
	"slices"

	"qingdan/generator/content"
	"qingdan/generator/markup"
)

// Kind is the kind of a record.
type Kind uint8

// The kinds of record; see the package documentation for their anchors.
const (
	Duty Kind = iota + 1
	Item
	Basis
	Note
	Boundary
	Division
	Joint
	BoundaryBases
	Example
	System
	Section
	Service
	Accountability
	AccBody
	Mechanism
	Instrument
	Body
	Regime
)

// Record is one entry of the graph.
type Record struct {
	Kind   Kind
	Dept   *content.Department // nil for the registry's records
	Parent *Record             // the record it belongs to: an item's duty
	Value  any                 // the content record: *content.Item, …
	Page   string              // site path of its page without the language
	Anchor string              // fragment on the page, "" for the page itself
	Title  content.Text
	Label  content.Text // where it is, as lists of citations show it
	Texts  []content.Text
	// Regimes are the record's regimes in registry order, each once.
	Regimes []*content.Regime
	Date    string // its own date or its list's, YYYY-MM[-DD]
	Cites   []*content.Instrument
	Names   []*content.Body
	// Basis is the content of a Basis record.
	Basis *content.Basis
}

// URL is the record's site path in lang, with its anchor.
func (r *Record) URL(l content.Lang) string {
	u := "/" + string(l) + "/" + r.Page
	if r.Anchor != "" {
		u += "#" + r.Anchor
	}
	return u
}

// Citation is one place that cites an instrument or names a body: the
// record, and for a structured accountability basis the basis itself.
type Citation struct {
	*Record
	Basis *content.Basis
}

// Regimed gathers what belongs to one regime in one department, in the
// list's order.
type Regimed struct {
	Dept        *content.Department
	Duties      []*content.Duty
	Items       map[*content.Duty][]*content.Item
	Systems     []*content.System
	Boundaries  []*content.Boundary
	Services    []*content.Service
	Instruments []*content.Instrument
}

// Graph is every record with its references, and the indexes read back
// from them.
type Graph struct {
	Content *content.Content
	Index   *content.Index
	// Records lists every record: each department's in the list's order,
	// then the registry's instruments, bodies and regimes.
	Records []*Record
	// Names finds the names of bodies in each language.
	Names map[content.Lang]*markup.Names

	of       map[any]*Record
	citedBy  map[*content.Instrument][]Citation
	namedIn  map[*content.Body][]Citation
	roles    map[*content.Body][]*Record
	members  map[*content.Regime][]*Regimed
	regimeAt map[*content.Regime]int
	memo     *Memo
	bodyAt   map[*content.Body]int // for memo
}

// New builds the graph of checked content.
func New(c *content.Content, ix *content.Index) *Graph { return (*Memo)(nil).New(c, ix) }

// New builds the graph of checked content, as the package's New, taking
// what texts cite and name from the memo when it is not nil.
func (m *Memo) New(c *content.Content, ix *content.Index) *Graph {
	g := &Graph{memo: m.begin(c), Content: c, Index: ix, of: map[any]*Record{},
		citedBy: map[*content.Instrument][]Citation{}, namedIn: map[*content.Body][]Citation{},
		roles: map[*content.Body][]*Record{}, members: map[*content.Regime][]*Regimed{},
		regimeAt: map[*content.Regime]int{}, Names: map[content.Lang]*markup.Names{}}
	for i, r := range c.Registry.Regimes {
		g.regimeAt[r] = i
	}
	var terms []string
	for _, t := range c.Glossary.Terms {
		terms = append(terms, t.Term.Zh)
	}
	g.Names[content.Zh] = markup.NewNames(content.Zh, c.Registry.Bodies, terms)
	g.Names[content.En] = markup.NewNames(content.En, c.Registry.Bodies, nil)
	for _, d := range c.Departments {
		start := len(g.Records)
		g.department(d)
		g.regimeMembers(d, g.Records[start:])
	}
	g.registry()
	return g
}

// Of returns the record of a content record (*content.Duty, …), or nil.
func (g *Graph) Of(v any) *Record { return g.of[v] }

// CitedBy lists the places that cite an instrument, in the lists' order.
func (g *Graph) CitedBy(in *content.Instrument) []Citation { return g.citedBy[in] }

// NamedIn lists the places whose text names a body.
func (g *Graph) NamedIn(b *content.Body) []Citation { return g.namedIn[b] }

// Roles lists the parts the lists give a body: its own list (a
// department's record), its divisions of boundary matters and its parts in
// accountability mechanisms.
func (g *Graph) Roles(b *content.Body) []*Record { return g.roles[b] }

// Members lists, department by department, what belongs to a regime.
func (g *Graph) Members(r *content.Regime) []*Regimed { return g.members[r] }

// add puts a record in the graph, resolving its references.
func (g *Graph) add(r *Record) *Record {
	g.Records = append(g.Records, r)
	if r.Value != nil {
		g.of[r.Value] = r
	}
	if r.Basis != nil {
		if in := g.Index.Instrument(r.Basis.Instrument); in != nil {
			r.Cites = append(r.Cites, in)
			g.citedBy[in] = append(g.citedBy[in], Citation{r, r.Basis})
		}
	}
	for _, t := range r.Texts {
		titles, bodies := g.refs(t.Zh)
		for _, title := range titles {
			in := g.Index.Resolve(content.Zh, title)
			if in == nil || slices.Contains(r.Cites, in) {
				continue
			}
			r.Cites = append(r.Cites, in)
			g.citedBy[in] = append(g.citedBy[in], Citation{Record: r})
		}
		for _, b := range bodies {
			if !slices.Contains(r.Names, b) {
				r.Names = append(r.Names, b)
				g.namedIn[b] = append(g.namedIn[b], Citation{Record: r})
			}
		}
	}
	return r
}

// regimes resolves regime IDs to records in registry order, each once.
func (g *Graph) regimes(ids []string) []*content.Regime {
	var out []*content.Regime
	for _, id := range ids {
		if r := g.Index.Regime(id); r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *content.Regime) int { return g.regimeAt[a] - g.regimeAt[b] })
	return out
}

// RegimeIndex is a regime's place in the registry.
func (g *Graph) RegimeIndex(r *content.Regime) int { return g.regimeAt[r] }

func dated(own, list string) string {
	if own != "" {
		return own
	}
	return list
}

func label(zh, en, id string, title content.Text, res markup.Resolver) content.Text {
	return content.Text{Zh: fmt.Sprintf("%s %s：%s", zh, id, title.Zh), En: fmt.Sprintf("%s %s: %s", en, id, markup.Plain(content.En, title.En, res))}
}
