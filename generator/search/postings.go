package search

import (
	"maps"
	"slices"
	"unicode/utf8"
)

// Posting is one doc in a term's posting list: w = tf + 16·tl +
// 64·units, where tf weighs the term's count in the text against the
// text's length (searchTF), tl says how much of the title the term makes
// (0 not in it, 1 under a third, 2 under two thirds, 3 more) and units is
// the number of characters and words in the title (at most 63), where the
// term is in it.
type Posting struct{ Doc, W int }

// Postings indexes docs: the posting lists by term, in doc order.
func Postings(docs []*Doc) map[string][]Posting {
	postings := map[string][]Posting{}
	basis := slices.Index(Kinds, "basis")
	for id, d := range docs {
		w := map[string]int{}
		tt := Tokens(d.Title)
		text := d.Text
		if d.Kind == basis {
			// A basis is titled with the instrument it cites, whose own
			// entry has that title: here it is text.
			tt, text = nil, d.Title+" "+d.Text
		}
		units := 0
		for _, t := range tt {
			if n := utf8.RuneCountInString(t); n == 1 || !isSearchHanTerm(t) {
				units++ // a character or a word
			}
		}
		share := map[string]int{}
		for _, t := range tt {
			n := 1
			if isSearchHanTerm(t) {
				n = utf8.RuneCountInString(t)
			}
			share[t] += n
		}
		for t, n := range share {
			switch c := float64(n) / float64(units); {
			case c < 1.0/3:
				w[t] = 1 << 4
			case c < 2.0/3:
				w[t] = 2 << 4
			default:
				w[t] = 3 << 4
			}
			w[t] += min(units, 63) << 6
		}
		tt = Tokens(text)
		tf := map[string]int{}
		for _, t := range tt {
			tf[t]++
		}
		for t, n := range tf {
			if d.Kind == basis {
				w[t] += searchTF(n, len(tt)) / 2 // a citation weighs less than the duty
			} else {
				w[t] += searchTF(n, len(tt))
			}
		}
		for _, t := range slices.Sorted(maps.Keys(w)) {
			postings[t] = append(postings[t], Posting{id, w[t]})
		}
	}
	return postings
}

// searchTF is BM25's weight of a term that occurs n times in a text of
// size terms (k1 = 1.2, b = 0.75, an average text of 32 terms), times 4,
// rounded down: 0 to 8. Integer arithmetic gives the same in JavaScript.
func searchTF(n, size int) int {
	if n == 0 {
		return 0
	}
	return 5632 * n / (640*n + 192 + 18*size)
}

func isSearchHanTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isSearchHan(r)
}
