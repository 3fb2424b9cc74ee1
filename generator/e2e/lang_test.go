//go:build browser

package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// waitFor polls a JavaScript expression until it returns want, for up to
// five seconds. Errors while the page is navigating are polled through;
// the last one is returned if nothing else was ever read.
func waitFor(ctx context.Context, expr, want string) (string, error) {
	var got string
	var lastErr error
	for range 100 {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		switch {
		case err != nil:
			lastErr = err
		case v == want:
			return v, nil
		default:
			got, lastErr = v, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return got, lastErr
}

// TestBrowserLanguageSwitch: on an item's anchor, the language switch lands
// on the same item in the other language, both ways.
func TestBrowserLanguageSwitch(t *testing.T) {
	ctx, base := siteTab(t)
	for _, tc := range []struct{ from, want string }{
		{"/zh/linyi-qts/duties/3/#item-12", "/en/linyi-qts/duties/3/#item-12"},
		{"/en/linyi-qts/systems/5/#procedure", "/zh/linyi-qts/systems/5/#procedure"},
	} {
		if err := load(ctx, base+tc.from); err != nil {
			t.Fatalf("%s: %v", tc.from, err)
		}
		if _, err := waitFor(ctx, "document.readyState", "complete"); err != nil {
			t.Fatal(err)
		}
		// The element's own click (its handler, then the navigation): a mouse
		// click at coordinates read before the page's jump to its #anchor
		// can land beside the link on a busy machine.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("a.lang-switch").click(), true`)); err != nil {
			t.Fatalf("%s: clicking the language switch: %v", tc.from, err)
		}
		got, err := waitFor(ctx, "location.pathname + location.hash", tc.want)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("switch from %s landed on %s, want %s", tc.from, got, tc.want)
		}
	}
}

// TestBrowserLargeText: the large-text switch enlarges the text without the
// browser's zoom, and the choice survives a page change.
func TestBrowserLargeText(t *testing.T) {
	ctx, base := siteTab(t)
	if err := load(ctx, base+"/zh/linyi-qts/duties/1/"); err != nil {
		t.Fatal(err)
	}
	size := `getComputedStyle(document.querySelector("main p, main li")).fontSize`
	before, err := chromedp.Run(ctx, chromedp.Evaluate[string](size))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.Search(`//button[contains(., "大字")]`))); err != nil {
		t.Fatalf("clicking 大字: %v", err)
	}
	after, err := chromedp.Run(ctx, chromedp.Evaluate[string](size))
	if err != nil {
		t.Fatal(err)
	}
	if !(px(after) >= 18 && px(after) > px(before)) {
		t.Errorf("large text: font size %s before, %s after; want larger and at least 18px", before, after)
	}
	if err := load(ctx, base+"/zh/linyi-qts/duties/2/"); err != nil {
		t.Fatal(err)
	}
	if on, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.classList.contains("large")`)); !on {
		t.Error("large text was not kept on the next page")
	}
}

func px(s string) float64 {
	var f float64
	for _, c := range strings.TrimSuffix(s, "px") {
		if c == '.' {
			break
		}
		f = f*10 + float64(c-'0')
	}
	return f
}
