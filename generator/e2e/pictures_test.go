//go:build browser

package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// picturePages are the pages with pictures (generator/chart): a list's
// home (at a glance), the boundaries index and a boundary page (the
// matrix), and the system with a procedure's steps (the timeline).
var picturePages = []string{
	"/zh/linyi-qts/", "/en/linyi-qts/",
	"/zh/linyi-qts/boundaries/", "/en/linyi-qts/boundaries/",
	"/zh/linyi-qts/boundaries/4/", "/en/linyi-qts/boundaries/4/",
	"/zh/linyi-qts/systems/8/", "/en/linyi-qts/systems/8/",
}

// pictureJS counts the page's pictures and reports the scroll boxes of
// the matrices that are wider than the box (which must scroll inside it).
const pictureJS = `(function () {
	var boxes = document.querySelectorAll(".chart-scroll"), wide = 0;
	for (var i = 0; i < boxes.length; i++) if (boxes[i].scrollWidth > boxes[i].clientWidth) wide++;
	return JSON.stringify({pictures: document.querySelectorAll("figure.chart").length, wide: wide});
})()`

// TestBrowserPictures: on a 360 px phone, in normal and in large text, no
// page with pictures overflows: a matrix wider than the screen scrolls in
// its own box.
func TestBrowserPictures(t *testing.T) {
	tl := needTools(t)
	for _, large := range []bool{false, true} {
		t.Run(fmt.Sprintf("large=%v", large), func(t *testing.T) {
			results := eachPage(t, tl, picturePages, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile),
				func(ctx context.Context, url string) pageResult {
					return pictureOverflow(ctx, url, large)
				})
			for i, r := range results {
				for _, p := range r.problems {
					t.Errorf("%s: %s", picturePages[i], p)
				}
				for _, n := range r.notes {
					t.Logf("%s: %s", picturePages[i], n)
				}
			}
		})
	}
}

// pictureOverflow loads url, in large text when large, wants a picture on
// it, and measures the page's overflow.
func pictureOverflow(ctx context.Context, url string, large bool) pageResult {
	if err := load(ctx, url); err != nil {
		return pageResult{problems: []string{err.Error()}}
	}
	if large {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.classList.add("large"), true`)); err != nil {
			return pageResult{problems: []string{fmt.Sprintf("large text: %v", err)}}
		}
	}
	js, err := chromedp.Run(ctx, chromedp.Evaluate[string](pictureJS))
	if err != nil {
		return pageResult{problems: []string{fmt.Sprintf("reading the pictures: %v", err)}}
	}
	r := measureOverflow(ctx)
	r.notes = append(r.notes, js)
	if js == `{"pictures":0,"wide":0}` {
		r.problems = append(r.problems, "no picture on the page")
	}
	return r
}
