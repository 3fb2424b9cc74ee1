package site

import (
	"hash/maphash"
	"math"
	"reflect"
	"slices"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// A hasher fingerprints what a page shows: the exported fields of the
// values its data reaches, followed through pointers, slices, maps and
// interfaces. A department reached from a page's data is hashed shallow
// (its own fields: slug, body, title, series, dates, note), not the
// records it holds, except where the page is a department's own index
// (deptDeep). Each pointer is hashed once per build (memo); the hashes are
// only compared within one Builder, whose seed they share.
type hasher struct {
	seed maphash.Seed
	memo map[memoKey]uint64
	busy map[memoKey]bool
	// kept are the hashes of content records from earlier builds (a
	// Builder's content.Cache keeps an unchanged department's records,
	// which nothing changes after the load); read only. made are those of
	// this build, with the records, to keep for the next.
	kept map[memoKey]keptHash
	made map[memoKey]keptHash
	// keptDepts are the lists as at the last build, when the site-wide
	// inputs are too; the hashes of their graph records are keptRecords
	// (a record is made of its list and those inputs alone). records are
	// this build's, to keep.
	keptDepts   map[*Department]bool
	keptRecords map[recKey]keptHash
	records     map[recKey]keptHash
}

// recKey names a list's graph record from one build to the next: its
// content record (held by the key, so that its address names it alone),
// kind and place.
type recKey struct {
	value        any
	kind         graph.Kind
	page, anchor string
}

// recordKey is the key of a list's record whose content record is a
// pointer.
func recordKey(r *graph.Record) (recKey, bool) {
	if r.Dept == nil || r.Value == nil || reflect.TypeOf(r.Value).Kind() != reflect.Pointer {
		return recKey{}, false
	}
	return recKey{r.Value, r.Kind, r.Page, r.Anchor}, true
}

// keptHash is a content record's hash and the record, held so that its
// address names it alone while the hash is kept.
type keptHash struct {
	sum uint64
	rec any
}

var contentPkg = reflect.TypeFor[content.Text]().PkgPath()

type memoKey struct {
	p    uintptr
	t    reflect.Type
	deep bool
}

var (
	deptType   = reflect.TypeFor[*content.Department]()
	recordType = reflect.TypeFor[*graph.Record]()
)

func newHasher(seed maphash.Seed) *hasher {
	return &hasher{seed: seed, memo: map[memoKey]uint64{}, busy: map[memoKey]bool{}}
}

// of is the fingerprint of the values vs, in order.
func (h *hasher) of(vs ...any) uint64 {
	var w maphash.Hash
	w.SetSeed(h.seed)
	for _, v := range vs {
		h.write(&w, reflect.ValueOf(v), false)
	}
	return w.Sum64()
}

// deptDeep is the fingerprint of a department and every record it holds.
func (h *hasher) deptDeep(d *Department) uint64 {
	var w maphash.Hash
	w.SetSeed(h.seed)
	h.write(&w, reflect.ValueOf(d), true)
	return w.Sum64()
}

func (h *hasher) sub(v reflect.Value, deep bool) uint64 {
	var w maphash.Hash
	w.SetSeed(h.seed)
	h.write(&w, v, deep)
	return w.Sum64()
}

func writeUint(w *maphash.Hash, n uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(n >> (8 * i))
	}
	w.Write(b[:])
}

func (h *hasher) write(w *maphash.Hash, v reflect.Value, deep bool) {
	if !v.IsValid() {
		w.WriteByte(0)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		h.pointer(w, v, deep)
	case reflect.Interface:
		if v.IsNil() {
			w.WriteByte(0)
			return
		}
		w.WriteString(v.Elem().Type().String())
		h.write(w, v.Elem(), deep)
	case reflect.Struct:
		h.fields(w, v, deep)
	case reflect.Slice, reflect.Array:
		writeUint(w, uint64(v.Len()))
		for i := range v.Len() {
			h.write(w, v.Index(i), deep)
		}
	case reflect.Map:
		h.mapValue(w, v, deep)
	case reflect.String:
		writeUint(w, uint64(v.Len()))
		w.WriteString(v.String())
	case reflect.Bool:
		if v.Bool() {
			w.WriteByte(1)
		} else {
			w.WriteByte(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		writeUint(w, uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		writeUint(w, v.Uint())
	case reflect.Float32, reflect.Float64:
		writeUint(w, math.Float64bits(v.Float()))
	default: // funcs and channels show nothing
		w.WriteByte(3)
	}
}

// pointer hashes what p points to, once per pointer. A department is
// shallow unless deep; a cycle is hashed as a marker.
func (h *hasher) pointer(w *maphash.Hash, p reflect.Value, deep bool) {
	if p.IsNil() {
		w.WriteByte(0)
		return
	}
	deep = deep && p.Type() == deptType
	k := memoKey{p.Pointer(), p.Type(), deep}
	if n, ok := h.memo[k]; ok {
		writeUint(w, n)
		return
	}
	if kh, ok := h.kept[k]; ok {
		h.memo[k] = kh.sum
		if h.made != nil {
			h.made[k] = kh
		}
		writeUint(w, kh.sum)
		return
	}
	if h.busy[k] {
		w.WriteByte(4)
		return
	}
	rk, isRecord := recKey{}, false
	if p.Type() == recordType {
		r := p.Interface().(*graph.Record)
		if rk, isRecord = recordKey(r); isRecord && h.keptDepts[r.Dept] {
			if kh, ok := h.keptRecords[rk]; ok {
				h.memo[k], h.records[rk] = kh.sum, kh
				writeUint(w, kh.sum)
				return
			}
		}
	}
	h.busy[k] = true
	var n uint64
	if p.Type() == deptType && !deep {
		n = h.shallow(p.Elem())
	} else {
		n = h.sub(p.Elem(), deep)
	}
	delete(h.busy, k)
	h.memo[k] = n
	if h.made != nil && p.Type().Elem().PkgPath() == contentPkg {
		h.made[k] = keptHash{n, p.Interface()}
	}
	if isRecord && h.records != nil {
		h.records[rk] = keptHash{n, p.Interface()}
	}
	writeUint(w, n)
}

// shallow hashes a struct's fields that hold no records (no slices or
// pointers).
func (h *hasher) shallow(v reflect.Value) uint64 {
	var w maphash.Hash
	w.SetSeed(h.seed)
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Pointer {
			continue
		}
		h.write(&w, v.Field(i), false)
	}
	return w.Sum64()
}

func (h *hasher) fields(w *maphash.Hash, v reflect.Value, deep bool) {
	t := v.Type()
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			h.write(w, v.Field(i), deep)
		}
	}
}

// mapValue hashes a map whatever its order: the entries' hashes summed.
func (h *hasher) mapValue(w *maphash.Hash, v reflect.Value, deep bool) {
	var sum uint64
	it := v.MapRange()
	for it.Next() {
		var e maphash.Hash
		e.SetSeed(h.seed)
		h.write(&e, it.Key(), deep)
		h.write(&e, it.Value(), deep)
		sum += e.Sum64()
	}
	writeUint(w, uint64(v.Len()))
	writeUint(w, sum)
}

// skeleton is what pages that gather from every list show of them: each
// list's own fields, and each record's place, title, regimes, date and
// references. Counts, the site map, the search page's years and the laws'
// citation counts all follow from it. byDept is the same for the records
// of each list: what a list's home shows of its parts.
// A list in kept (one of keptDepts) has its records' part as kept.
func (h *hasher) skeleton(m *model, kept map[*Department]uint64) (all uint64, byDept map[*Department]uint64) {
	var w maphash.Hash
	w.SetSeed(h.seed)
	for _, d := range m.c.Departments {
		writeUint(&w, h.of(d))
	}
	byDept = map[*Department]uint64{}
	var registry []uint64
	for _, r := range m.g.Records {
		var dept string
		if r.Dept != nil {
			if n, ok := kept[r.Dept]; ok && h.keptDepts[r.Dept] {
				byDept[r.Dept] = n
				continue
			}
			dept = r.Dept.Slug
		}
		var title Text // the site map's
		if r.Kind == graph.Duty || r.Kind == graph.Boundary || r.Kind == graph.System {
			title = r.Title
		}
		n := h.of(uint8(r.Kind), dept, r.Page, r.Anchor, title, r.Date, regimeIDs(r.Regimes),
			ids(r.Cites, func(in *Instrument) string { return in.ID }), ids(r.Names, func(b *Body) string { return b.ID }))
		if r.Basis != nil {
			n = h.of(n, len(r.Basis.Articles), circumstances(r.Basis))
		}
		if r.Dept != nil {
			byDept[r.Dept] = h.of(byDept[r.Dept], n)
		} else {
			registry = append(registry, n)
		}
	}
	for _, d := range m.c.Departments {
		writeUint(&w, byDept[d])
	}
	for _, n := range registry {
		writeUint(&w, n)
	}
	return w.Sum64(), byDept
}

// deptIndex is what a list's index page shows of the list: its own fields
// and the part the template lists (a list's home: its parts' titles and
// counts). A template that comes to show more of the list must say so here.
func (h *hasher) deptIndex(template string, d *Department, skeleton uint64) uint64 {
	switch template {
	case "dept.html":
		return h.of(d, skeleton)
	case "duties.html":
		return h.of(d, d.Duties)
	case "boundaries.html":
		return h.of(d, d.Boundaries)
	case "systems.html":
		return h.of(d, d.Systems)
	case "services.html":
		return h.of(d, d.Services)
	case "accountability.html":
		return h.of(d, d.Accountability)
	}
	return h.deptDeep(d)
}

// citations is what a law's or a body's page shows of the places that
// cite or name it (law.html, body.html): each list's own fields, and each
// place's link, label and structured basis, not the rest of the record (an
// item's text shows on its own page and its regimes'). A template that
// comes to show more of a citation must say so here.
func (h *hasher) citations(gs []CiteGroup) uint64 {
	var w maphash.Hash
	w.SetSeed(h.seed)
	writeUint(&w, uint64(len(gs)))
	for _, g := range gs {
		h.pointer(&w, reflect.ValueOf(g.Dept), false)
		writeUint(&w, uint64(len(g.Citations)))
		for _, c := range g.Citations {
			for _, s := range []string{c.Page, c.Anchor, c.Label.Zh, c.Label.En} {
				writeUint(&w, uint64(len(s)))
				w.WriteString(s)
			}
			h.pointer(&w, reflect.ValueOf(c.Basis), false)
		}
	}
	return w.Sum64()
}

func regimeIDs(rs []*Regime) []string { return ids(rs, func(r *Regime) string { return r.ID }) }

func ids[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

func circumstances(b *content.Basis) []int {
	return slices.Collect(func(yield func(int) bool) {
		for _, a := range b.Articles {
			if !yield(len(a.Circumstances)) {
				return
			}
		}
	})
}
