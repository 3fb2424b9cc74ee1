package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// engine is a search to measure: its page for a language, and the script
// that types a query there and resolves to the result.
type engine struct {
	name   string
	page   func(lang string) string
	prefix []string // URL paths whose requests count
}

// oursJS types the query into the site's search page and waits for the
// results it announces.
const oursJS = `new Promise(function (res, rej) {
	var f = document.getElementById("search-form"), q = document.getElementById("q"), Q = %q, t0 = performance.now();
	var timer = setTimeout(function () { rej(new Error("no results after 30 s")); }, 30000);
	function done(e) {
		if (e.detail.q !== Q.trim()) return;
		f.removeEventListener("qd-results", done);
		clearTimeout(timer);
		var ms = performance.now() - t0;
		var urls = Array.prototype.slice.call(document.querySelectorAll("#search-results > li > a"), 0, 5).map(function (a) { var u = new URL(a.href); return u.pathname.slice(1) + u.hash; });
		res({ms: ms, urls: urls, count: e.detail.count});
	}
	f.addEventListener("qd-results", done);
	q.value = Q;
	q.dispatchEvent(new Event("input", {bubbles: true}));
})`

// engines are the searches compared: the site's own, then Pagefind.
var engines = []engine{
	{name: "Qingdan", page: func(l string) string { return "/" + l + "/search/" }, prefix: []string{"/assets/search.", "/assets/search-parts.", "/search/"}},
	{name: "Pagefind", page: func(l string) string { return "/pagefind-" + l + ".html" }, prefix: []string{"/pagefind/"}},
}

// key names a site and an engine by their indexes in sites and engines.
type key struct{ site, engine int }

// results are what the runs measured, by site and engine.
type results struct {
	cold map[key][]run     // the first query in a fresh tab, one per query
	warm map[key][]float64 // ms once the index is loaded, zh queries then en
}

// measure runs the query set on each site with each engine: every query
// in a fresh tab, then the whole set again in one tab per language.
func measure(ctx context.Context, sites []*site, qs []query) (results, error) {
	res := results{cold: map[key][]run{}, warm: map[key][]float64{}}
	for si, s := range sites {
		for ei, e := range engines {
			cold, err := coldRuns(ctx, s, e, qs)
			if err != nil {
				return results{}, err
			}
			res.cold[key{si, ei}] = cold
			warm, err := warmRunsByLang(ctx, s, e, qs)
			if err != nil {
				return results{}, err
			}
			res.warm[key{si, ei}] = warm
		}
	}
	return res, nil
}

// coldRuns runs each query in a fresh tab and judges what it found.
func coldRuns(ctx context.Context, s *site, e engine, qs []query) ([]run, error) {
	var rs []run
	for _, q := range qs {
		r, err := coldRun(ctx, s, e, q)
		if err != nil {
			return nil, fmt.Errorf("%s, %s, %q: %w", s.name, e.name, q.Q, err)
		}
		judge(&r, q, s.depts > 1)
		rs = append(rs, r)
	}
	return rs, nil
}

// warmRunsByLang times the queries once the index is loaded, the zh ones
// then the en ones.
func warmRunsByLang(ctx context.Context, s *site, e engine, qs []query) ([]float64, error) {
	var all []float64
	for _, l := range []string{"zh", "en"} {
		ms, err := warmRuns(ctx, s, e, l, qs)
		if err != nil {
			return nil, fmt.Errorf("%s, %s, warm %s: %w", s.name, e.name, l, err)
		}
		all = append(all, ms...)
	}
	return all, nil
}

// judge says whether the run found the query's expected result.
func judge(r *run, q query, anyDept bool) {
	if q.Expect == "" {
		r.Found = r.Count == 0
		r.Page = r.Found
		return
	}
	want := regexp.QuoteMeta(q.Expect)
	if anyDept {
		want = regexp.MustCompile(`^(zh|en)/[a-z]+-qts/`).ReplaceAllString(want, `$1/[a-z]+-qts/`)
	}
	exact := regexp.MustCompile("^" + want + "$")
	page, _, _ := strings.Cut(want, "#")
	pageRE := regexp.MustCompile("^" + page + "(#.*)?$")
	for _, u := range r.URLs[:min(5, len(r.URLs))] {
		if exact.MatchString(u) {
			r.Found = true
		}
		if pageRE.MatchString(u) {
			r.Page = true
		}
	}
}

// coldRun opens a fresh tab in a new browser context (an empty cache) and
// runs one query. The server counts what it sends for the engine's files,
// whoever asks for them (Pagefind fetches from a worker).
func coldRun(parent context.Context, s *site, e engine, q query) (run, error) {
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, time.Minute)
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		return run{}, err
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return run{}, err
	}
	s.meter.reset()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+e.page(q.Lang))); err != nil {
		return run{}, err
	}
	r, err := search(ctx, e, q.Q)
	if err != nil {
		return run{}, err
	}
	time.Sleep(100 * time.Millisecond) // requests still in flight
	r.Requests, r.Bytes = s.meter.sum(e.prefix)
	return r, nil
}

func search(ctx context.Context, e engine, q string) (run, error) {
	js := fmt.Sprintf(oursJS, q)
	if e.name == "Pagefind" {
		js = fmt.Sprintf(pagefindJS, q)
	} else if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("search-nojs").hidden`)); err != nil {
		return run{}, err
	}
	var res struct {
		MS    float64  `json:"ms"`
		URLs  []string `json:"urls"`
		Count int      `json:"count"`
	}
	if err := chromedp.Do(ctx, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		b, err := chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise)(ctx, t)
		if err != nil {
			return chromedp.Void{}, err
		}
		return chromedp.Void{}, json.Unmarshal(b, &res)
	}); err != nil {
		return run{}, err
	}
	return run{MS: res.MS, URLs: res.URLs, Count: res.Count}, nil
}

// warmRuns loads the engine's page once, runs the first query of lang in
// each script (with Han characters or without) to load the index — a query
// in the other language's script loads the other edition's — then times
// every query of lang.
func warmRuns(parent context.Context, s *site, e engine, lang string, qs []query) ([]float64, error) {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+e.page(lang))); err != nil {
		return nil, err
	}
	var ms []float64
	warm := map[bool]bool{}
	for _, q := range qs {
		if q.Lang != lang {
			continue
		}
		if han := hanRE.MatchString(q.Q); !warm[han] {
			if _, err := search(ctx, e, q.Q); err != nil {
				return nil, err
			}
			warm[han] = true
		}
		r, err := search(ctx, e, q.Q)
		if err != nil {
			return nil, err
		}
		ms = append(ms, r.MS)
	}
	return ms, nil
}

var hanRE = regexp.MustCompile(`\p{Han}`)

func startBrowser(tmp string) (context.Context, context.CancelFunc, error) {
	exe := "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			return nil, nil, errors.New("no chromium: `make tools` installs Debian's chromium")
		}
		exe = p
	}
	profile := filepath.Join(tmp, "chromium-profile")
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	alloc, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelB()
		cancelA()
		return nil, nil, fmt.Errorf("starting %s: %w", exe, err)
	}
	return ctx, func() { cancelB(); cancelA() }, nil
}
