//go:build browser

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"qingdan/generator/deploy"
	"qingdan/generator/site"
)

// hostedSite builds the site for the address nginx serves it at
// (deploy.BuildFor) and serves it with the shipped configuration conf on
// 127.0.0.1, until the test ends. It returns the site's URL (with a
// trailing slash) and its folder.
func hostedSite(t *testing.T, conf string) (string, string) {
	t.Helper()
	port, err := deploy.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	u := deploy.SiteURL(conf, port)
	dir, err := os.MkdirTemp("", "qingdan-e2e-nginx-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	public := filepath.Join(dir, "public")
	if err := deploy.BuildFor("../../content", "../../layouts", u, public); err != nil {
		t.Fatal(err)
	}
	n, err := deploy.StartNginx(conf, public, port)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := n.Stop(); err != nil {
			t.Errorf("stopping nginx: %v", err)
		}
	})
	return n.URL, public
}

// hashedName matches the content-hashed files the host may keep for a year.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js|json)$|/search/[a-z]+\.[0-9a-f]{10}/`)

const longCache = "public, max-age=31536000, immutable"

// TestNginx serves the site with each shipped nginx configuration, at the
// root and under a sub-path, and checks what a host must do: every text
// file goes out as its .br or .gz twin when the browser accepts it (the
// same bytes), content-hashed files are cached for a year and the rest
// revalidated, every answer carries the Content-Security-Policy; the pages
// of every kind load in Chromium with no console error or policy
// violation; and a missing page at any depth answers 404 with the 404
// page, styled, every link of it leading somewhere.
func TestNginx(t *testing.T) {
	tl := needTools(t)
	for _, conf := range []string{deploy.RootConf, deploy.SubPathConf} {
		t.Run(conf, func(t *testing.T) {
			base, public := hostedSite(t, conf)
			t.Run("files", func(t *testing.T) { checkFiles(t, base, public) })
			ctx, cancel := newTab(t, tl)
			defer cancel()
			t.Run("pages", func(t *testing.T) { checkPagesLoad(t, ctx, base) })
			t.Run("404", func(t *testing.T) { checkNotFound(t, ctx, base) })
			if conf == deploy.SubPathConf {
				t.Run("redirect", func(t *testing.T) { checkFolderRedirect(t, base) })
			}
		})
	}
}

// checkFiles fetches every file of the site in public as a browser that
// accepts Brotli, one that accepts gzip and one that accepts neither.
func checkFiles(t *testing.T, base, public string) {
	var files []string
	filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".gz") && !strings.HasSuffix(p, ".br") && d.Name() != site.Marker {
			rel, _ := filepath.Rel(public, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	var csp string
	for _, f := range files {
		plain, _ := os.ReadFile(filepath.Join(public, f))
		for _, enc := range []string{"br", "gzip", ""} {
			want, wantEnc := plain, ""
			if site.Compressible(f) && enc != "" {
				wantEnc = enc
				want, _ = os.ReadFile(filepath.Join(public, f+map[string]string{"br": ".br", "gzip": ".gz"}[enc]))
			}
			resp, body, err := get(base+f, enc)
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			h := resp.Header
			if resp.StatusCode != 200 || h.Get("Content-Encoding") != wantEnc || !bytes.Equal(body, want) {
				t.Errorf("%s accepting %q: %s, Content-Encoding %q, %d bytes; want 200, %q and the %d bytes of the file or its twin",
					f, enc, resp.Status, h.Get("Content-Encoding"), len(body), wantEnc, len(want))
			}
			wantCache := "no-cache"
			if hashedName.MatchString("/" + f) {
				wantCache = longCache
			}
			if got := h.Get("Cache-Control"); got != wantCache {
				t.Errorf("%s: Cache-Control %q, want %q", f, got, wantCache)
			}
			if csp == "" {
				csp = h.Get("Content-Security-Policy")
			}
			if got := h.Get("Content-Security-Policy"); got != csp || csp == "" || strings.Contains(csp, "unsafe") || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("%s: Content-Security-Policy %q, X-Content-Type-Options %q; want the same policy, without unsafe-*, on every answer, and nosniff", f, got, h.Get("X-Content-Type-Options"))
			}
		}
	}
	if n := len(files); n < 100 {
		t.Errorf("fetched %d files; the site has more", n)
	}
	t.Logf("%d files, each as Brotli, gzip and plain; policy %s", len(files), csp)
}

// checkFolderRedirect asks for the site's folder without its slash
// (/qingdan): a 301 to /qingdan/, relative, so that a host behind a TLS
// front does not send readers to its own http address and port, with no
// nginx version and with nosniff.
func checkFolderRedirect(t *testing.T, base string) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(strings.TrimSuffix(base, "/"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	h := resp.Header
	if resp.StatusCode != 301 || h.Get("Location") != deploy.SubPath || h.Get("Server") != "nginx" || h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: %s, Location %q, Server %q, X-Content-Type-Options %q; want 301 to %q, nginx without version, nosniff",
			strings.TrimSuffix(base, "/"), resp.Status, h.Get("Location"), h.Get("Server"), h.Get("X-Content-Type-Options"), deploy.SubPath)
	}
}

// get fetches u accepting the encoding enc ("" for none) and returns the
// answer and its body as sent.
func get(u, enc string) (*http.Response, []byte, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, nil, err
	}
	if enc == "" {
		enc = "identity"
	}
	req.Header.Set("Accept-Encoding", enc) // set by hand: the client decodes nothing
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// consoleLog gathers the console errors, uncaught exceptions, failed loads
// and Content-Security-Policy violations of the pages a tab loads.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

// reportViolations has every page record the policy violations it meets.
const reportViolations = `document.addEventListener("securitypolicyviolation", function (e) {
	console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`

// listenConsole starts gathering ctx's console into a consoleLog.
func listenConsole(t *testing.T, ctx context.Context) *consoleLog {
	t.Helper()
	c := &consoleLog{}
	add := func(s string) { c.mu.Lock(); c.msgs = append(c.msgs, s); c.mu.Unlock() }
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				add(string(e.Type) + ": " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			if d.Exception != nil {
				d.Text += " " + d.Exception.Description
			}
			add(fmt.Sprintf("exception: %s at %s:%d", d.Text, d.URL, d.LineNumber))
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				add(fmt.Sprintf("%s %s: %s (%s)", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: reportViolations})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	return c
}

// take returns the messages gathered since the last call, less those
// that keep matches.
func (c *consoleLog) take(skip func(string) bool) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, m := range c.msgs {
		if skip == nil || !skip(m) {
			out = append(out, m)
		}
	}
	c.msgs = nil
	return out
}

// checkPagesLoad loads a page of each kind, and the search pages with a
// query, and fails on any console message of theirs.
func checkPagesLoad(t *testing.T, tab context.Context, base string) {
	cons := listenConsole(t, tab)
	for _, p := range append(pageKinds(t), shotPages...) {
		ctx, cancel := context.WithTimeout(tab, 30*time.Second)
		status, err := navigate(ctx, base+strings.TrimPrefix(p, "/"))
		if err == nil && status == 200 {
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](toolsReady, chromedp.EvalAwaitPromise))
		}
		if err == nil && strings.Contains(p, "?q=") {
			_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](searchDone, chromedp.EvalAwaitPromise))
		}
		cancel()
		if err != nil || status != 200 {
			t.Errorf("%s: status %d, %v", p, status, err)
			continue
		}
		for _, m := range cons.take(nil) {
			t.Errorf("%s: %s", p, m)
		}
	}
}

// searchDone waits until the search page shows its results.
const searchDone = `new Promise(function (res, rej) {
	var tries = 0;
	(function poll() {
		if (document.getElementById("search-results").hasAttribute("data-q")) return res(true);
		if (++tries > 200) return rej(new Error("no results after 10 s"));
		setTimeout(poll, 50);
	})();
})`

// navigate loads u in the tab and returns the HTTP status of the page.
func navigate(ctx context.Context, u string) (int64, error) {
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		return 0, err
	}
	if resp == nil {
		return 0, fmt.Errorf("no response")
	}
	return resp.Status, nil
}

// notFoundJS is the 404 page as a reader gets it: whether each of its
// stylesheets loaded, its heading, and the addresses of its links and
// its stylesheets and scripts.
const notFoundJS = `(function () {
	var sheets = Array.from(document.styleSheets);
	return {
		sheets: sheets.length,
		styled: sheets.every(function (s) { try { return s.cssRules.length > 0; } catch (e) { return false; } }),
		h1: (document.querySelector("h1") || {}).textContent || "",
		links: Array.from(document.querySelectorAll("a[href]")).map(function (a) { return a.href; }),
		assets: Array.from(document.querySelectorAll("link[href], script[src]")).map(function (e) { return e.href || e.src; })
	};
})()`

type notFoundPage struct {
	Sheets int      `json:"sheets"`
	Styled bool     `json:"styled"`
	H1     string   `json:"h1"`
	Links  []string `json:"links"`
	Assets []string `json:"assets"`
}

// notFoundPaths are missing pages at several depths, and folders of the
// site without a page (nginx would answer those 403, bare).
var notFoundPaths = []string{"missing", "zh/missing/", "zh/a/b/c/missing", "en/linyi-qts/duties/99/", "en/laws/none/x/y/z.html", "data/", "assets/"}

// checkNotFound asks for missing pages at several depths: each answers
// 404 with the 404 page, which Chromium shows styled, with no console
// error but the 404 itself, and whose links and assets all resolve.
func checkNotFound(t *testing.T, tab context.Context, base string) {
	cons := listenConsole(t, tab)
	_, want, err := get(base+"404.html", "")
	if err != nil || len(want) == 0 {
		t.Fatalf("404.html: %v", err)
	}
	for _, p := range notFoundPaths {
		resp, body, err := get(base+p, "")
		if err != nil || resp.StatusCode != 404 || !bytes.Equal(body, want) {
			t.Errorf("%s: %v %v; want 404 and the 404 page", p, statusOf(resp), err)
			continue
		}
		ctx, cancel := context.WithTimeout(tab, 30*time.Second)
		status, err := navigate(ctx, base+p)
		var nf notFoundPage
		if err == nil {
			nf, err = chromedp.Run(ctx, chromedp.Evaluate[notFoundPage](notFoundJS))
		}
		cancel()
		if err != nil || status != 404 {
			t.Errorf("%s in Chromium: status %d, %v", p, status, err)
			continue
		}
		if nf.Sheets == 0 || !nf.Styled || nf.H1 == "" || len(nf.Links) < 6 {
			t.Errorf("%s: the 404 page shows %d stylesheets (all loaded: %v), heading %q, %d links; want it styled, headed, with its links", p, nf.Sheets, nf.Styled, nf.H1, len(nf.Links))
		}
		checkLinks(t, p, base, append(nf.Links, nf.Assets...))
		for _, m := range cons.take(func(m string) bool { return strings.Contains(m, "404") && strings.Contains(m, base+p) }) {
			t.Errorf("%s: %s", p, m)
		}
	}
}

// checkLinks fetches each of the addresses on the page p that lie on the
// site (under base), but for the page itself (the skip link to #main);
// each must answer 200. Others must be https.
func checkLinks(t *testing.T, p, base string, urls []string) {
	t.Helper()
	for _, u := range urls {
		u, _, _ = strings.Cut(u, "#")
		if u == base+p {
			continue
		}
		if !strings.HasPrefix(u, base) {
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "tel:") {
				t.Errorf("%s: a link leaves the site, and not for an https address: %s", p, u)
			}
			continue
		}
		resp, _, err := get(u, "")
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("%s: the link %s answers %v %v", p, u, statusOf(resp), err)
		}
	}
}

func statusOf(resp *http.Response) string {
	if resp == nil {
		return "nothing"
	}
	return resp.Status
}
