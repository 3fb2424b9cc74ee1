package check

import (
	"fmt"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/markup"
	"qingdan/generator/search"
)

// nameOwner is a record that a name finds: a glossary term, an instrument
// or a body.
type nameOwner struct {
	what string // "term responsibility-list", "instrument product-quality-law"
	rec  any
}

// variants checks the variants of glossary terms, instruments and bodies: each is
// one line of text (English without Chinese) that search can find, listed
// once, and finds one record only: it is not the record's own name, nor a
// name, alias or variant of another term, instrument or body. Names are
// compared as search reads them (search.Tokens): case and punctuation
// aside.
func (ck *checker) variants() {
	c := ck.c
	for _, l := range content.Langs {
		names := map[string]nameOwner{}
		own := func(o nameOwner, ss ...string) {
			for _, s := range ss {
				if k := nameKey(s); k != "" {
					if _, ok := names[k]; !ok {
						names[k] = o
					}
				}
			}
		}
		for _, t := range c.Glossary.Terms {
			own(nameOwner{"term " + t.ID, t}, t.Term.In(l))
		}
		for _, in := range c.Registry.Instruments {
			own(nameOwner{"instrument " + in.ID, in}, append([]string{in.Name.In(l)}, in.Aliases.In(l)...)...)
		}
		for _, b := range c.Registry.Bodies {
			own(nameOwner{"body " + b.ID, b}, append([]string{b.Name.In(l), b.Short.In(l)}, b.Aliases.In(l)...)...)
		}
		for _, t := range c.Glossary.Terms {
			ck.variantList(l, names, nameOwner{"term " + t.ID, t}, t.Variants.In(l))
		}
		for _, in := range c.Registry.Instruments {
			ck.variantList(l, names, nameOwner{"instrument " + in.ID, in}, in.Variants.In(l))
		}
		for _, b := range c.Registry.Bodies {
			ck.variantList(l, names, nameOwner{"body " + b.ID, b}, b.Variants.In(l))
		}
	}
}

// variantList checks the variants vs of one record in language l against
// the names known so far, and adds them.
func (ck *checker) variantList(l content.Lang, names map[string]nameOwner, o nameOwner, vs []string) {
	loc := ck.c.Loc(o.rec)
	for i, v := range vs {
		at := loc.At(fmt.Sprintf("variants.%s[%d]", l, i))
		k := nameKey(v)
		other, taken := names[k]
		switch {
		case strings.TrimSpace(v) == "" || strings.ContainsAny(v, "\n<"):
			ck.errs.Add(at, "variant %q of %s is not a name: write one line of plain text", v, o.what)
		case l == content.En && markup.HasHan(v):
			ck.errs.Add(at, "English variant %q of %s contains Chinese characters: list it under variants.zh", v, o.what)
		case k == "":
			ck.errs.Add(at, "variant %q of %s has no word search can find (only stop words): remove it", v, o.what)
		case taken && other.rec == o.rec:
			ck.errs.Add(at, "variant %q of %s is its own name or already listed: remove it", v, o.what)
		case taken:
			ck.errs.Add(at, "variant %q of %s is a name of %s too: a variant finds one record only, so remove it or the other", v, o.what, other.what)
		default:
			names[k] = o
		}
	}
}

// nameKey is a name as search compares names: its terms.
func nameKey(s string) string { return strings.Join(search.Tokens(s), " ") }
