package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"qingdan/generator/content"
)

// registry is the shared registry of the content folder the import writes
// to, with the records the import adds to it.
type registry struct {
	content.Registry
	instruments map[string]string // Chinese title or alias → id
	bodies      map[string]string // Chinese name, short name or alias → id
	newInstr    []*content.Instrument
	newBodies   []*content.Body
}

// loadRegistry decodes content/registry/*.toml under dir.
func loadRegistry(dir string) (*registry, error) {
	r := &registry{instruments: map[string]string{}, bodies: map[string]string{}}
	files, err := fs.Glob(os.DirFS(dir), "registry/*.toml")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%s: no registry/*.toml: import into a content folder with the shared registries", dir)
	}
	for _, f := range files {
		var part content.Registry
		if _, err := toml.DecodeFile(filepath.Join(dir, f), &part); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, f), err)
		}
		r.Kinds = append(r.Kinds, part.Kinds...)
		r.Instruments = append(r.Instruments, part.Instruments...)
		r.Bodies = append(r.Bodies, part.Bodies...)
		r.Regimes = append(r.Regimes, part.Regimes...)
	}
	for _, in := range r.Instruments {
		for _, n := range append([]string{in.Name.Zh}, in.Aliases.Zh...) {
			r.instruments[n] = in.ID
		}
	}
	for _, b := range r.Bodies {
		for _, n := range append([]string{b.Name.Zh, b.Short.Zh}, b.Aliases.Zh...) {
			if n != "" {
				r.bodies[n] = b.ID
			}
		}
	}
	return r, nil
}

// instrument returns the id of the instrument titled title, adding it
// (reported) when the registry has not seen it.
func (r *registry) instrument(title string, n int, rep *Report) string {
	if id, ok := r.instruments[title]; ok {
		return id
	}
	id := nextID("instrument", len(r.newInstr), r.Instruments, func(i *content.Instrument) string { return i.ID })
	in := &content.Instrument{ID: id, Kind: kindOf(title), Name: content.Text{Zh: title}}
	r.newInstr = append(r.newInstr, in)
	r.instruments[title] = id
	rep.warn(n, "new instrument 《%s》 added to registry/instruments.toml as %s (kind %s proposed from its title; add its English name)", title, id, in.Kind)
	return id
}

// body returns the id of the body the list names name, adding it
// (reported) when the registry has not seen it.
func (r *registry) body(name string, n int, rep *Report) string {
	if id, ok := r.bodies[name]; ok {
		return id
	}
	id := nextID("body", len(r.newBodies), r.Bodies, func(b *content.Body) string { return b.ID })
	r.newBodies = append(r.newBodies, &content.Body{ID: id, Name: content.Text{Zh: name}})
	r.bodies[name] = id
	rep.warn(n, "new body %s added to registry/bodies.toml as %s (add its full name, short name and English names)", name, id)
	return id
}

// nextID proposes prefix-N, N one more than the highest N the registry
// and this import's additions (added of them) have used.
func nextID[T any](prefix string, added int, recs []*T, id func(*T) string) string {
	high := 0
	for _, rec := range recs {
		if n, err := strconv.Atoi(strings.TrimPrefix(id(rec), prefix+"-")); err == nil && strings.HasPrefix(id(rec), prefix+"-") {
			high = max(high, n)
		}
	}
	return fmt.Sprintf("%s-%d", prefix, high+added+1)
}

// kindOf proposes the kind of an instrument from the end of its title.
func kindOf(title string) string {
	local := strings.Contains(title, "省") || strings.Contains(title, "市")
	switch {
	case strings.HasSuffix(title, "法") && !local:
		return "law"
	case strings.HasSuffix(title, "条例") && local:
		return "local-regulation"
	case strings.HasSuffix(title, "条例"):
		return "administrative-regulation"
	case strings.HasSuffix(title, "目录"):
		return "catalogue"
	case strings.HasSuffix(title, "书") || strings.HasSuffix(title, "报告") || strings.HasSuffix(title, "表"):
		return "form"
	}
	return "normative-document"
}

var mentionRe = regexp.MustCompile(`《([^《》]+)》`)

// mentions resolves every 《…》 title in s, adding unseen ones.
func (r *registry) mentions(s string, n int, rep *Report) {
	for _, m := range mentionRe.FindAllStringSubmatch(s, -1) {
		r.instrument(m[1], n, rep)
	}
}

// regimes proposes the regimes whose keywords occur in the texts, in the
// registry's order.
func (r *registry) regimes(texts ...string) []string {
	var out []string
	for _, g := range r.Regimes {
		if slices.ContainsFunc(g.Keywords, func(k string) bool {
			return slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, k) })
		}) {
			out = append(out, g.ID)
		}
	}
	return out
}
