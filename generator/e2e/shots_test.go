//go:build browser

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// shotPages are the pages that TestBrowserScreenshots takes.
var shotPages = []string{
	"/zh/",
	"/en/",
	"/zh/linyi-qts/duties/3/",
	"/en/linyi-qts/duties/3/",
	"/zh/linyi-qts/boundaries/2/",
	"/en/linyi-qts/boundaries/2/",
	"/zh/linyi-qts/services/",
	"/zh/glossary/",
	"/en/glossary/",
	"/zh/search/?q=%E8%AE%A1%E9%87%8F",
	"/en/search/?q=metrology+verification",
}

// shotScreens are the screens of the screenshots: a desktop and a phone,
// and the phone in large text.
var shotScreens = []struct {
	width, height int64
	large         bool
	opts          []chromedp.EmulateViewportOption
}{
	{1280, 800, false, nil},
	{360, 740, false, []chromedp.EmulateViewportOption{chromedp.EmulateMobile}},
	{360, 740, true, []chromedp.EmulateViewportOption{chromedp.EmulateMobile}},
}

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// TestBrowserScreenshots takes full-page PNG screenshots of a few pages at
// 1280 and 360 px wide, and writes them into $QD_SHOTS when it is set. It
// judges nothing on looks, but fails when a screenshot cannot be taken.
func TestBrowserScreenshots(t *testing.T) {
	tl := needTools(t)
	base := siteURL(t)
	shots := os.Getenv("QD_SHOTS")
	if shots != "" {
		if err := os.MkdirAll(shots, 0o755); err != nil {
			t.Fatalf("QD_SHOTS: %v", err)
		}
	} else {
		t.Log("QD_SHOTS is not set: taking the screenshots without writing them")
	}
	ctx, cancel := newTab(t, tl)
	defer cancel()
	for _, s := range shotScreens {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(s.width, s.height, s.opts...)); err != nil {
			t.Fatalf("setting the screen to %dx%d: %v", s.width, s.height, err)
		}
		for _, p := range shotPages {
			name := fmt.Sprintf("%s-%d%s.png", shotName(p), s.width, map[bool]string{true: "-large"}[s.large])
			png, err := shoot(ctx, base+p, s.large, nil)
			saveShot(t, shots, name, png, err)
		}
	}
	// The phone menu, open.
	for _, p := range []string{"/zh/", "/en/"} {
		png, err := shoot(ctx, base+p, false, chromedp.Click(chromedp.CSS(".menu > summary")))
		saveShot(t, shots, shotName(p)+"-360-menu.png", png, err)
	}
}

// saveShot writes the screenshot png into the folder shots, unless it is "",
// or reports err.
func saveShot(t *testing.T, shots, name string, png []byte, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if shots == "" {
		return
	}
	file := filepath.Join(shots, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	t.Logf("wrote %s (%d bytes)", file, len(png))
}

// shotName is a file name for the page at p: its path, with the query.
func shotName(p string) string {
	p, q, _ := strings.Cut(p, "?")
	name := strings.ReplaceAll(strings.Trim(p, "/"), "/", "-")
	if q != "" {
		name += "-query"
	}
	return name
}

// shoot loads url in normal or large text, waits for its tools and fonts,
// runs then, when given, and returns a PNG of the whole page.
func shoot(tab context.Context, url string, large bool, then chromedp.Action[chromedp.Void]) ([]byte, error) {
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	if err := setLarge(ctx, url, large); err != nil {
		return nil, err
	}
	if err := loadReady(ctx, url); err != nil {
		return nil, err
	}
	if then != nil {
		if err := chromedp.Do(ctx, then); err != nil {
			return nil, err
		}
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	if err != nil {
		return nil, fmt.Errorf("taking the screenshot: %w", err)
	}
	if !bytes.HasPrefix(png, pngSignature) {
		return nil, fmt.Errorf("the screenshot is not a PNG (%d bytes)", len(png))
	}
	return png, nil
}
