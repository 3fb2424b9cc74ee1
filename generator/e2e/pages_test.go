//go:build browser

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tabs is the number of tabs that check pages at the same time.
const tabs = 2

// pageTimeout bounds the work on one page in one tab.
const pageTimeout = time.Minute

// axeRun runs axe-core on the page with the WCAG 2.1 A and AA rules and
// returns its violations, and the ids of the rules it could not decide, as
// JSON.
const axeRun = `axe.run(document, {
	runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
	resultTypes: ["violations"]
}).then(function (r) {
	return JSON.stringify({
		violations: r.violations.map(function (v) {
			return {
				id: v.id, impact: v.impact || "", help: v.help,
				nodes: v.nodes.map(function (n) {
					return {target: n.target.map(String), html: n.html, summary: n.failureSummary || ""};
				})
			};
		}),
		incomplete: r.incomplete.map(function (v) { return v.id; })
	});
})`

type axeResult struct {
	Violations []axeViolation `json:"violations"`
	Incomplete []string       `json:"incomplete"`
}

type axeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  []string `json:"target"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

// pageResult is what one page check found: problems fail the test, notes
// are logged.
type pageResult struct {
	problems []string
	notes    []string
}

// eachPage runs check on every path of the site in a pool of tabs, each set
// up first with setup, and returns the results in the order of paths.
func eachPage(t *testing.T, tl tools, paths []string, setup chromedp.Action[chromedp.Void],
	check func(ctx context.Context, url string) pageResult) []pageResult {
	t.Helper()
	base := siteURL(t)
	n := min(tabs, len(paths))
	ctxs := make([]context.Context, n)
	for i := range ctxs {
		ctx, cancel := newTab(t, tl)
		defer cancel()
		if err := chromedp.Do(ctx, setup); err != nil {
			t.Fatalf("setting up a tab: %v", err)
		}
		ctxs[i] = ctx
	}
	results := make([]pageResult, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for _, tab := range ctxs {
		wg.Go(func() {
			for i := range next {
				ctx, cancel := context.WithTimeout(tab, pageTimeout)
				results[i] = check(ctx, base+paths[i])
				cancel()
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// load navigates to url and wants the page with status 200.
func load(ctx context.Context, url string) error {
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		return fmt.Errorf("loading the page: %w", err)
	}
	if resp == nil {
		return fmt.Errorf("loading the page: no response")
	}
	if resp.Status != 200 {
		return fmt.Errorf("loading the page: HTTP status %d", resp.Status)
	}
	return nil
}

// TestBrowserAccessibility serves the built site and runs axe-core on every
// page in headless Chromium. (TestBrowserOverflow checks every page on a
// phone screen.)
func TestBrowserAccessibility(t *testing.T) {
	tl := needTools(t)
	axeSrc, err := os.ReadFile(tl.axeJS)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	pages := htmlPages(t, builtSite(t))
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = pagePath(p)
	}

	t.Run("axe", func(t *testing.T) {
		start := time.Now()
		results := eachPage(t, tl, paths, chromedp.EmulateViewport(1280, 800),
			func(ctx context.Context, url string) pageResult {
				return axePage(ctx, url, string(axeSrc))
			})
		failed := map[string]int{}          // rule id: pages
		incomplete := map[string][]string{} // rule id: pages
		for i, r := range results {
			for _, p := range r.problems {
				t.Errorf("%s: %s", paths[i], p)
				failed[strings.Fields(p)[0]]++
			}
			for _, id := range r.notes {
				incomplete[id] = append(incomplete[id], paths[i])
			}
		}
		t.Logf("axe-core checked %d pages with %d tabs in %s", len(paths), tabs, time.Since(start).Round(time.Millisecond))
		for _, id := range slices.Sorted(maps.Keys(incomplete)) {
			ps := incomplete[id]
			more := ""
			if len(ps) > 5 {
				ps, more = ps[:5], fmt.Sprintf(" and %d more", len(ps)-5)
			}
			t.Logf("axe-core could not decide %s (needs review, not a failure) on %d page(s): %s%s",
				id, len(incomplete[id]), strings.Join(ps, " "), more)
		}
		if len(failed) > 0 {
			t.Errorf("pages with each rule violated: %s", countList(failed))
		}
	})

}

// axePage loads url, injects axe-core and runs it.
func axePage(ctx context.Context, url, axeSrc string) pageResult {
	if err := load(ctx, url); err != nil {
		return pageResult{problems: []string{err.Error()}}
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSrc)); err != nil {
		return pageResult{problems: []string{fmt.Sprintf("injecting axe-core: %v", err)}}
	}
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		return pageResult{problems: []string{fmt.Sprintf("running axe-core: %v", err)}}
	}
	var res axeResult
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		return pageResult{problems: []string{fmt.Sprintf("reading the axe-core result: %v", err)}}
	}
	var r pageResult
	for _, v := range res.Violations {
		var targets []string
		for _, n := range v.Nodes[:min(3, len(v.Nodes))] {
			targets = append(targets, strings.Join(n.Target, " "))
		}
		more := ""
		if len(v.Nodes) > 3 {
			more = fmt.Sprintf(" and %d more", len(v.Nodes)-3)
		}
		p := fmt.Sprintf("%s (%s): %s; %d element(s): %s%s", v.ID, v.Impact, v.Help,
			len(v.Nodes), strings.Join(targets, " | "), more)
		if len(v.Nodes) > 0 {
			p += fmt.Sprintf("; first: %s", short(v.Nodes[0].HTML, 160))
			if s := strings.Join(strings.Fields(v.Nodes[0].Summary), " "); s != "" {
				p += " — " + short(s, 600)
			}
		}
		r.problems = append(r.problems, p)
	}
	r.notes = res.Incomplete
	return r
}

// overflowJS measures the page on a phone screen: the width of the viewport,
// the width of the document, the innermost elements that stick out to the
// right where no scroll box clips them and that show, and whether large text
// is on.
const overflowJS = `(function () {
	var limit = 360;
	function name(e) {
		var s = e.tagName.toLowerCase();
		if (e.id) s += "#" + e.id;
		if (typeof e.className === "string" && e.className.trim()) s += "." + e.className.trim().split(/\s+/).join(".");
		return s;
	}
	function path(e) {
		var parts = [];
		for (var i = 0; e && e !== document.body && i < 3; i++, e = e.parentElement) parts.unshift(name(e));
		return parts.join(" > ");
	}
	function clipped(e) {
		for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== "visible") return true;
		}
		return false;
	}
	var out = [];
	var width = document.documentElement.scrollWidth;
	if (width > limit) {
		var all = document.body.querySelectorAll("*");
		for (var i = 0; i < all.length && out.length < 5; i++) {
			var e = all[i], r = e.getBoundingClientRect();
			if (r.width === 0 || r.right <= limit || clipped(e) || (e.checkVisibility && !e.checkVisibility())) continue;
			var inner = true;
			for (var c = e.firstElementChild; c; c = c.nextElementSibling) {
				if (c.getBoundingClientRect().right > limit) { inner = false; break; }
			}
			if (inner) out.push(path(e) + " (right edge at " + Math.round(r.right) + "px)");
		}
	}
	return JSON.stringify({viewport: document.documentElement.clientWidth, scrollWidth: width, culprits: out,
		large: document.documentElement.classList.contains("large")});
})()`

// overflowPage loads url in a tab that emulates a 360 px wide phone and wants
// no horizontal overflow.
func overflowPage(ctx context.Context, url string) pageResult {
	if err := load(ctx, url); err != nil {
		return pageResult{problems: []string{err.Error()}}
	}
	return measureOverflow(ctx)
}

// measureOverflow wants no horizontal overflow of the page loaded in a tab
// that emulates a 360 px wide phone.
func measureOverflow(ctx context.Context) pageResult {
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](overflowJS))
	if err != nil {
		return pageResult{problems: []string{fmt.Sprintf("measuring the page: %v", err)}}
	}
	var m struct {
		Viewport    int      `json:"viewport"`
		ScrollWidth int      `json:"scrollWidth"`
		Culprits    []string `json:"culprits"`
	}
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		return pageResult{problems: []string{fmt.Sprintf("reading the measure: %v", err)}}
	}
	var r pageResult
	if m.Viewport != 360 {
		r.problems = append(r.problems, fmt.Sprintf("the layout viewport is %d px wide on a 360 px screen (is the viewport meta tag missing?)", m.Viewport))
	}
	if m.ScrollWidth > 360+1 {
		p := fmt.Sprintf("overflows horizontally at 360 px: the document is %d px wide", m.ScrollWidth)
		if len(m.Culprits) > 0 {
			p += "; sticking out: " + strings.Join(m.Culprits, "; ")
		}
		r.problems = append(r.problems, p)
	}
	return r
}

// countList formats counts as "id (n), ...", the largest first.
func countList(counts map[string]int) string {
	ids := slices.Collect(maps.Keys(counts))
	slices.SortFunc(ids, func(a, b string) int {
		if d := counts[b] - counts[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s (%d)", id, counts[id])
	}
	return strings.Join(parts, ", ")
}

// short cuts s to at most n runes, with an ellipsis.
func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
