package site

// Tests that counts agree with their nouns in English: an interface string
// that counts says "1 result", "2 results" through its plural choices
// ({n|one|other}), filled alike by the pictures (chart.Fill) and the search
// page (search.js), and no English page says "1 <plural noun>".

import (
	"html"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"qingdan/generator/chart"
)

// jsFill asks search.js to fill the interface string S from Vals.
type jsFill struct {
	S    string         `json:"s"`
	Vals map[string]any `json:"vals"`
}

var (
	placeholderRE = regexp.MustCompile(`\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}`)
	// pluralNouns are the nouns the English counts count, and the plural
	// forms their plural choices give; the page test looks for "1" before
	// any of them.
	pluralNouns = []string{"results", "matters", "departments", "divisions", "steps", "items",
		"regimes", "days", "months", "bases", "duties", "circumstances", "systems", "services",
		"instruments", "laws", "documents", "places", "lists", "pages", "terms", "bodies"}
)

// countStrings are the interface strings with a placeholder that a number
// fills (every placeholder but {q}, {max}, {unit}, {from} and {w}, which
// words fill).
func countStrings(t *testing.T) map[string]Text {
	t.Helper()
	words := []string{"q", "max", "unit", "from", "w"}
	c := realContent(t)
	out := map[string]Text{}
	for k, s := range c.UI {
		for _, m := range placeholderRE.FindAllStringSubmatch(s.Zh+s.En, -1) {
			if !slices.Contains(words, m[1]) {
				out[k] = s
			}
		}
	}
	if len(out) < 5 {
		t.Fatalf("only %d interface strings count: %v", len(out), slices.Sorted(maps.Keys(out)))
	}
	return out
}

// fillAll fills every placeholder of s with n (a word's placeholder with "x").
func fillAll(s, n string) (kv []string, vals map[string]any) {
	vals = map[string]any{}
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		v := n
		if slices.Contains([]string{"q", "max", "unit", "from", "w"}, m[1]) {
			v = "x"
		}
		if _, ok := vals[m[1]]; !ok {
			kv = append(kv, m[1], v)
			vals[m[1]] = v
		}
	}
	return kv, vals
}

// onePlural finds "1" before a plural noun, with at most two words between
// them (1 responsibility items), none of them a word that begins another
// phrase (1 division of duties).
var onePlural = regexp.MustCompile(`(?:^|[^\d.,])1 ((?:[A-Za-z-]+ ){0,2}?)(?:` + strings.Join(pluralNouns, "|") + `)\b`)

// saysOnePlural lists the places where s says "1 <plural noun>".
func saysOnePlural(s string, max int) []string {
	var out []string
	for _, m := range onePlural.FindAllStringSubmatch(s, -1) {
		if slices.ContainsFunc(strings.Fields(m[1]), func(w string) bool {
			return slices.Contains([]string{"of", "at", "in", "on", "with", "and", "or", "for", "the", "to", "from"}, w)
		}) {
			continue
		}
		if out = append(out, strings.TrimSpace(m[0])); len(out) == max {
			break
		}
	}
	return out
}

// TestCountsAgree: every counting interface string, filled with 1 and with
// 2, by Go and by search.js alike, says "1 <noun>" and "2 <nouns>" in
// English, and the Chinese has no plural choice at all.
func TestCountsAgree(t *testing.T) {
	t.Parallel()
	strs := countStrings(t)
	keys := slices.Sorted(maps.Keys(strs))
	var req jsRequest
	var want []string
	for _, k := range keys {
		s := strs[k]
		for _, m := range placeholderRE.FindAllStringSubmatch(s.Zh, -1) {
			if m[2] != "" || m[3] != "" {
				t.Errorf("i18n.toml %s: the Chinese has a plural choice %s: Chinese has no plural forms", k, m[0])
			}
		}
		for _, tmpl := range []string{s.En, s.Zh} {
			for _, n := range []string{"1", "2"} {
				kv, vals := fillAll(tmpl, n)
				got := chart.Fill(tmpl, kv...)
				if placeholderRE.MatchString(got) {
					t.Errorf("i18n.toml %s: %q filled is %q", k, tmpl, got)
				}
				if n == "1" && len(saysOnePlural(got, 1)) > 0 {
					t.Errorf("i18n.toml %s: with 1 it says %q: give the noun a plural choice {key|one|other}", k, got)
				}
				req.Fill = append(req.Fill, jsFill{tmpl, vals})
				want = append(want, got)
			}
		}
	}
	got := runSearchJS(t, req).Filled
	if !slices.Equal(got, want) {
		t.Errorf("search.js fills the interface strings otherwise than chart.Fill:\n got %q\nwant %q", got, want)
	}
	for _, c := range []struct{ tmpl, n, want string }{
		{"{n} {n|result|results}", "1", "1 result"},
		{"{n} {n|result|results}", "2", "2 results"},
		{"{n} {n|result|results}", "0", "0 results"},
		{"{n|result matches|results match}; {q}", "11", "results match; {q}"},
	} {
		if got := chart.Fill(c.tmpl, "n", c.n); got != c.want {
			t.Errorf("chart.Fill(%q, n=%s) = %q, want %q", c.tmpl, c.n, got, c.want)
		}
	}
}

// TestNoOnePlural: no English page says "1" before a plural noun ("1
// boundary matters"), in its text or its pictures' descriptions.
func TestNoOnePlural(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	seen := 0
	for _, p := range htmlPages(out, "en") {
		text := string(out.Files[p])
		seen += strings.Count(text, "<desc")
		for _, m := range saysOnePlural(spacedText(text), 3) {
			t.Errorf("%s: says %q", p, m)
		}
	}
	if seen == 0 {
		t.Fatal("no English page has a picture: the test reads nothing it was written for")
	}
}

var anyTag = regexp.MustCompile(`<[^>]*>`)

// spacedText is a page's text, each tag a space (so that cells do not run
// together) and its character references read.
func spacedText(s string) string { return html.UnescapeString(anyTag.ReplaceAllString(s, " ")) }
