package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzTokens: the tokenizer and the query parser never panic, give no
// empty term, give valid UTF-8 for valid UTF-8, and the same terms for the
// same text.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"产品质量法", "Product Quality Law licences licensed", "第六十五条 Article 65", "ﬁ Ⅻ ÉCOLE straße",
		"市质监局 recall* 0539-2656029", "", " \t\n", "a", "的", "\u0301\u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		if !slices.Equal(toks, Tokens(s)) {
			t.Fatal("Tokens is not deterministic")
		}
		for _, tok := range toks {
			if tok == "" || utf8.ValidString(s) && !utf8.ValidString(tok) {
				t.Fatalf("bad term %q from %q", tok, s)
			}
		}
		for _, g := range Parse(s) {
			if g.Text == "" || len(g.Terms) == 0 {
				t.Fatalf("empty group %+v from %q", g, s)
			}
			for _, term := range g.Terms {
				if term == "" {
					t.Fatalf("empty term in %+v from %q", g, s)
				}
				Hash(term)
			}
		}
	})
}
