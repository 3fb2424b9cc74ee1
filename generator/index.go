package generator

// Index holds the lookups every later stage needs: registry records by ID,
// instruments by every title the lists cite them by.
type Index struct {
	c           *Content
	instruments map[string]*Instrument
	byTitle     map[string]*Instrument // Chinese name and aliases
	bodies      map[string]*Body
	regimes     map[string]*Regime
	kinds       map[string]*Kind
	nameClashes []nameClash
}

type nameClash struct {
	title string
	a, b  *Instrument
}

func newIndex(c *Content) *Index {
	ix := &Index{
		c:           c,
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
				ix.nameClashes = append(ix.nameClashes, nameClash{t, prev, in})
				continue
			}
			ix.byTitle[t] = in
		}
	}
	for _, b := range c.Registry.Bodies {
		ix.bodies[b.ID] = b
	}
	for _, g := range c.Registry.Regimes {
		ix.regimes[g.ID] = g
	}
	for _, k := range c.Registry.Kinds {
		ix.kinds[k.ID] = k
	}
	return ix
}

// Resolve implements Resolver.
func (ix *Index) Resolve(l Lang, title string) *Instrument {
	if l == En {
		return ix.instruments[title]
	}
	return ix.byTitle[title]
}
