package search

import (
	"fmt"
	"testing"
)

// TestSynonymGroups: the names of a thing make one group, each name once;
// a name spelt differently in one word makes the group of the two words.
func TestSynonymGroups(t *testing.T) {
	t.Parallel()
	got := fmt.Sprint(synonymGroups([][]string{
		{"production licence", "production license", "Production Licence"},
		{"work safety licence", "work safety license"}, // the same pair again
		{"lift", "elevator", ""},
		{"main duty", "principal duty"}, // not a spelling: a group
		{"special equipment"},           // alone: no group
		{"市质监局", "临沂市质量技术监督局", "质监局"},
		{"fibre", "fiber", "fibres"},
	}))
	want := "[[licence license] [lift elevator] [main duty principal duty] [市质监局 临沂市质量技术监督局 质监局] [fibre fiber]]"
	if got != want {
		t.Errorf("synonymGroups:\n got %s\nwant %s", got, want)
	}
	for _, c := range []struct {
		a, b string
		ok   bool
	}{
		{"organization codes", "organisation codes", true},
		{"catalogued products", "cataloged products", true},
		{"center", "centre", true},
		{"programme", "program", false}, // one stem already
		{"bodies", "institutions", false},
		{"production licence", "licence", false},
		{"质监", "质检", false},
	} {
		if _, _, ok := spelling(c.a, c.b); ok != c.ok {
			t.Errorf("spelling(%q, %q) = %v, want %v", c.a, c.b, ok, c.ok)
		}
	}
}

// TestSynList: a name that is a doc's title is written as its index in a
// one-file bundle, as itself in a split one.
func TestSynList(t *testing.T) {
	t.Parallel()
	docs := []*Doc{{Title: "lift"}, {Title: "elevator shaft"}, {Title: "lift"}}
	syn := [][]string{{"lift", "elevator"}}
	if got := fmt.Sprint(synList(syn, docs, true)); got != "[[0 elevator]]" {
		t.Errorf("one file: %s", got)
	}
	if got := fmt.Sprint(synList(syn, docs, false)); got != "[[lift elevator]]" {
		t.Errorf("split: %s", got)
	}
}
