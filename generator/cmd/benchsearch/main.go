// Command benchsearch compares the site's search with Pagefind, in headless
// Chromium, on this site and on a generated site of many departments:
//
//	benchsearch [-tools .tools] [-n 100] [-queries generator/e2e/testdata/queries.json]
//
// For each site it builds public/ from the content, runs Pagefind (the npm
// package pagefind, installed in -tools by `make bench-search`) over the
// same public/, serves it on 127.0.0.1 with gzip where a host would use it
// (HTML, CSS, JavaScript, JSON and other text not already compressed), and
// runs the query set with each engine. For every query it opens a fresh tab
// in a new browser context (an empty cache), types the query and measures
// what the server sends for the search — response bodies as transferred,
// script included; the page itself, the same for both, is not counted —,
// the number of requests, the time from the keystroke to the results on
// screen, and whether the expected result is in the top 5. Pagefind is
// used through its JavaScript API, the lightest way to use it: search, then
// the data of the first five results (its default UI loads more). It then runs the whole set again in one tab, once the
// index is loaded, for the time from keystroke to results. It prints a
// table, and the targets met or not.
//
// On the generated site an expected result counts in any department: the
// departments are copies, so the same item of another city is as good.
// Pagefind indexes pages, not the items inside them, so for Pagefind a
// result counts when its page is the expected one; the site's search must
// match the anchor too.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"qingdan/generator/benchsite"
	qdsite "qingdan/generator/site"
)

type query struct {
	Lang   string `json:"lang"`
	Q      string `json:"q"`
	Expect string `json:"expect"`
}

// run is what one query cost and found.
type run struct {
	Bytes    int
	Requests int
	MS       float64
	URLs     []string
	Count    int
	Found    bool
	Page     bool // the expected page (anchor ignored) is in the top 5
}

// engine is a search to measure: its page for a language, and the script
// that types a query there and resolves to the result.
type engine struct {
	name   string
	page   func(lang string) string
	prefix []string // URL paths whose requests count
}

// typeJS types the query into the site's search page and waits for the
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

// pagefindPage is the page that runs Pagefind's own API the way its UI
// does: search, then the data of the first five results.
const pagefindPage = `<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><input id="q" type="search"><ol id="r"></ol>
<script type="module">
let pf;
window.qdSearch = async function (q) {
	const t0 = performance.now();
	if (!pf) { pf = await import("./pagefind/pagefind.js"); await pf.options({}); }
	const s = await pf.search(q);
	const data = await Promise.all(s.results.slice(0, 5).map((r) => r.data()));
	const ol = document.getElementById("r");
	ol.textContent = "";
	for (const d of data) {
		const li = document.createElement("li");
		li.innerHTML = '<a href="' + d.url + '">' + d.meta.title + "</a><p>" + d.excerpt + "</p>";
		ol.append(li);
	}
	return {ms: performance.now() - t0, urls: data.map((d) => d.url.replace(/^\//, "")), count: s.results.length};
};
</script></body></html>
`

const pagefindJS = `(function () { var Q = %q; return window.qdSearch(Q); })()`

func main() {
	tools := flag.String("tools", ".tools", "folder with node_modules/ (pagefind)")
	n := flag.Int("n", 100, "departments of the generated site")
	queries := flag.String("queries", "generator/e2e/testdata/queries.json", "the query set")
	content := flag.String("content", "content", "content folder")
	layouts := flag.String("layouts", "layouts", "layouts folder")
	keep := flag.Bool("keep", false, "keep the built sites (their folder is printed)")
	flag.Parse()
	if err := bench(*tools, *content, *layouts, *queries, *n, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "benchsearch:", err)
		os.Exit(1)
	}
}

type site struct {
	name  string
	dir   string // public/
	url   string
	depts int
	meter *meter
}

func bench(tools, content, layouts, queriesFile string, n int, keep bool) error {
	var qs []query
	b, err := os.ReadFile(queriesFile)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, &qs); err != nil {
		return fmt.Errorf("%s: %w", queriesFile, err)
	}
	pagefind, err := findPagefind(tools)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "qingdan-bench-search-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("sites in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	sites := []*site{{name: "this site", depts: 1}, {name: fmt.Sprintf("%d departments", n), depts: n}}
	for i, s := range sites {
		src := content
		if s.depts > 1 {
			src = filepath.Join(tmp, fmt.Sprintf("content-%d", s.depts))
			if err := benchsite.Write(content, src, s.depts); err != nil {
				return err
			}
		}
		start := time.Now()
		out, err := qdsite.Build(os.DirFS(src), os.DirFS(layouts))
		if err != nil {
			return fmt.Errorf("building %s: %w", s.name, err)
		}
		s.dir = filepath.Join(tmp, fmt.Sprintf("public-%d", i))
		if err := qdsite.Write(out, s.dir); err != nil {
			return err
		}
		built := time.Since(start)
		start = time.Now()
		cmd := exec.Command(pagefind, "--site", s.dir)
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pagefind on %s: %v\n%s", s.name, err, msg)
		}
		for _, l := range []string{"zh-CN", "en"} {
			page := fmt.Sprintf(pagefindPage, l)
			if err := os.WriteFile(filepath.Join(s.dir, "pagefind-"+l[:2]+".html"), []byte(page), 0o644); err != nil {
				return err
			}
		}
		ours, _ := dirSize(filepath.Join(s.dir, "search"))
		theirs, _ := dirSize(filepath.Join(s.dir, "pagefind"))
		fmt.Printf("%s: %d files built in %s; Pagefind indexed it in %s. Index on disk: ours %s, Pagefind %s\n",
			s.name, len(out.Files), built.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), kb(ours), kb(theirs))
		s.meter = &meter{}
		srv := httptest.NewServer(metered(s.meter, gzipFiles(s.dir)))
		defer srv.Close()
		s.url = srv.URL
	}

	ctx, cancel, err := startBrowser(tmp)
	if err != nil {
		return err
	}
	defer cancel()

	engines := []engine{
		{name: "Qingdan", page: func(l string) string { return "/" + l + "/search/" }, prefix: []string{"/assets/search.js", "/search/"}},
		{name: "Pagefind", page: func(l string) string { return "/pagefind-" + l + ".html" }, prefix: []string{"/pagefind/"}},
	}
	type key struct{ site, engine int }
	cold := map[key][]run{}
	warm := map[key][]float64{}
	for si, s := range sites {
		for ei, e := range engines {
			for _, q := range qs {
				r, err := coldRun(ctx, s, e, q)
				if err != nil {
					return fmt.Errorf("%s, %s, %q: %w", s.name, e.name, q.Q, err)
				}
				judge(&r, q, s.depts > 1)
				cold[key{si, ei}] = append(cold[key{si, ei}], r)
			}
			for _, l := range []string{"zh", "en"} {
				ms, err := warmRuns(ctx, s, e, l, qs)
				if err != nil {
					return fmt.Errorf("%s, %s, warm %s: %w", s.name, e.name, l, err)
				}
				warm[key{si, ei}] = append(warm[key{si, ei}], ms...)
			}
		}
	}

	// The table.
	fmt.Println()
	fmt.Printf("First query in a fresh tab, %d queries (%d zh, %d en); KB of response bodies as transferred (gzip), script included.\n",
		len(qs), count(qs, "zh"), count(qs, "en"))
	tw := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "site\tengine\tKB median\tKB max\trequests\tfirst ms median\tthen ms median\tthen ms max\ttop-5 exact\ttop-5 page\t")
	for si, s := range sites {
		for ei, e := range engines {
			rs := cold[key{si, ei}]
			var by, req, ms []float64
			exact, page := 0, 0
			for _, r := range rs {
				by = append(by, float64(r.Bytes))
				req = append(req, float64(r.Requests))
				ms = append(ms, r.MS)
				if r.Found {
					exact++
				}
				if r.Page {
					page++
				}
			}
			w := warm[key{si, ei}]
			fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.1f\t%s\t%.0f\t%.1f\t%.1f\t%d/%d\t%d/%d\t\n", s.name, e.name,
				median(by)/1024, slices.Max(by)/1024, minMax(req), median(ms), median(w), slices.Max(w), exact, len(rs), page, len(rs))
		}
	}
	tw.Flush()

	// Per query, for the record.
	fmt.Println()
	tw = tabwriter.NewWriter(os.Stdout, 2, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "query\tlang\t"+strings.Join(columnNames(sites, engines), "\t")+"\t")
	for qi, q := range qs {
		row := []string{fmt.Sprintf("%q", q.Q), q.Lang}
		for si := range sites {
			for ei := range engines {
				r := cold[key{si, ei}][qi]
				mark := "miss"
				if r.Found {
					mark = "hit"
				} else if r.Page {
					mark = "page"
				}
				row = append(row, fmt.Sprintf("%.1fKB/%d %s", float64(r.Bytes)/1024, r.Requests, mark))
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()

	// The targets.
	fmt.Println()
	target := func(ok bool, what string, args ...any) {
		m := "met    "
		if !ok {
			m = "NOT met"
		}
		fmt.Printf("%s  %s\n", m, fmt.Sprintf(what, args...))
	}
	worst := func(si int) (float64, float64) {
		var ratios []float64
		for qi := range qs {
			ratios = append(ratios, float64(cold[key{si, 0}][qi].Bytes)/float64(cold[key{si, 1}][qi].Bytes))
		}
		return median(ratios), slices.Max(ratios)
	}
	med, mx := worst(0)
	target(med <= 0.25, "first query on this site at most 1/4 of Pagefind's bytes, query by query: median ours/Pagefind %.2f", med)
	target(mx <= 0.25, "  … and for every query: worst %.2f", mx)
	maxReq := 0
	for _, r := range cold[key{0, 0}] {
		maxReq = max(maxReq, r.Requests)
	}
	target(maxReq <= 3, "first query on this site in at most 3 requests: at most %d", maxReq)
	med, mx = worst(1)
	target(med <= 0.5, "first query on the %s site at most 1/2 of Pagefind's bytes, query by query: median %.2f", sites[1].name, med)
	target(mx <= 0.5, "  … and for every query: worst %.2f", mx)
	for si, s := range sites {
		ours, theirs := 0, 0
		for _, r := range cold[key{si, 0}] {
			if r.Found {
				ours++
			}
		}
		for _, r := range cold[key{si, 1}] {
			if r.Page {
				theirs++
			}
		}
		target(ours == len(qs) && ours > theirs, "%s: every query finds its result in the top 5, more than Pagefind: %d/%d (anchor included) against Pagefind's %d/%d (page only)", s.name, ours, len(qs), theirs, len(qs))
	}
	w := warm[key{0, 0}]
	target(slices.Max(w) <= 50, "results within 50 ms of the keystroke on this site once loaded: median %.1f ms, worst %.1f ms", median(w), slices.Max(w))
	return nil
}

func columnNames(sites []*site, engines []engine) []string {
	var out []string
	for _, s := range sites {
		for _, e := range engines {
			out = append(out, s.name+" "+e.name)
		}
	}
	return out
}

func count(qs []query, lang string) int {
	n := 0
	for _, q := range qs {
		if q.Lang == lang {
			n++
		}
	}
	return n
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

// warmRuns loads the engine's page once, runs the first query of lang to
// load the index, then times every query of lang.
func warmRuns(parent context.Context, s *site, e engine, lang string, qs []query) ([]float64, error) {
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url+e.page(lang))); err != nil {
		return nil, err
	}
	var ms []float64
	first := true
	for _, q := range qs {
		if q.Lang != lang {
			continue
		}
		if first {
			if _, err := search(ctx, e, q.Q); err != nil {
				return nil, err
			}
			first = false
		}
		r, err := search(ctx, e, q.Q)
		if err != nil {
			return nil, err
		}
		ms = append(ms, r.MS)
	}
	return ms, nil
}

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

// findPagefind finds the Pagefind binary that the npm package installed,
// the extended one (with Chinese segmentation) where there is one.
func findPagefind(tools string) (string, error) {
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		ms, _ := filepath.Glob(filepath.Join(tools, "node_modules", "@pagefind", "*", "bin", name))
		for _, m := range ms {
			if fi, err := os.Stat(m); err == nil && fi.Mode()&0o111 != 0 {
				return m, nil
			}
		}
	}
	return "", fmt.Errorf("no Pagefind binary under %s/node_modules/@pagefind: run `make bench-search`, which installs the npm package pagefind", tools)
}

// meter counts what a server sent: requests and body bytes by path.
type meter struct {
	mu    sync.Mutex
	reqs  []string
	bytes []int
}

func (m *meter) reset() {
	m.mu.Lock()
	m.reqs, m.bytes = nil, nil
	m.mu.Unlock()
}

func (m *meter) add(p string, n int) {
	m.mu.Lock()
	m.reqs = append(m.reqs, p)
	m.bytes = append(m.bytes, n)
	m.mu.Unlock()
}

// sum adds up the requests for paths with one of the prefixes.
func (m *meter) sum(prefixes []string) (requests, bytes int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, p := range m.reqs {
		if slices.ContainsFunc(prefixes, func(pre string) bool { return strings.HasPrefix(p, pre) }) {
			requests++
			bytes += m.bytes[i]
		}
	}
	return requests, bytes
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// metered counts the body bytes h sends for each request, headers aside
// (they are about the same for every request of either engine).
func metered(m *meter, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		m.add(r.URL.Path, cw.n)
	})
}

// gzipFiles serves dir as a static host would: text compressed with gzip
// for clients that accept it, unless it already is.
func gzipFiles(dir string) http.Handler {
	var mu sync.Mutex
	cache := map[string][]byte{}
	text := map[string]bool{".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".svg": true, ".txt": true, ".xml": true, ".wasm": true}
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		f := filepath.Join(dir, filepath.FromSlash(p))
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				files.ServeHTTP(w, r)
				return
			}
			f = filepath.Join(f, "index.html")
		}
		ext := filepath.Ext(f)
		if !text[ext] || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		z, ok := cache[f]
		mu.Unlock()
		if !ok {
			b, err := os.ReadFile(f)
			if err != nil {
				files.ServeHTTP(w, r)
				return
			}
			if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) { // already gzip
				files.ServeHTTP(w, r)
				return
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
			zw.Write(b)
			zw.Close()
			z = buf.Bytes()
			mu.Lock()
			cache[f] = z
			mu.Unlock()
		}
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		io.Copy(w, bytes.NewReader(z))
	})
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

func kb(n int64) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KB", float64(n)/1024)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func minMax(xs []float64) string {
	lo, hi := slices.Min(xs), slices.Max(xs)
	if lo == hi {
		return fmt.Sprintf("%.0f", lo)
	}
	return fmt.Sprintf("%.0f–%.0f", lo, hi)
}
