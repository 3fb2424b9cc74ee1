package site

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path"
	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/markup"
	"qingdan/generator/search"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The checked content, the site model and its pages, once.
var (
	modelOnce  sync.Once
	modelSite  *model
	modelPages []*Page
	modelErr   error
)

func searchModel(t *testing.T) (*model, []*Page) {
	t.Helper()
	c := realContent(t) // loaded once for both
	modelOnce.Do(func() {
		g, err := check.Check(c)
		if err != nil {
			modelErr = err
			return
		}
		modelSite = newModel(g)
		modelPages = modelSite.pages()
	})
	if modelErr != nil {
		t.Fatalf("loading content/: %v", modelErr)
	}
	return modelSite, modelPages
}

// jsRequest is what testdata/search/harness.js reads.
type jsRequest struct {
	Script   string            `json:"script"`
	Parts    string            `json:"parts"`
	Tokenize []string          `json:"tokenize"`
	Parse    []string          `json:"parse"`
	Index    [][]any           `json:"index,omitempty"`
	Basis    int               `json:"basis"`
	Files    map[string]string `json:"files"`
	Queries  []jsQuery         `json:"queries"`
	Fill     []jsFill          `json:"fill,omitempty"`
}

type jsQuery struct {
	Lang   string `json:"lang"`
	Q      string `json:"q"`
	Kind   string `json:"kind,omitempty"`
	Regime string `json:"regime,omitempty"`
	Sort   string `json:"sort,omitempty"`
	Expect string `json:"expect,omitempty"` // the URL wanted in the top 5; "" for none
}

type jsResponse struct {
	Tokens  [][]string        `json:"tokens"`
	Parses  [][]search.Group  `json:"parses"`
	Index   map[string][]int  `json:"index"`
	Results []jsResult        `json:"results"`
	Filled  []string          `json:"filled"`
	Raw     []json.RawMessage `json:"-"`
}

type jsResult struct {
	URLs         []string `json:"urls"`
	Count        int      `json:"count"`
	Dates        []string `json:"dates"`
	Partial      bool     `json:"partial"`
	Cross        string   `json:"cross"`        // the query, if the other language found it
	Alternatives []string `json:"alternatives"` // the other queries run for it
	Fetched      []string `json:"fetched"`
}

// runSearchJS runs layouts/assets/search.js, minified as the build writes
// it, in the machine's Node: one Node process (node) answers every test's
// requests in turn.
func runSearchJS(t *testing.T, req jsRequest) jsResponse {
	t.Helper()
	n := startNode(t)
	req.Script, req.Parts = n.script, n.parts
	in, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.err != nil {
		t.Fatalf("node testdata/search/harness.js failed before: %v", n.err)
	}
	var line []byte
	if _, err = n.in.Write(append(in, '\n')); err == nil {
		line, err = n.out.ReadBytes('\n')
	}
	if err != nil {
		n.err = err
		n.in.Close()
		n.cmd.Wait() // its standard error is all written
		n.cmd = nil
		t.Fatalf("node testdata/search/harness.js: %v\n%s", err, n.stderr.Bytes())
	}
	var resp jsResponse
	if err := json.Unmarshal(line, &resp); err != nil {
		t.Fatalf("reading the harness's answer: %v\n%.500s", err, line)
	}
	return resp
}

type tokenizeCorpus struct {
	Texts   []string `json:"texts"`
	Queries []string `json:"queries"`
}

func readQuerySet(t *testing.T) []jsQuery {
	t.Helper()
	b, err := os.ReadFile("../e2e/testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []jsQuery
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatalf("e2e/testdata/queries.json: %v", err)
	}
	return qs
}

// TestTokenizerMatchesJS tokenises a shared corpus — the cases in
// testdata/search/tokenize.json, the query set, and every title and text of
// the site's entries — with the Go tokenizer and with search.js in Node, and
// wants the same terms, token for token.
func TestTokenizerMatchesJS(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("testdata/search/tokenize.json")
	if err != nil {
		t.Fatal(err)
	}
	var corpus tokenizeCorpus
	if err := json.Unmarshal(b, &corpus); err != nil {
		t.Fatalf("testdata/search/tokenize.json: %v", err)
	}
	m, pages := searchModel(t)
	texts := slices.Clone(corpus.Texts)
	var docs []*search.Doc
	for _, ed := range m.searchEditions(pages) {
		for _, d := range ed.Docs {
			texts = append(texts, d.Title, d.Text)
			docs = append(docs, d)
		}
	}
	for _, s := range corpus.Texts {
		docs = append(docs, &search.Doc{Title: s, Text: s + " " + s})
	}
	rows := make([][]any, len(docs))
	for i, d := range docs {
		rows[i] = []any{d.Kind, -1, []int{}, "", d.URL, d.Title, -1, d.Text}
	}
	queries := slices.Clone(corpus.Queries)
	for _, q := range readQuerySet(t) {
		queries = append(queries, q.Q, q.Q+" ", strings.ToUpper(q.Q))
	}
	resp := runSearchJS(t, jsRequest{Tokenize: texts, Parse: queries, Index: rows, Basis: slices.Index(search.Kinds, "basis")})
	if len(resp.Tokens) != len(texts) || len(resp.Parses) != len(queries) {
		t.Fatalf("node answered %d token lists and %d parses for %d texts and %d queries", len(resp.Tokens), len(resp.Parses), len(texts), len(queries))
	}
	bad := 0
	for i, s := range texts {
		gt, jt := search.Tokens(s), resp.Tokens[i]
		if gt == nil {
			gt = []string{}
		}
		if !slices.Equal(gt, jt) && bad < 10 {
			bad++
			t.Errorf("terms of %q:\n Go %q\n JS %q", short(s), gt, jt)
		}
	}
	for i, q := range queries {
		g, _ := json.Marshal(search.Parse(q))
		j, _ := json.Marshal(resp.Parses[i])
		if string(g) == "null" {
			g = []byte("[]")
		}
		if !bytes.Equal(g, j) && bad < 20 {
			bad++
			t.Errorf("groups of query %q:\n Go %s\n JS %s", q, g, j)
		}
	}
	post := search.Postings(docs)
	if len(post) != len(resp.Index) {
		t.Errorf("Go indexes %d terms, JS %d", len(post), len(resp.Index))
	}
	for term, ps := range post {
		var flat []int
		for _, p := range ps {
			flat = append(flat, p.Doc, p.W)
		}
		if !slices.Equal(flat, resp.Index[term]) && bad < 30 {
			bad++
			t.Errorf("postings of %q:\n Go %v\n JS %v", term, flat, resp.Index[term])
		}
	}
	t.Logf("%d texts, %d queries and %d docs (%d terms) tokenised and indexed alike", len(texts), len(queries), len(docs), len(post))
}

func short(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// TestSearchTokens pins the tokenizer's rules.
func TestSearchTokens(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"特种设备":              "特 特种 种 种设 设 设备 备",
		"ＣＣＣ认证":             "ccc 认 认证 证",
		"GB/T 19001":        "gb t 19001",
		"the Bureau's work": "bureau work",
		"二〇一五":              "二 二〇 〇 〇一 一 一五 五",
	} {
		if got := strings.Join(search.Tokens(in), " "); got != want {
			t.Errorf("search.Tokens(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"fireworks": "firework", "recalls": "recal", "recalled": "recal", "recall": "recal",
		"licensing": "licens", "licensed": "licens", "license": "licens", "licences": "licenc",
		"bodies": "body", "applied": "apply", "processes": "process", "boxes": "box",
		"testing": "test", "status": "status", "basis": "basis", "cases": "cas", "case": "cas",
		"agreed": "agr", "agree": "agr", "using": "using", "use": "use", "gb2312": "gb2312",
	} {
		if got := search.Stem(in); got != want {
			t.Errorf("search.Stem(%q) = %q, want %q", in, got, want)
		}
	}
	gs := search.Parse("CCC 认证 firwork")
	if len(gs) != 3 || gs[0].Han || !gs[1].Han || !gs[2].Prefix || !gs[2].Fuzzy || gs[0].Prefix {
		t.Errorf("searchParse: %+v", gs)
	}
	if gs := search.Parse("计量器具 "); len(gs) != 1 || !slices.Equal(gs[0].Terms, []string{"计量", "量器", "器具"}) {
		t.Errorf("search.Parse(计量器具): %+v", gs)
	}
}

// TestProseText checks that Markdown reads as plain text.
func TestProseText(t *testing.T) {
	t.Parallel()
	m, _ := searchModel(t)
	got := markup.ProseText(Zh, "1. 第一项；\n   1. 子项**重点**。\n2. 依据《产品质量法》。\n\n段落二\n续行。", m.ix)
	want := "第一项； 子项重点。 依据《产品质量法》。 段落二续行。"
	if got != want {
		t.Errorf("proseText = %q, want %q", got, want)
	}
	got = markup.ProseText(En, "Under 《product-quality-law》\nand *so* on.", m.ix)
	if want := "Under Product Quality Law of the People's Republic of China and so on."; got != want {
		t.Errorf("proseText = %q, want %q", got, want)
	}
}

// TestSearchBundle checks the bundle of the real site: the manifest names
// every file under search/ and only those, each one-file bundle is named by
// its hash, every entry's URL is a page of the site with the anchor on it,
// every page is an entry, and the script stays small.
func TestSearchBundle(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	var man map[string]json.RawMessage
	if err := json.Unmarshal(out.Files["search/manifest.json"], &man); err != nil {
		t.Fatalf("search/manifest.json: %v", err)
	}
	var kinds []string
	json.Unmarshal(man["kinds"], &kinds)
	if !slices.Equal(kinds, search.Kinds) {
		t.Errorf("manifest kinds %q", kinds)
	}
	named := map[string]bool{"search/manifest.json": true}
	ids := map[string]map[string]bool{}
	for _, l := range content.Langs {
		var entry struct {
			Docs int    `json:"docs"`
			File string `json:"file"`
			Base string `json:"base"`
		}
		if err := json.Unmarshal(man[string(l)], &entry); err != nil || entry.File == "" {
			t.Fatalf("manifest entry for %s: %s (%v): this site should make one file per language", l, man[string(l)], err)
		}
		named[entry.File] = true
		b, ok := out.Files[entry.File]
		if !ok {
			t.Fatalf("the manifest names %s, which the build does not write", entry.File)
		}
		if want := fmt.Sprintf("search/%s.%s.json", l, search.ContentHash(b)); entry.File != want {
			t.Errorf("%s: the name does not carry the hash of the file as written (%s)", entry.File, want)
		}
		one := readDocFile(t, entry.File, b)
		if len(one.URL) != entry.Docs {
			t.Errorf("%s has %d docs, the manifest says %d", entry.File, len(one.URL), entry.Docs)
		}
		covered := map[string]bool{}
		for i, u := range one.URL {
			if k := one.Kind[i]; k < 0 || k >= len(kinds) {
				t.Errorf("%s: kind %d", u, k)
			}
			if date := one.Date[i]; date != "" && !regexp.MustCompile(`^\d{4}-\d{2}$`).MatchString(date) {
				t.Errorf("%s: date %q", u, date)
			}
			if one.Title[i] == "" {
				t.Errorf("%s: no title", u)
			}
			if c, ok := one.Context[i].(float64); !ok || c < -1 || int(c) >= len(one.URL) {
				t.Errorf("%s: context %v", u, one.Context[i])
			}
			p, frag, _ := strings.Cut(u, "#")
			if !strings.HasPrefix(p, string(l)+"/") || !strings.HasSuffix(p, "/") {
				t.Errorf("%s: not a page of the %s edition", u, l)
				continue
			}
			file := p + "index.html"
			page, ok := out.Files[file]
			if !ok {
				t.Errorf("entry %s: the build has no %s", u, file)
				continue
			}
			covered[p] = true
			if frag == "" {
				continue
			}
			if ids[file] == nil {
				ids[file] = map[string]bool{}
				for _, a := range attrValues(page, "id") {
					ids[file][html.UnescapeString(a.value)] = true
				}
			}
			if !ids[file][frag] {
				t.Errorf("entry %s: %s has no id %q", u, file, frag)
			}
		}
		for _, n := range out.Names() {
			if strings.HasPrefix(n, string(l)+"/") && strings.HasSuffix(n, "/index.html") && n != string(l)+"/search/index.html" {
				if p := strings.TrimSuffix(n, "index.html"); !covered[p] {
					t.Errorf("page %s has no search entry", p)
				}
			}
		}
	}
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "search/") && !named[n] {
			t.Errorf("%s is in the build but not in the manifest", n)
		}
	}
	js := out.Asset("search.js")
	if n := gzipSize(js); n > 10<<10 {
		t.Errorf("assets/search.js is %d bytes gzipped; the budget is 10 KB", n)
	} else {
		t.Logf("assets/search.js: %d bytes, %d gzipped", len(js), n)
	}
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "search/") {
			t.Logf("%s: %d bytes, %d gzipped", n, len(out.Files[n]), gzipSize(out.Files[n]))
		}
	}
}

// docFile is a doc file's columns.
type docFile struct {
	Depts   []json.RawMessage `json:"depts"`
	Kind    []int             `json:"kind"`
	Dept    []int             `json:"dept"`
	Regimes [][]int           `json:"regimes"`
	Date    []string          `json:"date"`
	URL     []string          `json:"url"`
	Title   []string          `json:"title"`
	Context []any             `json:"context"`
	Text    []string          `json:"text"`
}

func readDocFile(t *testing.T, name string, b []byte) docFile {
	t.Helper()
	var f docFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	n := len(f.URL)
	for _, l := range []int{len(f.Kind), len(f.Dept), len(f.Regimes), len(f.Date), len(f.Title), len(f.Context), len(f.Text)} {
		if l != n {
			t.Fatalf("%s: columns of different lengths", name)
		}
	}
	// A URL after a space continues its context's.
	var full func(i, depth int) string
	full = func(i, depth int) string {
		u := f.URL[i]
		if strings.HasPrefix(u, " ") {
			c, ok := f.Context[i].(float64)
			if !ok || c < 0 || depth > 10 {
				t.Fatalf("%s: doc %d: URL %q continues no context", name, i, u)
			}
			u = full(int(c), depth+1) + u[1:]
			f.URL[i] = u
		}
		return u
	}
	for i := range f.URL {
		full(i, 0)
	}
	return f
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// bundleFiles builds the bundle as text files, split at splitAt bytes,
// once for each splitAt for all the tests that read it (none changes it;
// the race detector would see one that did, as they run in parallel).
func bundleFiles(t *testing.T, splitAt int) map[string]string {
	t.Helper()
	m, pages := searchModel(t)
	v, _ := bundles.LoadOrStore(splitAt, &bundle{})
	b := v.(*bundle)
	b.once.Do(func() {
		files, err := search.Bundle(m.regimeIDs(), m.searchEditions(pages), splitAt)
		if err != nil {
			b.err = err
			return
		}
		b.files = map[string]string{}
		for n, f := range files {
			if !json.Valid(f) {
				b.err = fmt.Errorf("%s is not valid JSON", n)
				return
			}
			b.files[n] = string(f)
		}
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.files
}

type bundle struct {
	once  sync.Once
	files map[string]string
	err   error
}

var bundles sync.Map // splitAt → *bundle

// TestSearchQuerySet runs the committed query set in Node against the
// one-file bundle and against the same site's bundle split into shards and
// chunks: each query must find its expected entry in the top 5 (or find
// nothing where nothing is expected), the same in both.
func TestSearchQuerySet(t *testing.T) {
	t.Parallel()
	qs := readQuerySet(t)
	if len(qs) < 40 {
		t.Errorf("the query set has %d queries, want at least 40", len(qs))
	}
	for _, mode := range []struct {
		name    string
		splitAt int
	}{{"one file", search.SplitAt}, {"split", 0}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			files := bundleFiles(t, mode.splitAt)
			resp := runSearchJS(t, jsRequest{Files: files, Queries: qs})
			found := 0
			for i, q := range qs {
				r := resp.Results[i]
				top := r.URLs[:min(5, len(r.URLs))]
				switch {
				case q.Expect == "" && r.Count != 0:
					t.Errorf("%s %q: want no result, got %d: %q", q.Lang, q.Q, r.Count, top)
				case q.Expect != "" && !slices.Contains(top, q.Expect):
					t.Errorf("%s %q: want %s in the top 5, got %q (%d results)", q.Lang, q.Q, q.Expect, top, r.Count)
				default:
					found++
				}
			}
			t.Logf("%s: %d of %d queries as expected", mode.name, found, len(qs))
		})
	}
}

// TestSearchFiltersAndSort checks the kind and regime filters and the date
// sort in Node, in both bundle shapes.
func TestSearchFiltersAndSort(t *testing.T) {
	t.Parallel()
	for _, splitAt := range []int{search.SplitAt, 0} {
		t.Run(fmt.Sprintf("split at %d", splitAt), func(t *testing.T) {
			t.Parallel()
			files := bundleFiles(t, splitAt)
			qs := []jsQuery{
				{Lang: "zh", Q: "特种设备"},
				{Lang: "zh", Q: "特种设备", Kind: "item"},
				{Lang: "zh", Q: "特种设备", Regime: "metrology"},
				{Lang: "zh", Q: "特种设备", Sort: "date"},
				{Lang: "en", Q: "supervision", Kind: "section", Regime: "special-equipment"},
			}
			resp := runSearchJS(t, jsRequest{Files: files, Queries: qs})
			all, item, metro, date, sec := resp.Results[0], resp.Results[1], resp.Results[2], resp.Results[3], resp.Results[4]
			if all.Count == 0 || item.Count == 0 || item.Count >= all.Count || metro.Count == 0 || metro.Count >= all.Count || sec.Count == 0 {
				t.Fatalf("split at %d: counts all %d, item %d, metrology %d, section+special-equipment %d", splitAt, all.Count, item.Count, metro.Count, sec.Count)
			}
			for _, u := range item.URLs {
				if !strings.Contains(u, "#item-") {
					t.Errorf("kind=item gave %s", u)
				}
			}
			for _, u := range sec.URLs {
				if !strings.Contains(u, "/systems/") || !strings.Contains(u, "#") {
					t.Errorf("kind=section gave %s", u)
				}
			}
			// The regime's page has no date: first by relevance, last by date.
			if date.Count != all.Count || all.URLs[0] != "zh/regimes/special-equipment/" || slices.Contains(date.URLs, all.URLs[0]) {
				t.Errorf("split at %d: sorting by date: %d results %q, by relevance %d %q", splitAt, date.Count, date.URLs, all.Count, all.URLs)
			}
			for i := 1; i < len(date.Dates); i++ {
				if a, b := date.Dates[i-1], date.Dates[i]; a != b && (a == "" || b != "" && a < b) {
					t.Errorf("split at %d: sorted by date, %q comes before %q", splitAt, a, b)
				}
			}
			if splitAt == 0 {
				for _, f := range all.Fetched {
					if strings.HasSuffix(f, "meta.json") {
						t.Errorf("an unfiltered search by relevance fetched %s", f)
					}
				}
				if !slices.ContainsFunc(item.Fetched, func(f string) bool { return strings.HasSuffix(f, "meta.json") }) && !slices.ContainsFunc(all.Fetched, func(f string) bool { return strings.HasSuffix(f, "meta.json") }) {
					// meta may have been fetched by an earlier query of the same bundle
					t.Logf("fetched: %q", item.Fetched)
				}
			}
		})
	}
}

// TestSearchSplitBundle checks the split bundle's parts against the
// one-file bundle: the chunks hold the same docs, each term is in the shard
// its hash names, and a query fetches only a few parts.
func TestSearchSplitBundle(t *testing.T) {
	t.Parallel()
	one, split := bundleFiles(t, search.SplitAt), bundleFiles(t, 0)
	var man struct {
		Zh struct {
			Docs   int    `json:"docs"`
			File   string `json:"file"`
			Base   string `json:"base"`
			Shards int    `json:"shards"`
			Chunk  int    `json:"chunk"`
			Depts  []int  `json:"depts"`
		} `json:"zh"`
	}
	json.Unmarshal([]byte(one["search/manifest.json"]), &man)
	whole := readDocFile(t, man.Zh.File, []byte(one[man.Zh.File]))
	json.Unmarshal([]byte(split["search/manifest.json"]), &man)
	z := man.Zh
	if z.Base == "" || z.Shards < 8 || z.Chunk < 1 {
		t.Fatalf("split manifest: %+v", z)
	}
	for n := 0; n*z.Chunk < z.Docs; n++ {
		name := z.Base + fmt.Sprintf("c/%d.json", n)
		c := readDocFile(t, name, []byte(split[name]))
		for i := range c.URL {
			id := n*z.Chunk + i
			ctx := ""
			if k := int(whole.Context[id].(float64)); k >= 0 {
				ctx = whole.Title[k]
			}
			if c.URL[i] != whole.URL[id] || c.Title[i] != whole.Title[id] || c.Text[i] != whole.Text[id] || c.Kind[i] != whole.Kind[id] ||
				c.Dept[i] != whole.Dept[id] || c.Date[i] != whole.Date[id] || !slices.Equal(c.Regimes[i], whole.Regimes[id]) || c.Context[i] != ctx {
				t.Errorf("doc %d differs in chunk %d", id, n)
			}
		}
	}
	// The docs of department k run from depts[k] to depts[k+1]; the
	// registry's and the site's follow.
	if len(z.Depts) != 2 || z.Depts[0] != 0 || z.Depts[1] > z.Docs {
		t.Fatalf("department starts %v for %d docs", z.Depts, z.Docs)
	}
	for id, d := range whole.Dept {
		if want := map[bool]int{true: 0, false: -1}[id < z.Depts[1]]; d != want {
			t.Errorf("doc %d (%s) has department %d, its place says %d", id, whole.URL[id], d, want)
		}
	}
	for k := 0; k < z.Shards; k++ {
		var sh map[string]string
		if err := json.Unmarshal([]byte(split[z.Base+fmt.Sprintf("s/%d.json", k)]), &sh); err != nil {
			t.Fatalf("shard %d: %v", k, err)
		}
		for term := range sh {
			if int(search.Hash(term)%uint32(z.Shards)) != k {
				t.Errorf("term %q is in shard %d", term, k)
			}
		}
	}
	resp := runSearchJS(t, jsRequest{Files: split, Queries: []jsQuery{{Lang: "zh", Q: "特种设备"}}})
	r := resp.Results[0]
	// manifest, at most three shards, and chunks for the first ten results
	if len(r.Fetched) > 1+3+10 {
		t.Errorf("特种设备 fetched %d files: %q", len(r.Fetched), r.Fetched)
	}
	for _, f := range r.Fetched {
		if _, ok := split[f]; !ok {
			t.Errorf("fetched %s, which is not in the bundle", f)
		}
		if path.Base(f) == "vocab.json" {
			t.Errorf("a Chinese query fetched the vocabulary")
		}
	}
}
