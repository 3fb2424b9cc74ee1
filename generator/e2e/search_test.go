//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchQuery is one query of testdata/queries.json: the entry expected in
// the top 5 ("" for a query that must find nothing).
type searchQuery struct {
	Lang   string `json:"lang"`
	Q      string `json:"q"`
	Expect string `json:"expect"`
}

func querySet(t *testing.T) []searchQuery {
	t.Helper()
	b, err := os.ReadFile("testdata/queries.json")
	if err != nil {
		t.Fatal(err)
	}
	var qs []searchQuery
	if err := json.Unmarshal(b, &qs); err != nil {
		t.Fatalf("testdata/queries.json: %v", err)
	}
	zh, en, none, mixed := 0, 0, 0, 0
	for _, q := range qs {
		switch q.Lang {
		case "zh":
			zh++
		case "en":
			en++
		}
		if q.Expect == "" {
			none++
		}
		if regexp.MustCompile(`[A-Za-z0-9]`).MatchString(q.Q) && regexp.MustCompile(`\p{Han}`).MatchString(q.Q) {
			mixed++
		}
	}
	if len(qs) < 40 || zh < 20 || en < 20 || none < 1 || mixed < 1 {
		t.Fatalf("the query set has %d queries (%d zh, %d en, %d without result, %d mixed): want at least 40, half each language, one without result, one mixed", len(qs), zh, en, none, mixed)
	}
	return qs
}

// searchResult is what the page shows after a search.
type searchResult struct {
	Q       string   `json:"q"`
	Count   int      `json:"count"`
	URLs    []string `json:"urls"`   // of the results, from the site's root, with anchors
	Labels  []string `json:"labels"` // the kind labels
	Status  string   `json:"status"`
	None    bool     `json:"none"` // the no-result suggestions show
	Marks   int      `json:"marks"`
	NoJS    bool     `json:"nojs"` // the no-script block shows
	Address string   `json:"address"`
}

// readResults is the page's state as a searchResult.
const readResults = `(function () {
	var root = new URL(document.querySelector('script[data-parts]').src, location.href);
	root = new URL("../", root).href;
	var as = Array.prototype.slice.call(document.querySelectorAll("#search-results > li > a"));
	return {
		q: document.getElementById("search-results").getAttribute("data-q") || "",
		count: document.querySelectorAll("#search-results > li").length,
		urls: as.map(function (a) { return a.href.slice(root.length); }),
		labels: Array.prototype.slice.call(document.querySelectorAll("#search-results .label")).map(function (e) { return e.textContent; }),
		status: document.getElementById("search-status").textContent,
		none: !document.getElementById("search-none").hidden,
		marks: document.querySelectorAll("#search-results mark").length,
		nojs: !document.getElementById("search-nojs").hidden,
		address: location.pathname + location.search
	};
})()`

// typeQuery types q into the search field (as one input event) and waits
// for the results the page announces.
func typeQuery(ctx context.Context, q string) (searchResult, error) {
	js := fmt.Sprintf(`new Promise(function (res, rej) {
		var f = document.getElementById("search-form"), q = document.getElementById("q"), Q = %q;
		var timer = setTimeout(function () { rej(new Error("no results announced after 20 s")); }, 20000);
		function done(e) {
			if (e.detail.q !== Q.trim()) return;
			f.removeEventListener("qd-results", done);
			clearTimeout(timer);
			res(true);
		}
		f.addEventListener("qd-results", done);
		q.value = Q;
		q.dispatchEvent(new Event("input", {bubbles: true}));
	})`, q)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
		return searchResult{}, err
	}
	return pageResults(ctx)
}

func pageResults(ctx context.Context) (searchResult, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[searchResult](readResults))
}

// waitResults waits until the page shows the results of q.
func waitResults(ctx context.Context, q string) (searchResult, error) {
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById("search-results").getAttribute("data-q") === %q`, q))); err != nil {
		return searchResult{}, fmt.Errorf("waiting for the results of %q: %w", q, err)
	}
	return pageResults(ctx)
}

// inTop5 says whether the expected entry is among the first five results;
// pattern lets the department's slug be any.
func inTop5(r searchResult, want string, anyDept bool) bool {
	re := "^" + regexp.QuoteMeta(want) + "$"
	if anyDept {
		re = regexp.MustCompile(`^\^(zh|en)/[a-z]+-qts/`).ReplaceAllString(re, `^$1/[a-z]+-qts/`)
	}
	m := regexp.MustCompile(re)
	return slices.ContainsFunc(r.URLs[:min(5, len(r.URLs))], m.MatchString)
}

// TestBrowserSearchQuerySet types every query of the committed set into
// the search page of its language and wants the expected entry in the top
// 5, or no result where none is expected.
func TestBrowserSearchQuerySet(t *testing.T) {
	tl := needTools(t)
	base := siteURL(t)
	checkQuerySet(t, tl, base, querySet(t), false)
}

func checkQuerySet(t *testing.T, tl tools, base string, qs []searchQuery, anyDept bool) {
	t.Helper()
	for _, lang := range []string{"zh", "en"} {
		ctx, cancel := newTab(t, tl)
		ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
		if err := load(ctx, base+"/"+lang+"/search/"); err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, q := range qs {
			if q.Lang != lang {
				continue
			}
			r, err := typeQuery(ctx, q.Q)
			if err != nil {
				t.Fatalf("%s %q: %v", lang, q.Q, err)
			}
			switch {
			case r.NoJS:
				t.Errorf("%s %q: the no-script block still shows", lang, q.Q)
			case q.Expect == "" && (r.Count != 0 || !r.None):
				t.Errorf("%s %q: want no result and the suggestions, got %d results %q (status %q)", lang, q.Q, r.Count, r.URLs, r.Status)
			case q.Expect != "" && !inTop5(r, q.Expect, anyDept):
				t.Errorf("%s %q: want %s in the top 5, got %q (status %q)", lang, q.Q, q.Expect, r.URLs, r.Status)
			case q.Expect != "" && (r.Marks == 0 || r.Status == "" || r.None):
				t.Errorf("%s %q: results without highlight (%d marks) or status %q", lang, q.Q, r.Marks, r.Status)
			default:
				found++
			}
		}
		t.Logf("%s: %d queries as expected", lang, found)
		cancelT()
		cancel()
	}
}

// TestBrowserSearchFilters checks that the kind and regime filters narrow
// the results, that sorting by date reorders them, and that each lands in
// the URL.
func TestBrowserSearchFilters(t *testing.T) {
	ctx, base := siteTab(t)
	if err := load(ctx, base+"/zh/search/"); err != nil {
		t.Fatal(err)
	}
	all, err := typeQuery(ctx, "特种设备")
	if err != nil {
		t.Fatal(err)
	}
	if all.Count < 5 || all.URLs[0] != "zh/regimes/special-equipment/" {
		t.Fatalf("特种设备: %d results %q", all.Count, all.URLs)
	}
	change := func(id, value string) searchResult {
		t.Helper()
		js := fmt.Sprintf(`new Promise(function (res) {
			var f = document.getElementById("search-form"), s = document.getElementById(%q);
			f.addEventListener("qd-results", function () { res(true); }, {once: true});
			s.value = %q;
			s.dispatchEvent(new Event("change", {bubbles: true}));
		})`, id, value)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatalf("setting %s=%s: %v", id, value, err)
		}
		r, err := pageResults(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	items := change("kind", "item")
	if items.Count == 0 || items.Count >= all.Count || !strings.Contains(items.Address, "kind=item") {
		t.Errorf("kind=item: %d results at %s", items.Count, items.Address)
	}
	for i, u := range items.URLs {
		if !strings.Contains(u, "#item-") || items.Labels[i] != "责任事项" {
			t.Errorf("kind=item gave %s labelled %q", u, items.Labels[i])
		}
	}
	change("kind", "")
	reg := change("regime", "metrology")
	if reg.Count == 0 || reg.Count >= all.Count || !strings.Contains(reg.Address, "regime=metrology") {
		t.Errorf("regime=metrology: %d results %q at %s", reg.Count, reg.URLs, reg.Address)
	}
	change("regime", "")
	byDate := change("sort", "date")
	if byDate.Count < all.Count || !strings.Contains(byDate.Address, "sort=date") {
		t.Errorf("sort=date: %d results at %s", byDate.Count, byDate.Address)
	}
	// The regime's page has no date: first by relevance, not by date.
	if slices.Contains(byDate.URLs, all.URLs[0]) {
		t.Errorf("sorted by date, the undated %s still shows among the first %d: %q", all.URLs[0], len(byDate.URLs), byDate.URLs)
	}
	back := change("sort", "relevance")
	if !slices.Equal(back.URLs, all.URLs) || strings.Contains(back.Address, "sort=") {
		t.Errorf("back to relevance: %q at %s, want %q", back.URLs, back.Address, all.URLs)
	}
}

// TestBrowserSearchURL checks that ?q= with filters restores a search, that
// Enter commits a search to the history, and that Back brings the
// previous one back.
func TestBrowserSearchURL(t *testing.T) {
	ctx, base := siteTab(t)
	if err := load(ctx, base+"/en/search/?q=fireworks&kind=boundary"); err != nil {
		t.Fatal(err)
	}
	r, err := waitResults(ctx, "fireworks")
	if err != nil {
		t.Fatal(err)
	}
	if r.Count == 0 || r.URLs[0] != "en/linyi-qts/boundaries/2/" || slices.ContainsFunc(r.Labels, func(l string) bool { return l != "Boundary of duties" }) {
		t.Errorf("?q=fireworks&kind=boundary: %q labelled %q", r.URLs, r.Labels)
	}
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("q").value, document.getElementById("kind").value]`))
	if err != nil || !slices.Equal(v, []string{"fireworks", "boundary"}) {
		t.Errorf("the form shows %q (%v), want the search of the URL", v, err)
	}

	// Type a search and press Enter, as a reader does.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("kind").value = ""; document.getElementById("q").value = ""`),
		chromedp.SendKeys("#q", "recall"), chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	r, err = waitResults(ctx, "recall")
	if err != nil {
		t.Fatal(err)
	}
	if !inTop5(r, "en/linyi-qts/duties/3/#item-21", false) || !strings.Contains(r.Address, "q=recall") {
		t.Errorf("after typing recall and Enter: %q at %s", r.URLs, r.Address)
	}
	if err := chromedp.Do(ctx, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	r, err = waitResults(ctx, "fireworks")
	if err != nil {
		t.Fatalf("Back: %v", err)
	}
	if !strings.Contains(r.Address, "q=fireworks") || r.Count == 0 {
		t.Errorf("Back shows %d results at %s", r.Count, r.Address)
	}

	// A query with no result: the message and the suggestions.
	r, err = typeQuery(ctx, "blockchain")
	if err != nil {
		t.Fatal(err)
	}
	if r.Count != 0 || !r.None || !strings.Contains(r.Status, "blockchain") {
		t.Errorf("blockchain: %d results, suggestions shown %v, status %q", r.Count, r.None, r.Status)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#search-none a[href*='regimes/']").length`))
	if err != nil || links < 8 {
		t.Errorf("the suggestions link %d regime indexes (%v)", links, err)
	}
}

// TestBrowserSearchAccessibility runs axe-core on the search page of each
// language with results shown, and checks that the results can be reached
// with the keyboard.
func TestBrowserSearchAccessibility(t *testing.T) {
	tl := needTools(t)
	axeSrc, err := os.ReadFile(tl.axeJS)
	if err != nil {
		t.Fatal(err)
	}
	base := siteURL(t)
	for _, page := range []struct{ path, q string }{
		{"/zh/search/?q=" + url.QueryEscape("特种设备"), "特种设备"},
		{"/en/search/?q=special+equipment", "special equipment"},
		{"/en/search/?q=blockchain", "blockchain"},
		{"/en/search/?q=" + url.QueryEscape("特种设备"), "特种设备"}, // found through the Chinese edition
	} {
		ctx, cancel := newTab(t, tl)
		ctx, cancelT := context.WithTimeout(ctx, time.Minute)
		if err := load(ctx, base+page.path); err != nil {
			t.Fatal(err)
		}
		r, err := waitResults(ctx, page.q)
		if err != nil {
			t.Fatal(err)
		}
		if page.q != "blockchain" && (r.Count == 0 || r.Marks == 0) {
			t.Errorf("%s: %d results, %d marks", page.path, r.Count, r.Marks)
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(axeSrc))); err != nil {
			t.Fatal(err)
		}
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var res axeResult
		if err := json.Unmarshal([]byte(js), &res); err != nil {
			t.Fatal(err)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: axe-core: %s (%s): %s; %d element(s)", page.path, v.ID, v.Impact, v.Help, len(v.Nodes))
		}
		if page.q == "特种设备" {
			// Tab from the search field reaches the filters, then the results.
			focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
				document.getElementById("q").focus();
				return document.activeElement.id;
			})()`))
			if err != nil || focused != "q" {
				t.Errorf("the search field takes no focus: %q %v", focused, err)
			}
			// One Tab per form control after the field, then the first result.
			stops, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#search-form select, #search-form button").length + 1`))
			if err != nil {
				t.Fatal(err)
			}
			for range stops {
				if err := chromedp.Do(ctx, chromedp.KeyEvent("\t")); err != nil {
					t.Fatal(err)
				}
			}
			href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.closest("#search-results") ? document.activeElement.getAttribute("href") : ""`))
			if err != nil || href == "" {
				t.Errorf("%d Tabs from the search field (one per filter and the button, then one more) do not reach the first result (%v)", stops, err)
			}
			// "More results" brings the next ones and moves the focus to them.
			more, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(function (res) {
				var b = document.getElementById("search-more");
				if (!b) return res(false);
				var n = document.querySelectorAll("#search-results > li").length;
				b.click();
				setTimeout(function () {
					res(document.querySelectorAll("#search-results > li").length > n && document.activeElement.closest("#search-results") !== null);
				}, 500);
			})`, chromedp.EvalAwaitPromise))
			if err != nil || !more {
				t.Errorf("the more-results button does not add results and move the focus to them (%v)", err)
			}
		}
		cancelT()
		cancel()
	}
}

// TestBrowserSearchSplit builds a site of several departments, whose bundle
// is split into shards and chunks, and runs the query set on it: the
// expected entry of any department must be in the top 5, and a query must
// fetch parts of the index, not all of it.
func TestBrowserSearchSplit(t *testing.T) {
	tl := needTools(t)
	qs := querySet(t)
	out, public := benchSite(t, 6)
	var man struct {
		Zh struct {
			Base string `json:"base"`
		} `json:"zh"`
	}
	if err := json.Unmarshal(out.Files["search/manifest.json"], &man); err != nil || man.Zh.Base == "" {
		t.Fatalf("a site of 6 departments should have a split bundle: %s", out.Files["search/manifest.json"])
	}
	var mu = make(chan struct{}, 1)
	mu <- struct{}{}
	var fetched []string
	files := http.FileServer(http.Dir(public))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-mu
		fetched = append(fetched, r.URL.Path)
		mu <- struct{}{}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	checkQuerySet(t, tl, srv.URL, qs, true)

	ctx, cancel := newTab(t, tl)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	<-mu
	fetched = nil
	mu <- struct{}{}
	if err := load(ctx, srv.URL+"/zh/search/?q="+url.QueryEscape("烟花爆竹")); err != nil {
		t.Fatal(err)
	}
	if _, err := waitResults(ctx, "烟花爆竹"); err != nil {
		t.Fatal(err)
	}
	<-mu
	var parts []string
	for _, f := range fetched {
		if strings.HasPrefix(f, "/search/") {
			parts = append(parts, f)
		}
	}
	mu <- struct{}{}
	shards, chunks := 0, 0
	for _, p := range parts {
		switch {
		case strings.Contains(p, "/s/"):
			shards++
		case strings.Contains(p, "/c/"):
			chunks++
		}
	}
	if shards == 0 || shards > 3 || chunks == 0 || chunks > 10 || len(parts) > 1+3+10 {
		t.Errorf("烟花爆竹 fetched %d shards and %d chunks: %q", shards, chunks, parts)
	}
}
