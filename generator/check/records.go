package check

import (
	"fmt"
	"slices"
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
	ck.variants()
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
	dl := ck.c.Loc(d)
	ck.bodyRef(dl, "body", d.Body)
	ck.date(dl, "date", d.Date, true)
	if d.Series < 1 {
		ck.errs.Add(dl.At("series"), "series must be a positive number: the list's place in the city's series (1, 2, …)")
	}
	uniqueIDs(ck, d.Duties, func(r *content.Duty) string { return r.ID })
	uniqueIDs(ck, d.Boundaries, func(r *content.Boundary) string { return r.ID })
	uniqueIDs(ck, d.Systems, func(r *content.System) string { return r.ID })
	uniqueIDs(ck, d.Services, func(r *content.Service) string { return r.ID })
	ck.duties(d.Duties)
	inOrder := ck.itemSequence(d.Duties, d.Systems)
	ck.boundaries(d.Boundaries)
	ck.systems(d.Systems, d.Duties, inOrder)
	ck.services(d.Services)
	ck.accountability(d.Accountability)
	a := d.Accountability
	if len(d.Duties) == 0 || len(d.Boundaries) == 0 || len(d.Systems) == 0 || len(d.Services) == 0 || len(a.Bodies) == 0 {
		ck.errs.Add(dl.At(""), "department %s has an empty part (duties, boundaries, systems, services or accountability): an empty section may not be published", d.Slug)
	}
}

// numbered checks what every numbered record of a department has: its id
// in sequence, its regimes and its date.
func (ck *checker) numbered(l content.Loc, id string, want int, what string, regimes []string, date string) {
	ck.sequence(l, id, want, what)
	ck.regimes(l, "regimes", regimes)
	ck.date(l, "date", date, false)
}

// duties checks the duties, their items' regimes and their bases (the
// items' numbers are itemSequence's).
func (ck *checker) duties(duties []*content.Duty) {
	for i, du := range duties {
		l := ck.c.Loc(du)
		ck.numbered(l, du.ID, i+1, "duty", du.Regimes, du.Date)
		if len(du.Items) == 0 {
			ck.errs.Add(l.At(""), "duty %s has no responsibility items: add [[item]] entries", du.ID)
		}
		for j, it := range du.Items {
			ck.regimes(l, fmt.Sprintf("item[%d].regimes", j), it.Regimes)
		}
		ck.bases(l, du.Bases)
	}
}

// bases checks a duty's bases: each an instrument of the registry or a text.
func (ck *checker) bases(l content.Loc, bases []*content.Basis) {
	for j, b := range bases {
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

// boundaries checks the boundary matters and the bodies of their divisions.
func (ck *checker) boundaries(bds []*content.Boundary) {
	for i, bd := range bds {
		l := ck.c.Loc(bd)
		ck.numbered(l, bd.ID, i+1, "boundary matter", bd.Regimes, bd.Date)
		if len(bd.Divisions) == 0 {
			ck.errs.Add(l.At(""), "boundary matter %s has no [[division]]: add each department's division of duties", bd.ID)
		}
		for j, dv := range bd.Divisions {
			ck.bodyRef(l, fmt.Sprintf("division[%d].body", j), dv.Body)
		}
		ck.roles(l, bd)
	}
}

// systems checks the supervision systems; the items they name must be
// the duties' (itemRefs).
func (ck *checker) systems(systems []*content.System, duties []*content.Duty, inOrder bool) {
	items, count := itemNumbers(duties)
	for i, s := range systems {
		l := ck.c.Loc(s)
		ck.numbered(l, s.ID, i+1, "supervision system", s.Regimes, s.Date)
		uniqueIDs(ck, s.Sections, func(r *content.Section) string { return r.ID })
		ck.steps(l, s)
		if len(s.Sections) == 0 && s.Body.Zh == "" {
			ck.errs.Add(l.At(""), "supervision system %s has neither sections nor a body: an empty page may not be published", s.ID)
		}
		ck.itemRefs(l, s.Items, items, count, inOrder)
	}
}

// services checks the services and their phone numbers.
func (ck *checker) services(services []*content.Service) {
	for i, s := range services {
		l := ck.c.Loc(s)
		ck.numbered(l, s.ID, i+1, "service", s.Regimes, s.Date)
		if !phoneRE.MatchString(s.Phone) {
			ck.errs.Add(l.At("phone"), "phone %q is not a phone number: write digits with hyphens, e.g. 0539-2656029", s.Phone)
		}
	}
}

// accountability checks the accountability part: its date, its ids and
// the registry bodies it names.
func (ck *checker) accountability(a *content.Accountability) {
	al := ck.c.Loc(a)
	ck.date(al, "date", a.Date, false)
	uniqueIDs(ck, a.Bodies, func(r *content.AccBody) string { return r.ID })
	uniqueIDs(ck, a.Mechanisms, func(r *content.Mechanism) string { return r.ID })
	for j, b := range a.Bodies {
		ck.bodyRef(al, fmt.Sprintf("body[%d].body", j), b.Body)
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
	case v != "" && !dateRE.MatchString(v) && dateShapeRE.MatchString(v): // 2015-13, 2015-07-32
		ck.errs.Add(l.At(key), "%s %q is not a date: the month must be 01–12 and the day 01–31", key, v)
	case v != "" && !dateRE.MatchString(v):
		ck.errs.Add(l.At(key), "%s %q is not a date: write it as YYYY-MM or YYYY-MM-DD", key, v)
	case v != "" && !realDate(v):
		ck.errs.Add(l.At(key), "%s %q is not a day of the calendar: correct the day", key, v)
	}
}

func (ck *checker) regimes(l content.Loc, key string, ids []string) {
	if len(ids) == 0 {
		ck.errs.Add(l.At(key), "%s is missing: every record names its regime(s) (ids in content/registry/regimes.toml)", key)
	}
	for i, id := range ids {
		if j := slices.Index(ids, id); j < i {
			ck.errs.Add(l.At(fmt.Sprintf("%s[%d]", key, i)), "regime %q is listed twice: remove this one (the record would appear twice on the regime's page)", id)
		}
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
