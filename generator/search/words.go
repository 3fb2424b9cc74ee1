package search

import (
	"slices"
	"strconv"
	"strings"
)

// synonymGroups makes an edition's syn list from the names of the things
// readers look for by name (see "Words" above): the groups of names that
// find each other, each name and each group once.
func synonymGroups(things [][]string) [][]string {
	var syn [][]string
	seen := map[string]bool{}
	for _, names := range things {
		for _, g := range synonyms(distinct(names)) {
			keys := make([]string, len(g))
			for i, n := range g {
				keys[i] = nameKey(n)
			}
			slices.Sort(keys)
			k := strings.Join(keys, "\x00")
			if !seen[k] {
				seen[k] = true
				syn = append(syn, g)
			}
		}
	}
	return syn
}

// synonyms groups the names of one thing: a name that differs from an
// earlier one in one word spelt almost alike makes the group of those two
// words (licence, license); the others make one group, each name once.
func synonyms(names []string) [][]string {
	var groups [][]string
	var rest []string
	for i, a := range names {
		pair := false
		for _, b := range names[:i] {
			if w, v, ok := spelling(b, a); ok {
				groups = append(groups, []string{w, v})
				pair = true
				break
			}
		}
		if !pair {
			rest = append(rest, a)
		}
	}
	if rest = distinct(rest); len(rest) > 1 {
		groups = append(groups, rest)
	}
	return groups
}

// distinct drops from names the empty ones and those whose key repeats
// an earlier one's.
func distinct(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range names {
		if k := nameKey(s); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// spelling says whether names a and b, words only, differ in one word
// spelt almost alike (at most two edits apart), and returns those words.
func spelling(a, b string) (string, string, bool) {
	wa, wb := strings.Fields(wordsOnly(a)), strings.Fields(wordsOnly(b))
	if len(wa) != len(wb) || len(wa) == 0 {
		return "", "", false
	}
	at := -1
	for i := range wa {
		if Stem(wa[i]) != Stem(wb[i]) {
			if at >= 0 {
				return "", "", false
			}
			at = i
		}
	}
	if at < 0 || edits(wa[at], wb[at]) > 2 {
		return "", "", false
	}
	return wa[at], wb[at], true
}

// wordsOnly is the folded words of s (stop words aside) separated by
// spaces, or "" if s has Han characters.
func wordsOnly(s string) string {
	var ws []string
	for _, r := range searchRuns(s) {
		if r.han {
			return ""
		}
		if !Stop[r.text] {
			ws = append(ws, r.text)
		}
	}
	return strings.Join(ws, " ")
}

// edits is the Levenshtein distance between a and b.
func edits(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// keyTokens are the tokens a name is matched by in a query: each Han
// character, each word's stem, stop words left out.
func keyTokens(s string) []string {
	var out []string
	for _, r := range searchRuns(s) {
		switch {
		case r.han:
			for _, c := range r.text {
				out = append(out, string(c))
			}
		case !Stop[r.text]:
			out = append(out, Stem(r.text))
		}
	}
	return out
}

func nameKey(s string) string { return strings.Join(keyTokens(s), " ") }

// synList writes syn for a bundle: a name that is the title of one of docs
// is written as that doc's index when byIndex.
func synList(syn [][]string, docs []*Doc, byIndex bool) []any {
	titles := map[string]int{}
	if byIndex {
		for i, d := range docs {
			if _, ok := titles[d.Title]; !ok {
				titles[d.Title] = i
			}
		}
	}
	ref := func(s string) any {
		if i, ok := titles[s]; ok && len(s) > len(strconv.Itoa(i)) {
			return i
		}
		return s
	}
	sy := make([]any, len(syn))
	for i, g := range syn {
		row := make([]any, len(g))
		for j, s := range g {
			row[j] = ref(s)
		}
		sy[i] = row
	}
	return sy
}
