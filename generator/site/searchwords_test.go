package site

import (
	"slices"
	"strings"
	"testing"

	"qingdan/generator/search"
)

// TestSearchWords runs search.js in Node on the real bundle: a variant's
// spelling finds the term's wherever it occurs, a full title finds the
// short one the list cites but not the reverse, an abbreviation finds the
// body, a query in the other language's script finds the records through
// the other edition and links to this one's pages, in both bundle shapes.
func TestSearchWords(t *testing.T) {
	qs := []jsQuery{
		{Lang: "en", Q: "licensed"},
		{Lang: "zh", Q: "中华人民共和国计量法"},
		{Lang: "zh", Q: "计量法"},
		{Lang: "zh", Q: "安监局"},
		{Lang: "en", Q: "特种设备"},
		{Lang: "zh", Q: "fireworks"},
		{Lang: "zh", Q: "CCC 认证"},
		{Lang: "en", Q: "量子计算机"},
	}
	for _, splitAt := range []int{search.SplitAt, 0} {
		r := runSearchJS(t, jsRequest{Files: bundleFiles(t, splitAt), Queries: qs}).Results
		alts := func(i int) string { return strings.Join(r[i].Alternatives, " | ") }
		if !slices.Contains(r[0].Alternatives, "licence") || r[0].Count == 0 {
			t.Errorf("split at %d: licensed: alternatives %q, %d results; want licence (the glossary's production license)", splitAt, alts(0), r[0].Count)
		}
		if !slices.Contains(r[1].Alternatives, "计量法") || r[1].URLs[0] != "zh/laws/metrology-law/" {
			t.Errorf("split at %d: 中华人民共和国计量法: alternatives %q, results %q", splitAt, alts(1), r[1].URLs)
		}
		if len(r[2].Alternatives) != 0 {
			t.Errorf("split at %d: 计量法 is the shortest title, yet runs as %q", splitAt, alts(2))
		}
		if !slices.Contains(r[3].URLs, "zh/bodies/linyi-work-safety/") || !slices.Contains(r[3].URLs, "zh/linyi-qts/boundaries/2/#division-2") {
			t.Errorf("split at %d: 安监局: %q (alternatives %q)", splitAt, r[3].URLs, alts(3))
		}
		for i, want := range map[int]string{4: "en/regimes/special-equipment/", 5: "zh/linyi-qts/boundaries/2/"} {
			lang := want[:2]
			if r[i].Cross != qs[i].Q || len(r[i].URLs) == 0 || r[i].URLs[0] != want {
				t.Errorf("split at %d: %s %q: found via %q, %q; want %s first, found through the other edition", splitAt, lang, qs[i].Q, r[i].Cross, r[i].URLs, want)
			}
			for _, u := range r[i].URLs {
				if !strings.HasPrefix(u, lang+"/") {
					t.Errorf("split at %d: %s %q links %s, not a page of its edition", splitAt, lang, qs[i].Q, u)
				}
			}
		}
		if r[6].Cross != "" || r[6].Count == 0 {
			t.Errorf("split at %d: CCC 认证 on the Chinese page: found via %q, %d results; Han makes it Chinese", splitAt, r[6].Cross, r[6].Count)
		}
		if r[7].Cross != "" || r[7].Count != 0 {
			t.Errorf("split at %d: 量子计算机 on the English page: found via %q, %d results; want none", splitAt, r[7].Cross, r[7].Count)
		}
	}
	// A first query in the other language fetches the manifest and the
	// other edition's bundle only.
	files := bundleFiles(t, search.SplitAt)
	r := runSearchJS(t, jsRequest{Files: files, Queries: []jsQuery{{Lang: "en", Q: "电梯"}}}).Results[0]
	if len(r.Fetched) != 2 || r.Fetched[0] != "search/manifest.json" || !strings.HasPrefix(r.Fetched[1], "search/zh.") {
		t.Errorf("电梯 on the English page fetched %q, want the manifest and the Chinese bundle", r.Fetched)
	}
}

// TestSearchPageYears: the search page offers a year filter only when the
// records are of more than one year (this list's are all of 2015), and
// every glossary term is an entry of kind term, at its row's anchor.
func TestSearchPageYears(t *testing.T) {
	out := realSite(t)
	for _, l := range []string{"zh", "en"} {
		if page := string(out.Files[l+"/search/index.html"]); strings.Contains(page, `id="year"`) || !strings.Contains(page, `id="kind"`) {
			t.Errorf("%s/search/: a year filter on a site of one year, or no kind filter", l)
		}
	}
	m, pages := searchModel(t)
	for _, ed := range m.searchEditions(pages) {
		n := 0
		for _, d := range ed.Docs {
			if d.Kind == slices.Index(search.Kinds, "term") {
				n++
				if !strings.HasPrefix(d.URL, ed.Lang+"/glossary/#term-") || d.Title == "" {
					t.Errorf("%s term entry %q at %s", ed.Lang, d.Title, d.URL)
				}
			}
		}
		if n != len(m.c.Glossary.Terms) {
			t.Errorf("%s: %d term entries for %d glossary terms", ed.Lang, n, len(m.c.Glossary.Terms))
		}
	}
}
