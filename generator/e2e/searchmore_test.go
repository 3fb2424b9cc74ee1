//go:build browser

package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qingdan/generator/benchsite"
	"qingdan/generator/site"
)

// TestBrowserSearchYear: on a site whose records are all of one year the
// search page has no year filter (and ignores ?year=); on a site of two
// years the filter narrows the results to a year and is kept in the URL.
func TestBrowserSearchYear(t *testing.T) {
	ctx, base := siteTab(t)
	q := url.QueryEscape("特种设备")
	if err := load(ctx, base+"/zh/search/?q="+q); err != nil {
		t.Fatal(err)
	}
	all, err := waitResults(ctx, "特种设备")
	if err != nil {
		t.Fatal(err)
	}
	if err := load(ctx, base+"/zh/search/?q="+q+"&year=2014"); err != nil {
		t.Fatal(err)
	}
	r, err := waitResults(ctx, "特种设备")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#year").length`)); n != 0 || total(r) != total(all) || total(all) == 0 {
		t.Errorf("a site of one year: %d year filters, ?year=2014 gives %d results of %d", n, total(r), total(all))
	}

	// Two departments, dated 2015 and 2014.
	tl := needTools(t)
	_, public := benchSite(t, 2)
	srv := httptest.NewServer(http.FileServer(http.Dir(public)))
	defer srv.Close()
	ctx, cancel := newTab(t, tl)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	if err := load(ctx, srv.URL+"/zh/search/?q="+q); err != nil {
		t.Fatal(err)
	}
	if all, err = waitResults(ctx, "特种设备"); err != nil {
		t.Fatal(err)
	}
	years, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.prototype.map.call(document.querySelectorAll("#year option"), function (o) { return o.value; })`))
	if strings.Join(years, ",") != ",2015,2014" {
		t.Errorf("a site of 2014 and 2015: year options %q", years)
	}
	if err := load(ctx, srv.URL+"/zh/search/?q="+q+"&year=2014"); err != nil {
		t.Fatal(err)
	}
	if r, err = waitResults(ctx, "特种设备"); err != nil {
		t.Fatal(err)
	}
	v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("year").value`))
	if n, of := total(r), total(all); n == 0 || n >= of || v != "2014" || !strings.Contains(r.Address, "year=2014") {
		t.Errorf("year=2014: %d results of %d, the filter shows %q, at %s", n, of, v, r.Address)
	}
}

// TestBrowserSearchHeader: on the search page the header's search field
// shows the query, from the address and as it is typed.
func TestBrowserSearchHeader(t *testing.T) {
	ctx, base := siteTab(t)
	if err := load(ctx, base+"/en/search/?q=recall"); err != nil {
		t.Fatal(err)
	}
	if _, err := waitResults(ctx, "recall"); err != nil {
		t.Fatal(err)
	}
	header := func() string {
		v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("site-q").value`))
		return v
	}
	if v := header(); v != "recall" {
		t.Errorf("the header's field shows %q on /en/search/?q=recall", v)
	}
	if _, err := typeQuery(ctx, "fireworks"); err != nil {
		t.Fatal(err)
	}
	if v := header(); v != "fireworks" {
		t.Errorf("after typing fireworks, the header's field shows %q", v)
	}
}

// TestBrowserSearchOtherLanguage: a Chinese query on the English page
// lists the English pages of the records the Chinese edition finds, their
// Chinese words marked as Chinese, each saying it was found through the
// query.
func TestBrowserSearchOtherLanguage(t *testing.T) {
	ctx, base := siteTab(t)
	r, err := typeQueryOn(ctx, base+"/en/search/", "特种设备")
	if err != nil {
		t.Fatal(err)
	}
	if r.Count == 0 || r.URLs[0] != "en/regimes/special-equipment/" {
		t.Fatalf("特种设备 on the English page: %q", r.URLs)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function () {
		var li = document.querySelector("#search-results > li"), via = li.querySelector(".via");
		return [li.querySelector("a").lang, via ? via.textContent : "", via && via.querySelector("span") ? via.querySelector("span").lang : ""];
	})()`))
	if err != nil || len(got) != 3 || got[0] != "zh-CN" || got[1] != "Found via the Chinese “特种设备”" || got[2] != "zh-CN" {
		t.Errorf("the first result: title lang, label, label's Chinese lang = %q (%v)", got, err)
	}
}

// benchSite builds a generated site of n departments (benchsite) and
// writes it to a temporary folder: its output and that folder.
func benchSite(t *testing.T, n int) (*site.Output, string) {
	t.Helper()
	dir := t.TempDir()
	if err := benchsite.Write("../../content", filepath.Join(dir, "content"), n); err != nil {
		t.Fatal(err)
	}
	out, err := site.Build(os.DirFS(filepath.Join(dir, "content")), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(dir, "public")
	if err := site.Write(out, public); err != nil {
		t.Fatal(err)
	}
	return out, public
}

// total is the number of results the status line gives.
func total(r searchResult) int {
	n, _ := strconv.Atoi(regexp.MustCompile(`\d+`).FindString(r.Status))
	return n
}

// typeQueryOn loads a search page and types q.
func typeQueryOn(ctx context.Context, page, q string) (searchResult, error) {
	if err := load(ctx, page); err != nil {
		return searchResult{}, err
	}
	return typeQuery(ctx, q)
}
