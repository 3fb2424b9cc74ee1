package check

import (
	"fmt"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// registry checks the shared records: IDs, kinds, names unique.
func (ck *checker) registry() {
	r := ck.c.Registry
	kinds := uniqueIDs(ck, r.Kinds, func(k *content.Kind) string { return k.ID })
	uniqueIDs(ck, r.Instruments, func(i *content.Instrument) string { return i.ID })
	uniqueIDs(ck, r.Bodies, func(b *content.Body) string { return b.ID })
	uniqueIDs(ck, r.Regimes, func(g *content.Regime) string { return g.ID })
	uniqueIDs(ck, ck.c.Glossary.Terms, func(t *content.Term) string { return t.ID })
	for _, in := range r.Instruments {
		if !kinds[in.Kind] {
			ck.errs.Add(ck.c.Loc(in).At("kind"), "instrument %s has kind %q, which is not a [[kind]] id: use one of %s", in.ID, in.Kind, listIDs(r.Kinds, func(k *content.Kind) string { return k.ID }))
		}
	}
	for _, e := range ck.ix.NameClashes() {
		ck.errs.Add(ck.c.Loc(e.B).At("name"), "the title %q names both %s and %s: a title or alias may name one instrument only", e.Title, e.A.ID, e.B.ID)
	}
}

// uniqueIDs checks that each record has a well-formed ID that no other
// record of the same kind has, and returns the set of IDs.
func uniqueIDs[T any](ck *checker, recs []*T, id func(*T) string) map[string]bool {
	seen := map[string]*T{}
	for _, r := range recs {
		v := id(r)
		l := ck.c.Loc(r)
		switch {
		case v == "":
			ck.errs.Add(l.At("id"), "id is missing: give the record a stable id (lower-case letters, digits, hyphens); URLs use it")
		case !idRE.MatchString(v):
			ck.errs.Add(l.At("id"), "id %q is not valid: use lower-case letters, digits and hyphens", v)
		case seen[v] != nil:
			ck.errs.Add(l.At("id"), "duplicate id %q: already used at %s; give this record another id", v, ck.c.Loc(seen[v]).At("id"))
		default:
			seen[v] = r
		}
	}
	set := make(map[string]bool, len(seen))
	for k := range seen {
		set[k] = true
	}
	return set
}

func listIDs[T any](recs []*T, id func(*T) string) string {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = id(r)
	}
	return strings.Join(ids, ", ")
}

// department checks one department's records and their references.
func (ck *checker) department(d *content.Department) {
	c := ck.c
	dl := c.Loc(d)
	ck.bodyRef(dl, "body", d.Body)
	ck.date(dl, "date", d.Date, true)
	if d.Series < 0 {
		ck.errs.Add(dl.At("series"), "series must be a positive number")
	}
	uniqueIDs(ck, d.Duties, func(r *content.Duty) string { return r.ID })
	uniqueIDs(ck, d.Boundaries, func(r *content.Boundary) string { return r.ID })
	uniqueIDs(ck, d.Systems, func(r *content.System) string { return r.ID })
	uniqueIDs(ck, d.Services, func(r *content.Service) string { return r.ID })
	next := 1
	for i, du := range d.Duties {
		l := c.Loc(du)
		ck.sequence(l, du.ID, i+1, "duty")
		ck.regimes(l, "regimes", du.Regimes)
		ck.date(l, "date", du.Date, false)
		if len(du.Items) == 0 {
			ck.errs.Add(l.At(""), "duty %s has no responsibility items: add [[item]] entries", du.ID)
		}
		for j, it := range du.Items {
			p := fmt.Sprintf("item[%d]", j)
			if it.N != next {
				ck.errs.Add(l.At(p+".n"), "item number %d out of sequence: items run 1, 2, 3… across the duties, so this one is %d", it.N, next)
			}
			next = it.N + 1
			ck.regimes(l, p+".regimes", it.Regimes)
		}
		for j, b := range du.Bases {
			p := fmt.Sprintf("basis[%d]", j)
			switch {
			case b.Instrument == "" && b.Text.Zh == "":
				ck.errs.Add(l.At(p), "basis needs an instrument (a registry id) or a text")
			case b.Instrument != "" && b.Text.Zh != "":
				ck.errs.Add(l.At(p+".text"), "basis has both an instrument and a text: split it into two [[basis]] entries")
			case b.Instrument != "":
				ck.instrumentRef(l, p+".instrument", b.Instrument)
			}
		}
	}
	items := map[int]bool{}
	for _, du := range d.Duties {
		for _, it := range du.Items {
			items[it.N] = true
		}
	}
	for i, bd := range d.Boundaries {
		l := c.Loc(bd)
		ck.sequence(l, bd.ID, i+1, "boundary matter")
		ck.regimes(l, "regimes", bd.Regimes)
		ck.date(l, "date", bd.Date, false)
		if len(bd.Divisions) == 0 {
			ck.errs.Add(l.At(""), "boundary matter %s has no [[division]]: add each department's division of duties", bd.ID)
		}
		for j, dv := range bd.Divisions {
			ck.bodyRef(l, fmt.Sprintf("division[%d].body", j), dv.Body)
		}
	}
	for i, s := range d.Systems {
		l := c.Loc(s)
		ck.sequence(l, s.ID, i+1, "supervision system")
		ck.regimes(l, "regimes", s.Regimes)
		ck.date(l, "date", s.Date, false)
		uniqueIDs(ck, s.Sections, func(r *content.Section) string { return r.ID })
		if len(s.Sections) == 0 && s.Body.Zh == "" {
			ck.errs.Add(l.At(""), "supervision system %s has neither sections nor a body: an empty page may not be published", s.ID)
		}
		for j, n := range s.Items {
			if !items[n] {
				ck.errs.Add(l.At(fmt.Sprintf("items[%d]", j)), "item %d does not exist: items are numbered 1 to %d", n, next-1)
			}
		}
	}
	for i, s := range d.Services {
		l := c.Loc(s)
		ck.sequence(l, s.ID, i+1, "service")
		ck.regimes(l, "regimes", s.Regimes)
		ck.date(l, "date", s.Date, false)
		if !phoneRE.MatchString(s.Phone) {
			ck.errs.Add(l.At("phone"), "phone %q is not a phone number: write digits with hyphens, e.g. 0539-2656029", s.Phone)
		}
	}
	a := d.Accountability
	al := c.Loc(a)
	ck.date(al, "date", a.Date, false)
	uniqueIDs(ck, a.Bodies, func(r *content.AccBody) string { return r.ID })
	uniqueIDs(ck, a.Mechanisms, func(r *content.Mechanism) string { return r.ID })
	for j, b := range a.Bodies {
		ck.bodyRef(al, fmt.Sprintf("body[%d].body", j), b.Body)
	}
	if len(d.Duties) == 0 || len(d.Boundaries) == 0 || len(d.Systems) == 0 || len(d.Services) == 0 || len(a.Bodies) == 0 {
		ck.errs.Add(dl.At(""), "department %s has an empty part (duties, boundaries, systems, services or accountability): an empty section may not be published", d.Slug)
	}
}

// sequence checks that a numbered record's id is its place in the list.
func (ck *checker) sequence(l content.Loc, id string, want int, what string) {
	if id != "" && id != strconv.Itoa(want) {
		ck.errs.Add(l.At("id"), "%s id %q out of sequence: the records of this part are numbered 1, 2, 3… in file order, so this one is %q", what, id, strconv.Itoa(want))
	}
}

func (ck *checker) date(l content.Loc, key, v string, required bool) {
	switch {
	case v == "" && required:
		ck.errs.Add(l.At(key), "%s is missing: write it as YYYY-MM or YYYY-MM-DD", key)
	case v != "" && !dateRE.MatchString(v):
		ck.errs.Add(l.At(key), "%s %q is not a date: write it as YYYY-MM or YYYY-MM-DD", key, v)
	}
}

func (ck *checker) regimes(l content.Loc, key string, ids []string) {
	if len(ids) == 0 {
		ck.errs.Add(l.At(key), "%s is missing: every record names its regime(s) (ids in content/registry/regimes.toml)", key)
	}
	for i, id := range ids {
		if ck.ix.Regime(id) == nil {
			ck.errs.Add(l.At(fmt.Sprintf("%s[%d]", key, i)), "unknown regime %q: use one of %s", id, listIDs(ck.c.Registry.Regimes, func(r *content.Regime) string { return r.ID }))
		}
	}
}

func (ck *checker) bodyRef(l content.Loc, key, id string) {
	if ck.ix.Body(id) == nil {
		ck.errs.Add(l.At(key), "unknown body %q: use an id from content/registry/bodies.toml, or add the body there", id)
	}
}

func (ck *checker) instrumentRef(l content.Loc, key, id string) {
	if ck.ix.Instrument(id) == nil {
		ck.errs.Add(l.At(key), "unknown instrument %q: use an id from content/registry/instruments.toml, or add the instrument there", id)
	}
}
