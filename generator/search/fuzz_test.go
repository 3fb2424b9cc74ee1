package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzTokens: the tokenizer and the query parser never panic, give no
// empty term, give valid UTF-8 for valid UTF-8, and the same terms for the
// same text, the same as a tokenizer that copies every run and term
// (runeTokens, the way Tokens was first written).
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"产品质量法", "Product Quality Law licences licensed", "第六十五条 Article 65", "ﬁ Ⅻ ÉCOLE straße",
		"市质监局 recall* 0539-2656029", "", " \t\n", "a", "的", "\u0301\u200d", "产\xff品\xe4质 AB\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		if !slices.Equal(toks, Tokens(s)) {
			t.Fatal("Tokens is not deterministic")
		}
		if want := runeTokens(s); !slices.Equal(toks, want) {
			t.Fatalf("Tokens(%q) = %q, the copying tokenizer gives %q", s, toks, want)
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

// runeTokens is Tokens as first written: runs gathered rune by rune and
// copied, each Han character and pair a new string.
func runeTokens(s string) []string {
	type run struct {
		han  bool
		text string
	}
	var runs []run
	var cur []rune
	han := false
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, run{han, string(cur)})
			cur = cur[:0]
		}
	}
	for _, r := range searchFold(s) {
		switch {
		case isSearchHan(r):
			if !han {
				flush()
			}
			han = true
			cur = append(cur, r)
		case isSearchWord(r):
			if han {
				flush()
			}
			han = false
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	var out []string
	for _, r := range runs {
		if r.han {
			rs := []rune(r.text)
			for i, c := range rs {
				out = append(out, string(c))
				if i+1 < len(rs) {
					out = append(out, string(rs[i:i+2]))
				}
			}
		} else if !Stop[r.text] {
			out = append(out, Stem(r.text))
		}
	}
	return out
}
