package importer

import (
	"fmt"
	"slices"
	"strings"
)

// propose sets the regimes of every record from the keywords kept with
// each regime in the registry, and reports them as proposals, a line per
// file: an item whose text names no keyword takes its duty's title's, a
// duty the union of its title's and its items'. A record left without a
// regime is reported for the editor to file.
func (im *importer) propose() {
	r := im.reg
	for _, du := range im.d.Duties {
		own := r.regimes(du.Title.Zh)
		all := own
		var items []string
		for _, it := range du.Items {
			if it.Regimes = r.regimes(it.Text.Zh); it.Regimes == nil {
				it.Regimes = own
			}
			all = r.union(all, it.Regimes)
			items = append(items, fmt.Sprintf("item %d %s", it.N, list(it.Regimes)))
		}
		du.Regimes = all
		im.proposal("duties/"+du.ID+".toml", append([]string{"duty " + list(all)}, items...))
	}
	for _, b := range im.d.Boundaries {
		texts := []string{b.Title.Zh}
		for _, dv := range b.Divisions {
			if dv.Body == im.d.Body {
				texts = append(texts, zhs(dv.Duties)...)
			}
		}
		b.Regimes = r.regimes(texts...)
		im.proposal("boundaries/"+b.ID+".toml", []string{"matter " + list(b.Regimes)})
	}
	for _, s := range im.d.Systems {
		s.Regimes = r.regimes(s.Title.Zh, s.Purpose.Zh)
		im.proposal("systems/"+s.ID+".toml", []string{"system " + list(s.Regimes)})
	}
	var svc []string
	for _, s := range im.d.Services {
		s.Regimes = r.regimes(s.Title.Zh, s.Content.Zh)
		svc = append(svc, fmt.Sprintf("service %s %s", s.ID, list(s.Regimes)))
	}
	im.proposal("services.toml", svc)
}

// proposal reports the regimes proposed for the records of a file.
func (im *importer) proposal(file string, recs []string) {
	if len(recs) == 0 {
		return
	}
	p := Proposal{File: file, Regimes: strings.Join(recs, ", ")}
	for _, rec := range recs {
		if strings.HasSuffix(rec, "[]") {
			p.None = append(p.None, strings.TrimSuffix(rec, " []"))
		}
	}
	im.rep.Proposals = append(im.rep.Proposals, p)
}

func list(ids []string) string { return "[" + strings.Join(ids, " ") + "]" }

// union returns the regimes in a or b, in the registry's order.
func (r *registry) union(a, b []string) []string {
	var out []string
	for _, g := range r.Regimes {
		if slices.Contains(a, g.ID) || slices.Contains(b, g.ID) {
			out = append(out, g.ID)
		}
	}
	return out
}
