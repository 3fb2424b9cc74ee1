//go:build browser

package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"qingdan/generator/site"
)

// The paths of the tools, relative to QD_TOOLS where they are npm packages.
const (
	vnuJarPath = "node_modules/vnu-jar/build/dist/vnu.jar"
	axeJSPath  = "node_modules/axe-core/axe.min.js"
	chromium   = "/usr/bin/chromium"
)

// tools is where the external programs of the tests are.
type tools struct {
	java     string // the java command
	vnuJar   string // the Nu HTML Checker
	axeJS    string // axe-core, to inject into pages
	chromium string // Debian's chromium
}

// needTools skips the test when QD_TOOLS is unset, and fails it when QD_TOOLS
// is set and a tool is missing.
func needTools(t *testing.T) tools {
	t.Helper()
	dir := os.Getenv("QD_TOOLS")
	if dir == "" {
		t.Skip("browser and validator tests need QD_TOOLS: run `make test` (or `make browser`), which installs the tools and sets it")
	}
	var tl tools
	var missing []string
	var err error
	if tl.java, err = exec.LookPath("java"); err != nil {
		missing = append(missing, "java (a Java runtime; `make tools` installs default-jre-headless)")
	}
	tl.vnuJar = filepath.Join(dir, filepath.FromSlash(vnuJarPath))
	tl.axeJS = filepath.Join(dir, filepath.FromSlash(axeJSPath))
	for _, f := range []string{tl.vnuJar, tl.axeJS} {
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f+" (`make tools` installs it with npm)")
		}
	}
	tl.chromium = chromium
	if _, err := os.Stat(tl.chromium); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			tl.chromium = p
		} else {
			missing = append(missing, chromium+" (`make tools` installs Debian's chromium)")
		}
	}
	if len(missing) > 0 {
		t.Fatalf("QD_TOOLS=%s is set, but tools are missing:\n\t%s", dir, strings.Join(missing, "\n\t"))
	}
	return tl
}

// The built site, shared by every test of one run of the test binary.
var (
	siteOnce sync.Once
	siteTmp  string // the temporary folder that holds the built site
	siteDir  string // the built site, as generator.Write writes public/
	siteErr  error
)

// builtSite builds the site from ../../content and ../../layouts into a
// temporary folder, once, and returns the folder.
func builtSite(t *testing.T) string {
	t.Helper()
	siteOnce.Do(func() {
		siteTmp, siteErr = os.MkdirTemp("", "qingdan-e2e-")
		if siteErr != nil {
			return
		}
		siteDir = filepath.Join(siteTmp, "public")
		out, err := site.Build(os.DirFS("../../content"), os.DirFS("../../layouts"))
		if err != nil {
			siteErr = fmt.Errorf("build: %w", err)
			return
		}
		if err := site.Write(out, siteDir); err != nil {
			siteErr = err
		}
	})
	if siteErr != nil {
		t.Fatalf("building the site: %v", siteErr)
	}
	return siteDir
}

// htmlPages lists the .html files of the built site, as slash paths relative
// to its root, sorted.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".html") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing the built pages: %v", err)
	}
	if len(pages) == 0 {
		t.Fatalf("the build wrote no .html files into %s", dir)
	}
	slices.Sort(pages)
	return pages
}

// pagePath is the URL path that serves the file rel: a folder for index.html.
func pagePath(rel string) string {
	if rel == "index.html" || strings.HasSuffix(rel, "/index.html") {
		return "/" + strings.TrimSuffix(rel, "index.html")
	}
	return "/" + rel
}

// The HTTP server of the built site.
var (
	serverOnce sync.Once
	server     *httptest.Server
)

// siteURL serves the built site on 127.0.0.1, once, and returns its base URL,
// with no trailing slash.
func siteURL(t *testing.T) string {
	t.Helper()
	dir := builtSite(t)
	serverOnce.Do(func() {
		server = httptest.NewServer(http.FileServer(http.Dir(dir)))
	})
	return server.URL
}

// The browser, shared by the tests that need one.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	allocCancel   context.CancelFunc
	profileDir    string
	browserErr    error
)

// browser starts one headless chromium, once, with a fresh profile, and
// returns its context. Each tab is a child context: see newTab.
func browser(t *testing.T, tl tools) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		profileDir, browserErr = os.MkdirTemp("", "qingdan-e2e-chromium-")
		if browserErr != nil {
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(tl.chromium),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.UserDataDir(profileDir),
			chromedp.WindowSize(1280, 800),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-default-apps", true),
			chromedp.Flag("disable-extensions", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
			chromedp.Flag("force-color-profile", "srgb"),
			chromedp.Flag("password-store", "basic"),
		}
		var allocCtx context.Context
		allocCtx, allocCancel = chromedp.NewExecAllocator(context.Background(), opts...)
		browserCtx, browserCancel = chromedp.NewContext(allocCtx)
		if err := chromedp.Do(browserCtx); err != nil { // starts the browser
			browserErr = fmt.Errorf("starting %s: %w", tl.chromium, err)
		}
	})
	if browserErr != nil {
		t.Fatalf("%v", browserErr)
	}
	return browserCtx
}

// newTab opens a tab in the shared browser. The caller closes it with the
// returned func.
func newTab(t *testing.T, tl tools) (context.Context, context.CancelFunc) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t, tl))
	if err := chromedp.Do(ctx); err != nil { // opens the tab, with no timeout
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	return ctx, cancel
}

// siteTab opens a tab on the served site for one test, limited to a
// minute, and returns it with the site's base URL. The tab closes when the
// test ends.
func siteTab(t *testing.T) (context.Context, string) {
	t.Helper()
	tl := needTools(t)
	base := siteURL(t)
	tab, cancel := newTab(t, tl)
	ctx, stop := context.WithTimeout(tab, time.Minute)
	t.Cleanup(func() { stop(); cancel() })
	return ctx, base
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browserCancel != nil {
		browserCancel()
		allocCancel()
	}
	if server != nil {
		server.Close()
	}
	for _, d := range []string{profileDir, siteTmp} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

// TestBrowserBuild builds the site that the other tests check, and makes sure
// that the pages they name are in it.
func TestBrowserBuild(t *testing.T) {
	needTools(t)
	dir := builtSite(t)
	pages := htmlPages(t, dir)
	for _, want := range []string{"index.html", "404.html", "zh/index.html", "en/index.html"} {
		if !slices.Contains(pages, want) {
			t.Errorf("the build has no %s", want)
		}
	}
	for _, p := range shotPages {
		p, _, _ = strings.Cut(p, "?")
		if !slices.Contains(pages, strings.TrimPrefix(p, "/")+"index.html") {
			t.Errorf("the build has no page %s", p)
		}
	}
	t.Logf("%d HTML pages in %s", len(pages), dir)
}
