// Package search builds the search bundle: the JSON files that the search page
// (layouts/search.html with layouts/assets/search.js) reads. The bundle is
// made from the content records, not from the rendered HTML: one entry per
// searchable unit, in each language.
//
// # Files
//
//	search/manifest.json            read first, at a fixed path
//	search/<lang>.<hash>.json       a small site: every entry of a language
//	search/<lang>.<hash>/…          a large site: the index split in parts
//
// <hash> is the first 10 hex digits of the SHA-256 of the language's whole
// bundle, so that a changed bundle gets new names and hosts may cache the
// files for ever. The manifest is {"v":1,"kinds":[…],"regimes":[…],"zh":L,
// "en":L}, where L is either {"docs":n,"file":path} (one file) or
// {"docs":n,"base":path,"shards":S,"chunk":C,"depts":[start…],"syn":[…]}
// (split, where the docs of department k are those from start k to start
// k+1, and syn is the language's synonyms, see "Words").
// Paths are relative to the site's root. The docs of a department are
// together, department by department, the registry's and the site's after
// them.
//
// An entry (a "doc") has a kind (an index into the manifest's kinds), a
// department (an index into the site's departments, or -1), regimes
// (indexes into the manifest's regimes), a date ("YYYY-MM" or ""), a URL
// relative to the site's root with its anchor
// ("zh/linyi-qts/duties/3/#item-12"), a title, a context (the entry it
// belongs to: the duty of an item) and the plain text snippets are cut
// from. A doc file holds docs column by column (see searchDocFile). The
// one-file bundle is a doc file whose depts are [slug, name] pairs, whose
// contexts are doc indexes, and where a URL that starts with a space
// continues its context's URL (" #item-12"), and which has one more
// column, syn (see "Words"); the browser tokenises it with the rules below
// and builds its index itself (Postings), which is smaller to download than
// any index.
//
// The split bundle under base is for sites whose one file would be large:
//
//	s/<k>.json   postings shard k (0 ≤ k < S): {"term":"postings",…} for
//	             the terms whose hash is k modulo S
//	c/<n>.json   document chunk n: a doc file of docs n·C … n·C+C−1 whose
//	             depts are [index, slug, name] and whose contexts are titles
//	vocab.json   the non-Chinese terms with their document frequencies, for
//	             prefix and typo matching: {"terms":[…],"df":[…]}
//	meta.json    kind, department, date and regimes of every doc, for the
//	             filters and the date sort: {"dates":[…],"m":"…"}
//
// Postings and meta are strings of variable-length numbers: each character
// of the 64-character alphabet Digits carries 5 bits, low bits
// first, and the characters from index 32 on say that more follow. A
// posting list is, per doc, (id−previous id)·32 + tf·2 + 1 followed by
// tl + 4·units if the term is in the title, or (id−previous id)·32 + tf·2
// if not; tf, tl and units as Posting says. meta is, per doc, kind,
// dept+1, date+1, number of regimes, regimes….
//
// # Tokens
//
// The same rules are implemented twice, here for the index and in
// layouts/assets/search.js for the query; TestTokenizerMatchesJS holds them
// together.
//
//  1. Fold: fullwidth ASCII (U+FF01–U+FF5E) to ASCII, the ideographic space
//     to a space, then lower case for ASCII, Latin-1, Greek and Cyrillic
//     capitals. Folding maps each UTF-16 unit to one unit, so offsets in
//     the folded text are offsets in the original.
//  2. Split into runs: Han (U+3007, U+3400–U+4DBF, U+4E00–U+9FFF,
//     U+F900–U+FAFF, U+20000–U+2FA1F); word characters (0–9, a–z,
//     U+00C0–U+024F but × and ÷, U+0370–U+03FF, U+0400–U+04FF); anything
//     else separates.
//  3. A Han run gives, in the index, each character and each pair of
//     neighbouring characters (c1, c1c2, c2, c2c3, …). In a query, a run
//     of one character is that character, a longer run its pairs, all of
//     which must match; the run itself is the phrase.
//  4. A word run that is a stop word (Stop) gives nothing; a word of
//     letters a–z gives its stem (Stem); any other word itself.
//  5. In a query, the last word, when nothing follows it, also matches the
//     terms it begins; a word of five or more letters that matches nothing
//     matches the terms one edit away (insert, delete, change or swap two
//     neighbours).
//
// # Words
//
// Readers type what they know, not always the list's wording. syn is a list
// of groups of names in the bundle's language that find each other: a
// glossary term and its variants, a cited instrument's title, aliases and
// variants, a body's name, short name, aliases and variants (content
// model: Term, Instrument and Body). A name that differs from an earlier
// name of its group in one word spelt almost alike (at most two edits:
// production licence, production license) makes the group of those two
// words instead (licence, license), so that either spelling finds the
// other anywhere. In a one-file bundle, a name that is the title of a doc
// is written as that doc's index.
//
// search.js reads a name and a query as tokens: each Han character, each
// word's stem, stop words left out. Where the query's tokens hold a name
// of a group (the longest at each place), the query is run again with
// another name of the group in its place, one that contains no other name
// of the group (so 中华人民共和国计量法 is run as 计量法, not the reverse);
// at most three such alternatives. The results are merged: the strict
// matches of any of the queries (or, failing those, their partial
// matches), each doc with its best score, an alternative's counting 0.9.
//
// A query in the other language's script — Han characters on the English
// page, letters without Han on the Chinese one — is run on the other
// language's bundle, whose records are the same record for record: its
// results link to the twin pages in the page's language, show their own
// language's title and text (marked with its lang), and say that they were
// found through the query in the other language. Only if that finds nothing
// is the page's own bundle searched. Either way a first query fetches one
// bundle.
//
// Kinds include "term": a glossary entry, the glossary page's row
// #term-<id>, titled with the term (its note, on the page, is not in the
// bundle).
//
// # Ranking (search.js)
//
// Every group of the query must match (a Han run by all its pairs); when no
// doc matches so, docs matching half the groups are shown as partial
// matches. A doc scores, per group, idf × (title weight + BM25 text
// weight) from its postings; a query that is the whole title doubles it.
// With the one-file bundle every match is then ranked on its text: a Han
// run found as a phrase, or English words found next to each other, beat
// the same pairs or words scattered, and plain pages weigh less. Sorting by
// date puts the newest first. On a site of several departments, each
// department's second result follows its first.
package search

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kinds are the kinds of search entries, in the order filters list
// them; each has an interface string kind.<name>.
var Kinds = []string{"duty", "item", "basis", "boundary", "system", "section", "service", "accountability", "instrument", "body", "regime", "term", "page"}

// The split bundle's parts: about this many bytes of postings per shard,
// and this many docs per chunk.
const (
	searchShardBytes = 24 << 10
	searchChunkDocs  = 16
)

// Stop are the English words the index leaves out.
var Stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an and are as at be by for from in into is it its of on or s shall such that the their this to which with") {
		Stop[w] = true
	}
}

// searchFoldRune folds one rune (rule 1).
func searchFoldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	}
	switch {
	case r >= 'A' && r <= 'Z', r >= 0xC0 && r <= 0xDE && r != 0xD7, r >= 0x391 && r <= 0x3A9 && r != 0x3A2, r >= 0x410 && r <= 0x42F:
		return r + 32
	case r >= 0x400 && r <= 0x40F:
		return r + 80
	}
	return r
}

// searchFold folds a string (rule 1).
func searchFold(s string) string { return strings.Map(searchFoldRune, s) }

func isSearchHan(r rune) bool {
	return r == 0x3007 || r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FA1F
}

func isSearchWord(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 || r >= 0x370 && r <= 0x4FF
}

// searchRun is a run of Han or word characters in folded text.
type searchRun struct {
	han  bool
	text string
	end  bool // the run ends the text
}

// searchRuns folds s and splits it into runs (rule 2). Each run's text is
// a part of the folded string, not a copy.
func searchRuns(s string) []searchRun {
	f := searchFold(s)
	var runs []searchRun
	start := -1 // where the current run starts, or -1
	han := false
	flush := func(at int, end bool) {
		if start >= 0 {
			runs = append(runs, searchRun{han: han, text: f[start:at], end: end})
			start = -1
		}
	}
	for i, r := range f {
		switch {
		case isSearchHan(r):
			if !han {
				flush(i, false)
			}
			han = true
		case isSearchWord(r):
			if han {
				flush(i, false)
			}
			han = false
		default:
			flush(i, false)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(f), true)
	return runs
}

// Tokens lists the index terms of s, in order (rules 1–4). A Han run's
// characters and pairs are parts of the folded text, not copies: a
// caller keeping a term past s clones it (termIndex.id).
func Tokens(s string) []string { return AppendTokens(nil, s) }

// AppendTokens appends the index terms of s to out (Tokens), so that a
// caller tokenizing text after text reuses one slice.
func AppendTokens(out []string, s string) []string {
	for _, run := range searchRuns(s) {
		if run.han {
			t := run.text
			for i := 0; i < len(t); {
				_, w := utf8.DecodeRuneInString(t[i:])
				out = append(out, t[i:i+w])
				if i+w < len(t) {
					_, w2 := utf8.DecodeRuneInString(t[i+w:])
					out = append(out, t[i:i+w+w2])
				}
				i += w
			}
			continue
		}
		if !Stop[run.text] {
			out = append(out, Stem(run.text))
		}
	}
	return out
}

// Group is one part of a query: a Han run or a word.
type Group struct {
	Han    bool     `json:"han"`
	Text   string   `json:"text"`   // the folded run or word
	Terms  []string `json:"terms"`  // Han: the pairs (or the character); word: its stem
	Prefix bool     `json:"prefix"` // the last word, nothing after it
	Fuzzy  bool     `json:"fuzzy"`  // a word of five letters or more
}

// Parse splits a query into groups (rules 1–5).
func Parse(q string) []Group {
	var gs []Group
	runs := searchRuns(q)
	for i, run := range runs {
		if run.han {
			rs := []rune(run.text)
			g := Group{Han: true, Text: run.text}
			if len(rs) == 1 {
				g.Terms = []string{run.text}
			}
			for j := 0; j+1 < len(rs); j++ {
				g.Terms = append(g.Terms, string(rs[j:j+2]))
			}
			gs = append(gs, g)
			continue
		}
		if Stop[run.text] {
			continue
		}
		gs = append(gs, Group{Text: run.text, Terms: []string{Stem(run.text)},
			Prefix: i == len(runs)-1 && run.end, Fuzzy: utf8.RuneCountInString(run.text) >= 5})
	}
	return gs
}

// Stem folds English inflections: plurals, -ed and -ing, a final e
// and a final doubled consonant, so that recall, recalls and recalled,
// and license, licensed and licensing, meet (rule 4). Words of other
// characters than a–z, and words of three letters or fewer, stay as they
// are.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	hasVowel := func(s string) bool { return strings.ContainsAny(s, "aeiouy") }
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ed") && len(w) >= 5 && hasVowel(w[:len(w)-2]):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ing") && len(w) >= 6 && hasVowel(w[:len(w)-3]):
		w = w[:len(w)-3]
	}
	for len(w) > 3 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && w[n-1] != 's' && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// Hash is the shard of a term: FNV-1a over its UTF-16 units.
func Hash(term string) uint32 {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(term)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return h
}

// Digits is the alphabet of the variable-length numbers.
const Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ"

// appendSearchNum appends n as a variable-length number.
func appendSearchNum(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, Digits[32+n&31])
		n >>= 5
	}
	return append(b, Digits[n])
}

// searchDoc is one entry of the bundle.
