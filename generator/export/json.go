package export

import (
	"encoding/json"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
)

// Doc is data/SLUG.json: a department's list as records of the graph.
// schema.json documents every field; keep the two together.
type Doc struct {
	Schema      string   `json:"$schema"`
	Department  string   `json:"department"`
	Body        string   `json:"body"`
	Name        Text     `json:"name"`
	Title       Text     `json:"title"`
	Date        string   `json:"date"`
	Licence     Text     `json:"licence"`
	Contact     Text     `json:"contact"`
	Records     []Record `json:"records"`
	Regimes     []Ref    `json:"regimes"`
	Instruments []Ref    `json:"instruments"`
	Bodies      []Ref    `json:"bodies"`
}

// Record is one record of the list.
type Record struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Parent  string   `json:"parent,omitempty"`
	URL     Text     `json:"url"`
	Label   Text     `json:"label"`
	Title   Text     `json:"title"`
	Texts   []Text   `json:"texts"`
	Regimes []string `json:"regimes"`
	Date    string   `json:"date"`
	Cites   []string `json:"cites"`
	Names   []string `json:"names"`
}

// Text is a value in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

func text(t content.Text) Text { return Text{Zh: t.Zh, En: t.En} }

// Ref is a registry record the list refers to: its ID and name (and an
// instrument's kind).
type Ref struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
	Kind string `json:"kind,omitempty"`
}

// kinds are the names of the kinds of record in the data.
var kinds = map[graph.Kind]string{
	graph.Duty: "duty", graph.Item: "item", graph.Basis: "basis", graph.Note: "note",
	graph.Boundary: "boundary", graph.Division: "division", graph.Joint: "joint",
	graph.BoundaryBases: "boundary-bases", graph.Example: "example", graph.System: "system",
	graph.Section: "section", graph.Service: "service", graph.Accountability: "accountability",
	graph.AccBody: "accountability-body", graph.Mechanism: "mechanism",
}

// JSON is data/SLUG.json for department d.
func JSON(g *graph.Graph, d *content.Department) ([]byte, error) {
	site := g.Content.Site
	doc := Doc{Schema: "schema.json", Department: d.Slug, Body: d.Body, Title: text(d.Title), Date: d.Date,
		Licence: text(site.DataLicence), Contact: text(site.Contact),
		Records: []Record{}, Regimes: []Ref{}, Instruments: []Ref{}, Bodies: []Ref{}}
	if b := g.Index.Body(d.Body); b != nil {
		doc.Name = text(b.Name)
	}
	seen := map[any]bool{}
	for _, r := range g.Records {
		if r.Dept != d || r.Kind == 0 {
			continue
		}
		doc.Records = append(doc.Records, record(g, r))
		for _, x := range r.Regimes {
			if !seen[x] {
				seen[x] = true
				doc.Regimes = append(doc.Regimes, Ref{ID: x.ID, Name: text(x.Name)})
			}
		}
		for _, x := range r.Cites {
			if !seen[x] {
				seen[x] = true
				doc.Instruments = append(doc.Instruments, Ref{ID: x.ID, Name: text(x.Name), Kind: x.Kind})
			}
		}
		for _, x := range r.Names {
			if !seen[x] {
				seen[x] = true
				doc.Bodies = append(doc.Bodies, Ref{ID: x.ID, Name: text(x.Name)})
			}
		}
	}
	return json.Marshal(doc) // minified with the site's other files; indenting first only cost time
}

// record is one record of the graph as data: its texts plain, in English
// each 《id》 read as the instrument's name.
func record(g *graph.Graph, r *graph.Record) Record {
	plain := func(t content.Text) Text {
		return Text{Zh: markup.Plain(content.Zh, t.Zh, g.Index), En: markup.Plain(content.En, t.En, g.Index)}
	}
	out := Record{ID: recordID(r), Kind: kinds[r.Kind], Label: text(r.Label), Title: plain(r.Title), Date: r.Date,
		URL:   Text{Zh: "../" + strings.TrimPrefix(r.URL(content.Zh), "/"), En: "../" + strings.TrimPrefix(r.URL(content.En), "/")},
		Texts: []Text{}, Regimes: []string{}, Cites: []string{}, Names: []string{}}
	if r.Parent != nil {
		out.Parent = recordID(r.Parent)
	}
	for _, t := range r.Texts {
		if t.Zh != "" || t.En != "" {
			out.Texts = append(out.Texts, plain(t))
		}
	}
	for _, x := range r.Regimes {
		out.Regimes = append(out.Regimes, x.ID)
	}
	for _, x := range r.Cites {
		out.Cites = append(out.Cites, x.ID)
	}
	for _, x := range r.Names {
		out.Names = append(out.Names, x.ID)
	}
	return out
}

// recordID is a record's place in its list: its page under the list and
// its anchor (duties/3/#item-12).
func recordID(r *graph.Record) string {
	id := strings.TrimPrefix(r.Page, r.Dept.Slug+"/")
	if r.Anchor != "" {
		id += "#" + r.Anchor
	}
	return id
}
