package generator

// This file builds the search bundle: the JSON files that the search page
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
// {"docs":n,"base":path,"shards":S,"chunk":C,"depts":[start…]} (split,
// where the docs of department k are those from start k to start k+1).
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
// continues its context's URL (" #item-12"); the browser tokenises it with
// the rules below and builds its index itself (searchPostings), which is
// smaller to download than any index.
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
// of the 64-character alphabet searchDigits carries 5 bits, low bits
// first, and the characters from index 32 on say that more follow. A
// posting list is, per doc, (id−previous id)·32 + tf·2 + 1 followed by
// tl + 4·units if the term is in the title, or (id−previous id)·32 + tf·2
// if not; tf, tl and units as searchPosting says. meta is, per doc, kind,
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
//  4. A word run that is a stop word (searchStop) gives nothing; a word of
//     letters a–z gives its stem (searchStem); any other word itself.
//  5. In a query, the last word, when nothing follows it, also matches the
//     terms it begins; a word of five or more letters that matches nothing
//     matches the terms one edit away (insert, delete, change or swap two
//     neighbours).
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

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// searchKinds are the kinds of search entries, in the order filters list
// them; each has an interface string kind.<name>.
var searchKinds = []string{"duty", "item", "basis", "boundary", "system", "section", "service", "accountability", "instrument", "body", "regime", "page"}

// searchSplitAt is the size of a language's one-file bundle from which the
// bundle is split into shards and chunks. One department makes about
// 150 KB.
const searchSplitAt = 400 << 10

// The split bundle's parts: about this many bytes of postings per shard,
// and this many docs per chunk.
const (
	searchShardBytes = 24 << 10
	searchChunkDocs  = 16
)

// searchStop are the English words the index leaves out.
var searchStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an and are as at be by for from in into is it its of on or s shall such that the their this to which with") {
		searchStop[w] = true
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

// searchRuns folds s and splits it into runs (rule 2).
func searchRuns(s string) []searchRun {
	var runs []searchRun
	var cur []rune
	han := false
	flush := func(end bool) {
		if len(cur) > 0 {
			runs = append(runs, searchRun{han: han, text: string(cur), end: end})
			cur = cur[:0]
		}
	}
	for _, r := range searchFold(s) {
		switch {
		case isSearchHan(r):
			if !han {
				flush(false)
			}
			han = true
			cur = append(cur, r)
		case isSearchWord(r):
			if han {
				flush(false)
			}
			han = false
			cur = append(cur, r)
		default:
			flush(false)
		}
	}
	flush(true)
	return runs
}

// searchTokens lists the index terms of s, in order (rules 1–4).
func searchTokens(s string) []string {
	var out []string
	for _, run := range searchRuns(s) {
		if run.han {
			rs := []rune(run.text)
			for i, r := range rs {
				out = append(out, string(r))
				if i+1 < len(rs) {
					out = append(out, string(rs[i:i+2]))
				}
			}
			continue
		}
		if !searchStop[run.text] {
			out = append(out, searchStem(run.text))
		}
	}
	return out
}

// searchGroup is one part of a query: a Han run or a word.
type searchGroup struct {
	Han    bool     `json:"han"`
	Text   string   `json:"text"`   // the folded run or word
	Terms  []string `json:"terms"`  // Han: the pairs (or the character); word: its stem
	Prefix bool     `json:"prefix"` // the last word, nothing after it
	Fuzzy  bool     `json:"fuzzy"`  // a word of five letters or more
}

// searchParse splits a query into groups (rules 1–5).
func searchParse(q string) []searchGroup {
	var gs []searchGroup
	runs := searchRuns(q)
	for i, run := range runs {
		if run.han {
			rs := []rune(run.text)
			g := searchGroup{Han: true, Text: run.text}
			if len(rs) == 1 {
				g.Terms = []string{run.text}
			}
			for j := 0; j+1 < len(rs); j++ {
				g.Terms = append(g.Terms, string(rs[j:j+2]))
			}
			gs = append(gs, g)
			continue
		}
		if searchStop[run.text] {
			continue
		}
		gs = append(gs, searchGroup{Text: run.text, Terms: []string{searchStem(run.text)},
			Prefix: i == len(runs)-1 && run.end, Fuzzy: utf8.RuneCountInString(run.text) >= 5})
	}
	return gs
}

// searchStem folds English inflections: plurals, -ed and -ing, a final e
// and a final doubled consonant, so that recall, recalls and recalled,
// and license, licensed and licensing, meet (rule 4). Words of other
// characters than a–z, and words of three letters or fewer, stay as they
// are.
func searchStem(w string) string {
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

// searchHash is the shard of a term: FNV-1a over its UTF-16 units.
func searchHash(term string) uint32 {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(term)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return h
}

// searchDigits is the alphabet of the variable-length numbers.
const searchDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVabcdefghijklmnopqrstuvwxyz-_WXYZ"

// appendSearchNum appends n as a variable-length number.
func appendSearchNum(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, searchDigits[32+n&31])
		n >>= 5
	}
	return append(b, searchDigits[n])
}

// searchDoc is one entry of the bundle.
type searchDoc struct {
	kind    int
	dept    int // index into the site's departments, or -1
	regimes []int
	date    string
	url     string
	title   string
	parent  string // url of the entry this one belongs to
	context int    // index of that entry, or -1
	text    string
}

// searchDocFile writes docs (from all) as a doc file: {"depts": [...],
// "kind": [...], "dept": [...], "regimes": [...], "date": [...], "url":
// [...], "title": [...], "context": [...], "text": [...]}, one column per
// field, which compresses better than one array per doc. context is the
// index of the entry's parent in all (byIndex) or its title.
func searchDocFile(depts any, docs, all []*searchDoc, byIndex bool) ([]byte, error) {
	n := len(docs)
	kinds, dps, rss, dates, urls, titles, ctxs, texts := make([]int, n), make([]int, n), make([][]int, n), make([]string, n), make([]string, n), make([]string, n), make([]any, n), make([]string, n)
	for i, d := range docs {
		kinds[i], dps[i], dates[i], urls[i], titles[i], texts[i] = d.kind, d.dept, d.date, d.url, d.title, d.text
		rss[i] = d.regimes
		if rss[i] == nil {
			rss[i] = []int{}
		}
		switch {
		case byIndex:
			ctxs[i] = d.context
			// An anchor or a folder under the parent's URL is written
			// after a space, the parent's URL left out.
			if d.context >= 0 && strings.HasPrefix(d.url, all[d.context].url) {
				urls[i] = " " + strings.TrimPrefix(d.url, all[d.context].url)
			}
		case d.context >= 0:
			ctxs[i] = all[d.context].title
		default:
			ctxs[i] = ""
		}
	}
	return jsonObject("depts", depts, "kind", kinds, "dept", dps, "regimes", rss, "date", dates, "url", urls, "title", titles, "context", ctxs, "text", texts)
}

// searchDocs lists the entries of one language: each department's records,
// then the registry's, then the pages that no record stands for.
func (m *siteModel) searchDocs(l Lang, pages []*Page) []*searchDoc {
	c := m.c
	kind := func(k string) int { return slices.Index(searchKinds, k) }
	regimes := func(ids []string) []int {
		var out []int
		for i, g := range c.Registry.Regimes {
			if slices.Contains(ids, g.ID) {
				out = append(out, i)
			}
		}
		return out
	}
	month := func(own, dept string) string {
		if own == "" {
			own = dept
		}
		if len(own) > 7 {
			own = own[:7]
		}
		return own
	}
	s := func(t Text) string { return strings.TrimSpace(plain(l, t.In(l), m)) }
	p := func(p Prose) string { return proseText(l, p.In(l), m) }
	join := func(parts ...string) string {
		var keep []string
		for _, x := range parts {
			if x = strings.TrimSpace(x); x != "" {
				keep = append(keep, x)
			}
		}
		return strings.Join(keep, " ")
	}
	texts := func(ts []Text) string {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = s(t)
		}
		return join(parts...)
	}
	rel := func(u string) string { return strings.TrimPrefix(u, "/") }

	var docs []*searchDoc
	covered := map[string]bool{} // URLs a doc stands for
	add := func(d *searchDoc) {
		docs = append(docs, d)
		covered[d.url] = true
	}
	// The pages of each department (by the slug in their URL), and of
	// none (-1), in page order.
	deptOf := map[string]int{}
	for i, dp := range c.Departments {
		deptOf[dp.Slug] = i
	}
	prefix, search := "/"+string(l)+"/", "/"+string(l)+"/search/"
	byDept := map[int][]*Page{}
	for _, pg := range pages {
		if pg.Lang != l || !strings.HasPrefix(pg.URL, prefix) || pg.URL == search {
			continue
		}
		slug, _, _ := strings.Cut(strings.TrimPrefix(pg.URL, prefix), "/")
		di, ok := deptOf[slug]
		if !ok {
			di = -1
		}
		byDept[di] = append(byDept[di], pg)
	}
	// pageDocs adds the pages of department di (or of none, for -1) that
	// no record stands for.
	pageDocs := func(di int) {
		for _, pg := range byDept[di] {
			u := rel(pg.URL)
			if covered[u] {
				continue
			}
			d := &searchDoc{kind: kind("page"), dept: di, url: u, title: s(pg.Title)}
			if di >= 0 {
				dp := c.Departments[di]
				d.date = month("", dp.Date)
				if pg.URL == deptURL(l, dp)+"duties/" {
					d.text = s(dp.DutiesNote)
				}
			}
			add(d)
		}
	}
	for di, d := range c.Departments {
		for _, du := range d.Duties {
			u := rel(dutyURL(l, d, du))
			date := month(du.Date, d.Date)
			add(&searchDoc{kind: kind("duty"), dept: di, regimes: regimes(du.Regimes), date: date, url: u, title: s(du.Title), parent: rel(deptURL(l, d)) + "duties/"})
			for _, it := range du.Items {
				rs := it.Regimes
				if len(rs) == 0 {
					rs = du.Regimes
				}
				add(&searchDoc{kind: kind("item"), dept: di, regimes: regimes(rs), date: date, url: fmt.Sprintf("%s#item-%d", u, it.N), title: s(it.Text), parent: u})
			}
			for k, b := range du.Bases {
				var title string
				if in := m.instruments[b.Instrument]; in != nil {
					title = mentionLabel(l, in.Name.Zh, in)
					if b.Version.Zh != "" {
						if l == Zh {
							title += "（" + s(b.Version) + "）"
						} else {
							title += " (" + s(b.Version) + ")"
						}
					}
				} else {
					title = s(b.Text)
				}
				var parts []string
				for _, a := range b.Articles {
					parts = append(parts, s(a.Article), texts(a.Circumstances))
				}
				add(&searchDoc{kind: kind("basis"), dept: di, regimes: regimes(du.Regimes), date: date, url: fmt.Sprintf("%s#basis-%d", u, k+1), title: title, parent: u, text: join(parts...)})
			}
		}
		for _, b := range d.Boundaries {
			u := rel(boundaryURL(l, d, b))
			date := month(b.Date, d.Date)
			add(&searchDoc{kind: kind("boundary"), dept: di, regimes: regimes(b.Regimes), date: date, url: u, title: s(b.Title), parent: rel(deptURL(l, d)) + "boundaries/",
				text: join(texts(b.Joint), texts(b.Examples))}) // the bases are the instruments' entries
			for k, dv := range b.Divisions {
				title := dv.Body
				if x := m.bodies[dv.Body]; x != nil {
					title = s(x.ShortOr())
				}
				add(&searchDoc{kind: kind("boundary"), dept: di, regimes: regimes(b.Regimes), date: date, url: fmt.Sprintf("%s#division-%d", u, k+1), title: title, parent: u, text: texts(dv.Duties)})
			}
		}
		for _, sy := range d.Systems {
			u := rel(systemURL(l, d, sy))
			date := month(sy.Date, d.Date)
			add(&searchDoc{kind: kind("system"), dept: di, regimes: regimes(sy.Regimes), date: date, url: u, title: s(sy.Title), parent: rel(deptURL(l, d)) + "systems/", text: join(s(sy.Purpose), p(sy.Body))})
			for _, sec := range sy.Sections {
				add(&searchDoc{kind: kind("section"), dept: di, regimes: regimes(sy.Regimes), date: date, url: u + "#" + sec.ID, title: s(sec.Title), parent: u, text: p(sec.Body)})
			}
		}
		for _, sv := range d.Services {
			add(&searchDoc{kind: kind("service"), dept: di, regimes: regimes(sv.Regimes), date: month(sv.Date, d.Date), url: rel(servicesURL(l, d)) + "#service-" + sv.ID,
				title: s(sv.Title), parent: rel(servicesURL(l, d)), text: join(s(sv.Content), s(sv.Office), sv.Phone)})
		}
		if a := d.Accountability; a != nil {
			u := rel(accURL(l, d))
			date := month(a.Date, d.Date)
			add(&searchDoc{kind: kind("accountability"), dept: di, date: date, url: u, title: m.ui("part.accountability").In(l), text: s(a.Intro)})
			for _, b := range a.Bodies {
				add(&searchDoc{kind: kind("accountability"), dept: di, date: date, url: u + "#" + b.ID, title: s(b.Name), parent: u, text: join(p(b.Duties), p(b.Procedure))})
			}
			for _, mc := range a.Mechanisms {
				add(&searchDoc{kind: kind("accountability"), dept: di, date: date, url: u + "#" + mc.ID, title: s(mc.Title), parent: u, text: p(mc.Body)})
			}
		}
		pageDocs(di)
	}
	hasPage := map[string]bool{}
	for _, pg := range pages {
		hasPage[pg.URL] = true
	}
	for _, in := range c.Registry.Instruments {
		if !hasPage[instrumentURL(l, in)] {
			continue
		}
		var parts []string
		if k := m.kinds[in.Kind]; k != nil {
			parts = append(parts, s(k.Name))
		}
		if in.Number.Zh != "" {
			parts = append(parts, s(in.Number))
		}
		parts = append(parts, in.Aliases.In(l)...)
		add(&searchDoc{kind: kind("instrument"), dept: -1, url: rel(instrumentURL(l, in)), title: s(in.Name), parent: string(l) + "/laws/", text: join(parts...)})
	}
	for _, b := range c.Registry.Bodies {
		if !hasPage[bodyURL(l, b)] {
			continue
		}
		parts := []string{}
		if b.Short.Zh != "" {
			parts = append(parts, s(b.Short))
		}
		parts = append(parts, b.Aliases.In(l)...)
		add(&searchDoc{kind: kind("body"), dept: -1, url: rel(bodyURL(l, b)), title: s(b.Name), parent: string(l) + "/bodies/", text: join(parts...)})
	}
	for i, g := range c.Registry.Regimes {
		if !hasPage[regimeURL(l, g)] {
			continue
		}
		add(&searchDoc{kind: kind("regime"), dept: -1, regimes: []int{i}, url: rel(regimeURL(l, g)), title: s(g.Name), parent: string(l) + "/regimes/", text: s(g.Summary)})
	}

	pageDocs(-1) // the pages of no department
	byURL := map[string]int{}
	for i, d := range docs {
		byURL[d.url] = i
	}
	for _, d := range docs {
		d.context = -1
		if i, ok := byURL[d.parent]; ok && d.parent != "" {
			d.context = i
		}
	}
	return docs
}

// proseText is a Prose value as plain text: mentions as their names,
// Markdown syntax gone, one space between blocks.
func proseText(l Lang, md string, res Resolver) string {
	src := []byte(plain(l, md, res))
	doc := markdown.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	sep := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					if l == En {
						sep()
					}
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML:
			if entering {
				for c := n.FirstChild(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); ok {
						b.Write(t.Segment.Value(src))
					}
				}
				return ast.WalkSkipChildren, nil
			}
		default:
			if n.Type() == ast.TypeBlock && !entering {
				sep()
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// searchBundle builds the JSON search bundle of both languages.
func (m *siteModel) searchBundle(pages []*Page) (map[string][]byte, error) {
	return m.searchBundleAt(pages, searchSplitAt)
}

// searchBundleAt builds the bundle, split where a language's one file would
// reach splitAt bytes.
func (m *siteModel) searchBundleAt(pages []*Page, splitAt int) (map[string][]byte, error) {
	files := map[string][]byte{}
	regimes := make([]string, len(m.c.Registry.Regimes))
	for i, g := range m.c.Registry.Regimes {
		regimes[i] = g.ID
	}
	manifest := []any{"v", 1, "kinds", searchKinds, "regimes", regimes}
	for _, l := range Langs {
		docs := m.searchDocs(l, pages)
		depts := make([]any, len(m.c.Departments))
		for i, d := range m.c.Departments {
			depts[i] = []string{d.Slug, plain(l, m.deptName(d).In(l), m)}
		}
		one, err := searchDocFile(depts, docs, docs, true)
		if err != nil {
			return nil, err
		}
		var entry []any
		if len(one) < splitAt {
			name := fmt.Sprintf("search/%s.%s.json", l, contentHash(one))
			files[name] = one
			entry = []any{"docs", len(docs), "file", name}
		} else {
			parts, shards, err := m.splitBundle(l, docs)
			if err != nil {
				return nil, err
			}
			h := sha256.New()
			for _, n := range slices.Sorted(mapKeys(parts)) {
				h.Write([]byte(n))
				h.Write(parts[n])
			}
			base := fmt.Sprintf("search/%s.%s/", l, hex.EncodeToString(h.Sum(nil))[:10])
			for n, b := range parts {
				files[base+n] = b
			}
			// Each department's docs run from its start to the next's.
			starts := []int{}
			for i, d := range docs {
				for d.dept >= len(starts) && d.dept >= 0 {
					starts = append(starts, i)
				}
				if d.dept < 0 && len(starts) == len(m.c.Departments) {
					starts = append(starts, i)
				}
			}
			for len(starts) <= len(m.c.Departments) {
				starts = append(starts, len(docs))
			}
			entry = []any{"docs", len(docs), "base", base, "shards", shards, "chunk", searchChunkDocs, "depts", starts}
		}
		b, err := jsonObject(entry...)
		if err != nil {
			return nil, err
		}
		manifest = append(manifest, string(l), json.RawMessage(b))
	}
	b, err := jsonObject(manifest...)
	if err != nil {
		return nil, err
	}
	files["search/manifest.json"] = b
	return files, nil
}

// splitBundle makes the parts of a split bundle, by path under its base,
// and says how many shards it has.
func (m *siteModel) splitBundle(l Lang, docs []*searchDoc) (map[string][]byte, int, error) {
	parts := map[string][]byte{}
	postings := searchPostings(docs)
	size := 0
	for _, ps := range postings {
		size += 2 * len(ps)
	}
	shards := 8
	for shards < 4096 && size/shards > searchShardBytes {
		shards *= 2
	}
	byShard := make([][]any, shards)
	var vocab []string
	var df []int
	for _, t := range slices.Sorted(mapKeys(postings)) {
		var b []byte
		prev := 0
		for _, p := range postings[t] {
			v := (p.doc-prev)*32 + (p.w&15)*2
			if p.w>>4 == 0 {
				b = appendSearchNum(b, v)
			} else {
				b = appendSearchNum(b, v+1)
				b = appendSearchNum(b, p.w>>4)
			}
			prev = p.doc
		}
		k := searchHash(t) % uint32(shards)
		byShard[k] = append(byShard[k], t, string(b))
		if !isSearchHanTerm(t) {
			vocab = append(vocab, t)
			df = append(df, len(postings[t]))
		}
	}
	for k, kv := range byShard {
		b, err := jsonObject(kv...)
		if err != nil {
			return nil, 0, err
		}
		parts[fmt.Sprintf("s/%d.json", k)] = b
	}
	b, err := jsonObject("terms", vocab, "df", df)
	if err != nil {
		return nil, 0, err
	}
	parts["vocab.json"] = b

	var dates []string
	var meta []byte
	for _, d := range docs {
		di := -1
		if d.date != "" {
			if di = slices.Index(dates, d.date); di < 0 {
				di = len(dates)
				dates = append(dates, d.date)
			}
		}
		meta = appendSearchNum(meta, d.kind)
		meta = appendSearchNum(meta, d.dept+1)
		meta = appendSearchNum(meta, di+1)
		meta = appendSearchNum(meta, len(d.regimes))
		for _, r := range d.regimes {
			meta = appendSearchNum(meta, r)
		}
	}
	if dates == nil {
		dates = []string{}
	}
	if b, err = jsonObject("dates", dates, "m", string(meta)); err != nil {
		return nil, 0, err
	}
	parts["meta.json"] = b

	for n := 0; n*searchChunkDocs < len(docs); n++ {
		chunk := docs[n*searchChunkDocs : min(len(docs), (n+1)*searchChunkDocs)]
		var depts []any
		var seen []int
		for _, d := range chunk {
			if d.dept >= 0 && !slices.Contains(seen, d.dept) {
				seen = append(seen, d.dept)
				dp := m.c.Departments[d.dept]
				depts = append(depts, []any{d.dept, dp.Slug, plain(l, m.deptName(dp).In(l), m)})
			}
		}
		if depts == nil {
			depts = []any{}
		}
		b, err := searchDocFile(depts, chunk, docs, false)
		if err != nil {
			return nil, 0, err
		}
		parts[fmt.Sprintf("c/%d.json", n)] = b
	}
	return parts, shards, nil
}

// searchPosting is one doc in a term's posting list: w = tf + 16·tl +
// 64·units, where tf weighs the term's count in the text against the
// text's length (searchTF), tl says how much of the title the term makes
// (0 not in it, 1 under a third, 2 under two thirds, 3 more) and units is
// the number of characters and words in the title (at most 63), where the
// term is in it.
type searchPosting struct{ doc, w int }

// searchPostings indexes docs: the posting lists by term, in doc order.
func searchPostings(docs []*searchDoc) map[string][]searchPosting {
	postings := map[string][]searchPosting{}
	basis := slices.Index(searchKinds, "basis")
	for id, d := range docs {
		w := map[string]int{}
		tt := searchTokens(d.title)
		text := d.text
		if d.kind == basis {
			// A basis is titled with the instrument it cites, whose own
			// entry has that title: here it is text.
			tt, text = nil, d.title+" "+d.text
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
		tt = searchTokens(text)
		tf := map[string]int{}
		for _, t := range tt {
			tf[t]++
		}
		for t, n := range tf {
			if d.kind == basis {
				w[t] += searchTF(n, len(tt)) / 2 // a citation weighs less than the duty
			} else {
				w[t] += searchTF(n, len(tt))
			}
		}
		for _, t := range slices.Sorted(mapKeys(w)) {
			postings[t] = append(postings[t], searchPosting{id, w[t]})
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

// jsonObject writes a JSON object from key, value pairs, in their order,
// without escaping HTML characters.
func jsonObject(kv ...any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := jsonValue(&b, kv[i]); err != nil {
			return nil, fmt.Errorf("search bundle: %w", err)
		}
		b.WriteByte(':')
		if err := jsonValue(&b, kv[i+1]); err != nil {
			return nil, fmt.Errorf("search bundle: %w", err)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonValue(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}

// contentHash is the first 10 hex digits of the SHA-256 of b.
func contentHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])[:10]
}
