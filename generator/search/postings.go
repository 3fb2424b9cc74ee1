package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Posting is one doc in a term's posting list: w = tf + 16·tl +
// 64·units, where tf weighs the term's count in the text against the
// text's length (searchTF), tl says how much of the title the term makes
// (0 not in it, 1 under a third, 2 under two thirds, 3 more) and units is
// the number of characters and words in the title (at most 63), where the
// term is in it.
type Posting struct{ Doc, W int }

// Postings indexes docs: the posting lists by term, in doc order. Terms
// are numbered as they are first met (compact ids), and each doc's weights
// are kept in slices indexed by them, reset after the doc, so that no map
// is made per doc.
func Postings(docs []*Doc) map[string][]Posting {
	ix := &termIndex{ids: map[string]int32{}}
	basis := slices.Index(Kinds, "basis")
	var tt []string // each text's terms, in one slice reused
	for id, d := range docs {
		tt = AppendTokens(tt[:0], d.Title)
		text := d.Text
		if d.Kind == basis {
			// A basis is titled with the instrument it cites, whose own
			// entry has that title: here it is text.
			tt, text = tt[:0], d.Title+" "+d.Text
		}
		ix.title(tt)
		tt = AppendTokens(tt[:0], text)
		ix.text(tt, d.Kind == basis)
		ix.flush(id)
	}
	postings := make(map[string][]Posting, len(ix.terms))
	for i, t := range ix.terms {
		postings[t] = ix.lists[i]
	}
	return postings
}

// termIndex numbers terms and gathers their postings; w, share and tf are
// the current doc's, by term id, with the ids each has set.
type termIndex struct {
	ids           map[string]int32
	terms         []string
	lists         [][]Posting
	w, share, tf  []int
	inW, inS, inT []int32
	hasW          []bool
}

// id numbers a term, growing the per-term slices for a new one.
func (ix *termIndex) id(t string) int32 {
	if i, ok := ix.ids[t]; ok {
		return i
	}
	i := int32(len(ix.terms))
	t = strings.Clone(t) // not the text it was cut from (Tokens)
	ix.ids[t] = i
	ix.terms = append(ix.terms, t)
	ix.lists = append(ix.lists, nil)
	ix.w, ix.share, ix.tf = append(ix.w, 0), append(ix.share, 0), append(ix.tf, 0)
	ix.hasW = append(ix.hasW, false)
	return i
}

func (ix *termIndex) setW(i int32, v int) {
	if !ix.hasW[i] {
		ix.hasW[i] = true
		ix.inW = append(ix.inW, i)
	}
	ix.w[i] += v
}

// title weighs the title's terms: how much of the title each makes, and
// the title's length in characters and words.
func (ix *termIndex) title(tt []string) {
	units := 0
	for _, t := range tt {
		if n := utf8.RuneCountInString(t); n == 1 || !isSearchHanTerm(t) {
			units++ // a character or a word
		}
	}
	for _, t := range tt {
		n := 1
		if isSearchHanTerm(t) {
			n = utf8.RuneCountInString(t)
		}
		i := ix.id(t)
		if ix.share[i] == 0 {
			ix.inS = append(ix.inS, i)
		}
		ix.share[i] += n
	}
	for _, i := range ix.inS {
		level := 3
		switch c := float64(ix.share[i]) / float64(units); {
		case c < 1.0/3:
			level = 1
		case c < 2.0/3:
			level = 2
		}
		ix.setW(i, level<<4+min(units, 63)<<6)
		ix.share[i] = 0
	}
	ix.inS = ix.inS[:0]
}

// text adds the text's term frequencies (a citation's at half weight).
func (ix *termIndex) text(tt []string, half bool) {
	for _, t := range tt {
		i := ix.id(t)
		if ix.tf[i] == 0 {
			ix.inT = append(ix.inT, i)
		}
		ix.tf[i]++
	}
	for _, i := range ix.inT {
		v := searchTF(ix.tf[i], len(tt))
		if half {
			v /= 2 // a citation weighs less than the duty
		}
		ix.setW(i, v)
		ix.tf[i] = 0
	}
	ix.inT = ix.inT[:0]
}

// flush appends the doc's postings and clears its weights.
func (ix *termIndex) flush(doc int) {
	for _, i := range ix.inW {
		ix.lists[i] = append(ix.lists[i], Posting{doc, ix.w[i]})
		ix.w[i], ix.hasW[i] = 0, false
	}
	ix.inW = ix.inW[:0]
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
