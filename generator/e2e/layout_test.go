//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// phone is the screen of the layout tests: a 360 px wide phone.
var phone = chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)

// searchPaths are search pages with a query, whose results the static page
// does not hold.
var searchPaths = []string{"/zh/search/?q=%E8%AE%A1%E9%87%8F", "/en/search/?q=metrology+verification"}

// sitePaths are the URL paths of every page of the built site, and the
// search pages with a query.
func sitePaths(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, p := range htmlPages(t, builtSite(t)) {
		paths = append(paths, pagePath(p))
	}
	return append(paths, searchPaths...)
}

// toolsReady waits until site.js has set up the header's tools (the
// read-aloud button waits for the browser's voices), and for the fonts.
const toolsReady = `new Promise(function (res) {
	var tries = 0;
	(function poll() {
		var t = document.querySelector(".tools");
		if (!t || t.hasAttribute("data-ready") || ++tries > 100) {
			document.fonts.ready.then(function () { requestAnimationFrame(function () { requestAnimationFrame(function () { res(true); }); }); });
			return;
		}
		setTimeout(poll, 50);
	})();
})`

// loadReady loads url and waits for toolsReady.
func loadReady(ctx context.Context, url string) error {
	if err := load(ctx, url); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](toolsReady, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("waiting for the page's tools: %w", err)
	}
	return nil
}

// toggleLarge presses the large-text switch, as a reader does.
const toggleLarge = `(function () {
	if (!document.querySelector(".site-header")) return "standalone";
	var b = document.querySelector(".site-header button[data-tool=large]");
	if (!b || b.disabled || b.hidden) return "no switch";
	b.click();
	return "pressed";
})()`

// TestBrowserOverflow loads every page on a 360 px wide phone screen, in
// normal and in large text, and wants no page wider than the screen. One tab
// does it all: the page is measured as it loads, then the large-text switch
// is pressed and it is measured again (the switch is kept across pages, so
// the modes alternate in which comes first).
func TestBrowserOverflow(t *testing.T) {
	tl := needTools(t)
	base := siteURL(t)
	ctx, cancel := newTab(t, tl)
	defer cancel()
	if err := chromedp.Do(ctx, phone); err != nil {
		t.Fatal(err)
	}
	paths := sitePaths(t)
	if re := os.Getenv("QD_PAGES"); re != "" {
		paths = slices.DeleteFunc(paths, func(p string) bool { return !regexp.MustCompile(re).MatchString(p) })
	}
	widest := map[bool]int{}
	start := time.Now()
	for _, p := range paths {
		pctx, cancel := context.WithTimeout(ctx, pageTimeout)
		for _, r := range measureBothModes(pctx, base+p) {
			if r.err != nil {
				t.Errorf("%s: %v", p, r.err)
				continue
			}
			widest[r.Large] = max(widest[r.Large], r.ScrollWidth)
			if r.ScrollWidth > 360 {
				t.Errorf("%s (%s): the document is %d px wide on a 360 px screen; sticking out: %s",
					p, mode(r.Large), r.ScrollWidth, strings.Join(r.Culprits, "; "))
			}
		}
		cancel()
	}
	t.Logf("%d pages at 360 px in %s: widest %d px in normal text, %d px in large text",
		len(paths), time.Since(start).Round(time.Millisecond), widest[false], widest[true])
}

// widthResult is a page's width in one text mode, and what sticks out.
type widthResult struct {
	Viewport    int      `json:"viewport"`
	ScrollWidth int      `json:"scrollWidth"`
	Culprits    []string `json:"culprits"`
	Large       bool     `json:"large"`
	err         error
}

func mode(large bool) string {
	if large {
		return "large text"
	}
	return "normal text"
}

// measureBothModes loads url, measures its width, presses the large-text
// switch and measures again.
func measureBothModes(ctx context.Context, url string) []widthResult {
	if err := load(ctx, url); err != nil {
		return []widthResult{{err: err}}
	}
	var out []widthResult
	for i := range 2 {
		js, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowJS))
		var r widthResult
		if err == nil {
			err = json.Unmarshal([]byte(js), &r)
		}
		if err == nil && r.Viewport != 360 {
			err = fmt.Errorf("the layout viewport is %d px wide on a 360 px screen (is the viewport meta tag missing?)", r.Viewport)
		}
		r.err = err
		out = append(out, r)
		if i > 0 {
			break
		}
		switch ok, err := chromedp.Run(ctx, chromedp.Evaluate[string](toggleLarge)); {
		case err != nil:
			return append(out, widthResult{err: fmt.Errorf("pressing the large-text switch: %w", err)})
		case ok == "standalone": // the root and 404 pages, with no header and no script
			return out
		case ok != "pressed":
			return append(out, widthResult{err: fmt.Errorf("the header has no large-text switch to press")})
		}
	}
	if out[1].err == nil && out[0].Large == out[1].Large {
		out[1].err = fmt.Errorf("the large-text switch did not change the text size")
	}
	return out
}

// pageKinds picks one page of each kind from the site: the root, the 404
// page, each shared page, each department page and each record page, and the
// search pages with a query. The kinds take turns at the language.
func pageKinds(t *testing.T) []string {
	t.Helper()
	shared := []string{"laws", "bodies", "regimes", "glossary", "sitemap", "search"}
	byKind := map[string][]string{}
	var kinds []string
	for _, p := range sitePaths(t) {
		segs := strings.Split(strings.Trim(p, "/"), "/")
		for i := range segs {
			switch {
			case i == 0 && (segs[0] == "zh" || segs[0] == "en"):
				segs[i] = "{lang}"
			case i == 1 && !slices.Contains(shared, segs[1]):
				segs[i] = "{dept}"
			case i == 2 && segs[1] != "{dept}", i == 3:
				segs[i] = "*"
			}
		}
		kind := strings.Join(segs, "/")
		if byKind[kind] == nil {
			kinds = append(kinds, kind)
		}
		byKind[kind] = append(byKind[kind], p)
	}
	var out []string
	for i, k := range kinds {
		ps := byKind[k]
		lang := []string{"/zh/", "/en/"}[i%2]
		j := slices.IndexFunc(ps, func(p string) bool { return strings.HasPrefix(p, lang) })
		out = append(out, ps[max(j, 0)])
	}
	return out
}

// clsJS sums the layout shifts of the page so far that no input caused, as
// cumulative layout shift does, and names what moved in the largest one.
const clsJS = `new Promise(function (res) {
	var sum = 0, big = 0, moved = [];
	function name(n) {
		if (!n || !n.tagName) return n ? n.nodeName : "?";
		var s = n.tagName.toLowerCase();
		if (n.id) s += "#" + n.id;
		if (typeof n.className === "string" && n.className.trim()) s += "." + n.className.trim().split(/\s+/).join(".");
		return s;
	}
	new PerformanceObserver(function (list) {
		list.getEntries().forEach(function (e) {
			if (e.hadRecentInput) return;
			sum += e.value;
			if (e.value > big) {
				big = e.value;
				moved = (e.sources || []).map(function (s) {
					return name(s.node) + " " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) + " px (at " + Math.round(e.startTime) + " ms)";
				});
			}
		});
	}).observe({type: "layout-shift", buffered: true});
	setTimeout(function () { res({cls: sum, moved: moved}); }, 100);
})`

// shift is what clsJS finds.
type shift struct {
	CLS   float64  `json:"cls"`
	Moved []string `json:"moved"`
}

// TestBrowserLayoutShift loads a page of each kind on a phone screen, in
// normal and in large text, and on a desktop screen, and wants a cumulative
// layout shift under 0.02 once the page's tools are ready.
func TestBrowserLayoutShift(t *testing.T) {
	tl := needTools(t)
	base := siteURL(t)
	ctx, cancel := newTab(t, tl)
	defer cancel()
	kinds := pageKinds(t)
	for _, s := range []struct {
		name  string
		large bool
		setup chromedp.Action[chromedp.Void]
	}{
		{"360 px", false, phone},
		{"360 px", true, phone},
		{"1280 px", false, chromedp.EmulateViewport(1280, 800)},
	} {
		sctx, stop := context.WithTimeout(ctx, pageTimeout)
		err := chromedp.Do(sctx, s.setup)
		if err == nil {
			err = setLarge(sctx, base+"/zh/", s.large)
		}
		stop()
		if err != nil {
			t.Fatal(err)
		}
		worst, worstAt := 0.0, ""
		for _, p := range kinds {
			sh, err := layoutShift(ctx, base+p)
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			if sh.CLS >= 0.02 {
				t.Errorf("%s at %s, %s: cumulative layout shift %.4f, want under 0.02; the largest shift moved %s",
					p, s.name, mode(s.large), sh.CLS, strings.Join(sh.Moved, ", "))
			}
			if sh.CLS >= worst {
				worst, worstAt = sh.CLS, p
			}
		}
		t.Logf("%s, %s: %d page kinds, largest layout shift %.4f (%s)", s.name, mode(s.large), len(kinds), worst, worstAt)
	}
}

// layoutShift loads url afresh and returns its cumulative layout shift once
// its tools are ready.
func layoutShift(tab context.Context, url string) (shift, error) {
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	if err := loadReady(ctx, url); err != nil {
		return shift{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[shift](clsJS, chromedp.EvalAwaitPromise))
}

// TestBrowserHeaderHeight wants the header of a page no taller than 120 px
// on a 360 px wide phone, in both languages, and logs its height in large
// text.
func TestBrowserHeaderHeight(t *testing.T) {
	ctx, base := siteTab(t)
	if err := chromedp.Do(ctx, phone); err != nil {
		t.Fatal(err)
	}
	const height = `document.querySelector(".site-header").getBoundingClientRect().height`
	for _, large := range []bool{false, true} {
		if err := setLarge(ctx, base+"/zh/", large); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/zh/", "/en/", "/zh/linyi-qts/duties/3/", "/en/linyi-qts/duties/3/", "/en/search/"} {
			if err := loadReady(ctx, base+p); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			h, err := chromedp.Run(ctx, chromedp.Evaluate[float64](height))
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if !large && h > 120 {
				t.Errorf("%s: the header is %.0f px tall on a 360 px screen, want at most 120", p, h)
			}
			t.Logf("%s: header %.0f px at 360 px in %s", p, h, mode(large))
		}
	}
}

// setLarge sets the large-text switch, as site.js keeps it, on the site of
// url, for the pages loaded next. It loads url to reach its storage.
func setLarge(ctx context.Context, url string, large bool) error {
	if err := load(ctx, url); err != nil {
		return err
	}
	set := fmt.Sprintf(`localStorage.setItem("qd-large", %q)`, map[bool]string{false: "0", true: "1"}[large])
	return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](set))
}
