package content

// Index holds the lookups every later stage needs: registry records by ID,
// instruments by every title the lists cite them by.
type Index struct {
	instruments map[string]*Instrument
	byTitle     map[string]*Instrument // Chinese name and aliases
	bodies      map[string]*Body
	regimes     map[string]*Regime
	kinds       map[string]*Kind
	nameClashes []NameClash
}

// NameClash is a Chinese title given to two instruments; the first keeps it.
type NameClash struct {
	Title string
	A, B  *Instrument
}

// NewIndex indexes the registry of c. The first record with an ID wins;
// the check stage reports duplicates and NameClashes.
func NewIndex(c *Content) *Index {
	ix := &Index{
		instruments: map[string]*Instrument{},
		byTitle:     map[string]*Instrument{},
		bodies:      map[string]*Body{},
		regimes:     map[string]*Regime{},
		kinds:       map[string]*Kind{},
	}
	for _, in := range c.Registry.Instruments {
		if ix.instruments[in.ID] == nil {
			ix.instruments[in.ID] = in
		}
		for _, t := range append([]string{in.Name.Zh}, in.Aliases.Zh...) {
			if t == "" {
				continue
			}
			if prev := ix.byTitle[t]; prev != nil && prev != in {
				ix.nameClashes = append(ix.nameClashes, NameClash{t, prev, in})
				continue
			}
			ix.byTitle[t] = in
		}
	}
	firsts(ix.bodies, c.Registry.Bodies, func(b *Body) string { return b.ID })
	firsts(ix.regimes, c.Registry.Regimes, func(g *Regime) string { return g.ID })
	firsts(ix.kinds, c.Registry.Kinds, func(k *Kind) string { return k.ID })
	return ix
}

func firsts[T any](m map[string]*T, recs []*T, id func(*T) string) {
	for _, r := range recs {
		if m[id(r)] == nil {
			m[id(r)] = r
		}
	}
}

// Instrument returns the instrument with the ID, or nil.
func (ix *Index) Instrument(id string) *Instrument { return ix.instruments[id] }

// Body returns the body with the ID, or nil.
func (ix *Index) Body(id string) *Body { return ix.bodies[id] }

// Regime returns the regime with the ID, or nil.
func (ix *Index) Regime(id string) *Regime { return ix.regimes[id] }

// Kind returns the kind of instrument with the ID, or nil.
func (ix *Index) Kind(id string) *Kind { return ix.kinds[id] }

// NameClashes lists the titles given to more than one instrument.
func (ix *Index) NameClashes() []NameClash { return ix.nameClashes }

// Resolve implements Resolver.
func (ix *Index) Resolve(l Lang, title string) *Instrument {
	if l == En {
		return ix.instruments[title]
	}
	return ix.byTitle[title]
}
