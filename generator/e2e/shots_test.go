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
	"/zh/linyi-qts/duties/3/",
	"/en/linyi-qts/duties/3/",
	"/zh/linyi-qts/boundaries/2/",
	"/zh/linyi-qts/services/",
}

// shotScreens are the screens of the screenshots: a desktop and a phone.
var shotScreens = []struct {
	width, height int64
	opts          []chromedp.EmulateViewportOption
}{
	{1280, 800, nil},
	{360, 740, []chromedp.EmulateViewportOption{chromedp.EmulateMobile}},
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
			png, err := shoot(ctx, base+p)
			if err != nil {
				t.Errorf("%s at %d px: %v", p, s.width, err)
				continue
			}
			if shots == "" {
				continue
			}
			name := fmt.Sprintf("%s-%d.png", strings.ReplaceAll(strings.Trim(p, "/"), "/", "-"), s.width)
			file := filepath.Join(shots, name)
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Errorf("%s at %d px: %v", p, s.width, err)
				continue
			}
			t.Logf("wrote %s (%d bytes)", file, len(png))
		}
	}
}

// shoot loads url, waits for its fonts, and returns a PNG of the whole page.
func shoot(tab context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(tab, pageTimeout)
	defer cancel()
	if err := load(ctx, url); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
		`document.fonts.ready.then(function () { return true; })`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for the fonts: %w", err)
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
