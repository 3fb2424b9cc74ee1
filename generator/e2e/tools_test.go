//go:build browser

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// readState is the read-aloud button and its note as a reader sees them.
type readState struct {
	Shown     bool   `json:"shown"`
	Disabled  bool   `json:"disabled"`
	Pressed   string `json:"pressed"`
	Label     string `json:"label"`
	Note      string `json:"note"` // the note's text when it shows
	Described bool   `json:"described"`
}

const readStateJS = `(function () {
	var b = document.querySelector(".site-header button[data-tool=read]");
	var n = document.getElementById("read-note");
	var shows = function (e) { return !!e && e.checkVisibility({visibilityProperty: true}) && e.offsetWidth > 0; };
	return {
		shown: shows(b), disabled: !!b && b.disabled, pressed: b ? b.getAttribute("aria-pressed") : "",
		label: b ? b.textContent : "", note: shows(n) ? n.textContent : "",
		described: !!b && !!n && b.getAttribute("aria-describedby") === n.id
	};
})()`

// TestBrowserReadAloudNoVoice: headless Chromium has no voice, so the
// read-aloud button shows disabled, with a visible note, and pressing it
// does not leave it pressed.
func TestBrowserReadAloudNoVoice(t *testing.T) {
	ctx, base := siteTab(t)
	for _, p := range []string{"/zh/linyi-qts/duties/3/", "/en/linyi-qts/duties/3/"} {
		if err := loadReady(ctx, base+p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`speechSynthesis.getVoices().length`)); err != nil || n != 0 {
			t.Fatalf("this test wants a browser without voices: %d voices (%v)", n, err)
		}
		// A press on a disabled button does nothing; click() is what a script may do.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector("button[data-tool=read]").click()`)); err != nil {
			t.Fatal(err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[readState](readStateJS))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !s.Shown || !s.Disabled || s.Pressed != "false" || strings.TrimSpace(s.Note) == "" || !s.Described {
			t.Errorf("%s without voices: read-aloud %+v; want it shown, disabled, not pressed, described by a visible note", p, s)
		}
	}
}

// fakeVoices stands in for the browser's speech synthesis before the page's
// scripts run: it has a voice for each language and keeps what it is asked
// to say in window.qdSpoken.
const fakeVoices = `(function () {
	var spoken = window.qdSpoken = [];
	var voices = [{name: "zh", lang: "zh-CN", voiceURI: "zh", localService: true, "default": true},
		{name: "en", lang: "en-GB", voiceURI: "en", localService: true, "default": false}];
	var synth = {
		speaking: false, pending: false, paused: false,
		getVoices: function () { return voices; },
		speak: function (u) { spoken.push({text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : ""}); synth.speaking = true; },
		cancel: function () { synth.speaking = false; },
		addEventListener: function () {}, removeEventListener: function () {}
	};
	Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
	window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})()`

// TestBrowserReadAloudSkipsAnchors: with a voice, the read-aloud button
// reads the page's main text in the page's voice, without the "#12" labels
// of the item anchors, and stops when pressed again.
func TestBrowserReadAloudSkipsAnchors(t *testing.T) {
	ctx, base := siteTab(t)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fakeVoices})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, voice, first string }{
		{"/zh/linyi-qts/duties/3/", "zh", "组织实施产品质量监督抽查"},
		{"/en/linyi-qts/duties/3/", "en", "Organize product quality supervision spot checks"},
	} {
		if err := loadReady(ctx, base+tc.path); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		anchors, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("main .anchor")).map(function (a) { return a.textContent; }).join(" ")`))
		if err != nil || !strings.Contains(anchors, "#12") {
			t.Fatalf("%s: want the item anchors #12 and more on the page, got %q (%v)", tc.path, anchors, err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button[data-tool=read]"))); err != nil {
			t.Fatalf("%s: pressing read-aloud: %v", tc.path, err)
		}
		var said []struct{ Text, Lang, Voice string }
		said, err = chromedp.Run(ctx, chromedp.Evaluate[[]struct{ Text, Lang, Voice string }](`window.qdSpoken`))
		if err != nil {
			t.Fatal(err)
		}
		if len(said) != 1 {
			t.Fatalf("%s: read-aloud said %d things, want 1", tc.path, len(said))
		}
		text := said[0].Text
		switch {
		case said[0].Voice != tc.voice:
			t.Errorf("%s: read with voice %q, want %q", tc.path, said[0].Voice, tc.voice)
		case !strings.Contains(text, tc.first):
			t.Errorf("%s: the text read does not have %q: %s", tc.path, tc.first, short(text, 300))
		case strings.Contains(text, "#"):
			i := strings.Index(text, "#")
			t.Errorf("%s: the text read has an anchor label: …%s…", tc.path, short(text[max(0, i-40):], 80))
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[readState](readStateJS))
		if err != nil {
			t.Fatal(err)
		}
		if s.Pressed != "true" || s.Disabled || s.Note != "" {
			t.Errorf("%s while reading: %+v; want pressed, enabled, no note", tc.path, s)
		}
		if vis, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("main .anchor").checkVisibility()`)); !vis {
			t.Errorf("%s: the anchors stay hidden after reading starts", tc.path)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("button[data-tool=read]"))); err != nil {
			t.Fatal(err)
		}
		if s, _ := chromedp.Run(ctx, chromedp.Evaluate[readState](readStateJS)); s.Pressed != "false" {
			t.Errorf("%s: read-aloud stays pressed after the second press: %+v", tc.path, s)
		}
	}
}

// siteOwner is the organizer that content/site.toml names.
func siteOwner(t *testing.T) (zh, en string) {
	t.Helper()
	var site struct {
		Owner struct{ Zh, En string } `toml:"owner"`
	}
	if _, err := toml.DecodeFile("../../content/site.toml", &site); err != nil {
		t.Fatal(err)
	}
	if site.Owner.Zh == "" || site.Owner.En == "" {
		t.Fatal("content/site.toml names no owner in both languages")
	}
	return site.Owner.Zh, site.Owner.En
}

// printedJS is the text of the page as printed, and whether the screen-only
// parts are gone.
const printedJS = `(function () {
	var shows = function (sel) { var e = document.querySelector(sel); return !!e && e.checkVisibility(); };
	var f = document.querySelector(".site-footer");
	return {
		footer: f && f.checkVisibility() ? f.innerText : "",
		menu: shows(".menu"), tools: shows(".tools"),
		date: shows("[data-print-date]")
	};
})()`

type printed struct {
	Footer string `json:"footer"`
	Menu   bool   `json:"menu"`
	Tools  bool   `json:"tools"`
	Date   bool   `json:"date"`
}

// TestBrowserPrint: a printed page names the organizer and the page's
// address without script, and its print date once the browser is about to
// print; the menu and the tools are not printed.
func TestBrowserPrint(t *testing.T) {
	ctx, base := siteTab(t)
	zh, en := siteOwner(t)
	defer chromedp.Do(ctx, setMedia(""))
	for _, tc := range []struct{ path, owner string }{
		{"/zh/linyi-qts/duties/3/", zh},
		{"/en/laws/metrology-law/", en},
	} {
		if err := chromedp.Do(ctx, setMedia("")); err != nil {
			t.Fatal(err)
		}
		if err := loadReady(ctx, base+tc.path); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		onScreen, err := chromedp.Run(ctx, chromedp.Evaluate[printed](printedJS))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(onScreen.Footer, tc.path) {
			t.Errorf("%s: the footer shows the page's address on screen: %q", tc.path, onScreen.Footer)
		}
		if err := chromedp.Do(ctx, setMedia("print")); err != nil {
			t.Fatal(err)
		}
		p, err := chromedp.Run(ctx, chromedp.Evaluate[printed](printedJS))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Footer, tc.owner) || !strings.Contains(p.Footer, tc.path) || p.Menu || p.Tools || p.Date {
			t.Errorf("%s in print, before printing: %+v; want the footer with %q and %q, no menu, no tools, no date yet", tc.path, p, tc.owner, tc.path)
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event("beforeprint"))`)); err != nil {
			t.Fatal(err)
		}
		p, err = chromedp.Run(ctx, chromedp.Evaluate[printed](printedJS))
		if err != nil {
			t.Fatal(err)
		}
		if year := fmt.Sprint(time.Now().Year()); !p.Date || !strings.Contains(p.Footer, year) {
			t.Errorf("%s in print, when printing: %+v; want the print date, of %s", tc.path, p, year)
		}
	}
}

// noScriptJS reads what a reader without script finds: tool buttons that
// show or hold space, the menu, and the search page's links.
const noScriptJS = `(function () {
	var held = Array.from(document.querySelectorAll(".tools button")).filter(function (b) { return b.offsetWidth > 0 || b.checkVisibility({visibilityProperty: true}); });
	var nav = document.querySelector(".site-nav a");
	var nojs = document.getElementById("search-nojs");
	return {
		tools: held.length,
		nav: !!nav && nav.checkVisibility(),
		nojs: !!nojs && nojs.checkVisibility(),
		main: document.getElementById("main").innerText.length
	};
})()`

type noScript struct {
	Tools int  `json:"tools"`
	Nav   bool `json:"nav"`
	NoJS  bool `json:"nojs"`
	Main  int  `json:"main"`
}

// TestBrowserNoScript: without script, the header shows no tool buttons and
// keeps no room for them; the menu opens on a phone and shows on a desktop;
// the search page offers its links instead.
func TestBrowserNoScript(t *testing.T) {
	ctx, base := siteTab(t)
	noJS := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	if err := chromedp.Do(ctx, noJS, phone); err != nil {
		t.Fatal(err)
	}
	read := func(p string) noScript {
		t.Helper()
		if err := load(ctx, base+p); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		s, err := chromedp.Run(ctx, chromedp.Evaluate[noScript](noScriptJS))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return s
	}
	s := read("/zh/linyi-qts/duties/3/")
	if s.Tools != 0 || s.Nav || s.Main < 500 {
		t.Errorf("on a phone without script: %+v; want no tool buttons, the menu closed, the main text", s)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu > summary"))); err != nil {
		t.Fatalf("opening the menu: %v", err)
	}
	if on, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(".site-nav a").checkVisibility()`)); !on {
		t.Error("on a phone without script, the menu does not open")
	}
	if s := read("/en/search/"); !s.NoJS {
		t.Errorf("the search page without script hides its links: %+v", s)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	if s := read("/en/linyi-qts/duties/3/"); !s.Nav || s.Tools != 0 {
		t.Errorf("on a desktop without script: %+v; want the navigation showing, no tool buttons", s)
	}
}

// TestBrowserMenu: on a phone the menu opens from its summary and Escape
// closes it, with the focus back on the summary; on a desktop the navigation
// shows without it.
func TestBrowserMenu(t *testing.T) {
	ctx, base := siteTab(t)
	if err := chromedp.Do(ctx, phone); err != nil {
		t.Fatal(err)
	}
	if err := loadReady(ctx, base+"/en/linyi-qts/duties/3/"); err != nil {
		t.Fatal(err)
	}
	const state = `JSON.stringify({open: document.querySelector(".menu").open,
		nav: document.querySelector(".site-nav a").checkVisibility(),
		focus: document.activeElement === document.querySelector(".menu > summary")})`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu > summary"))); err != nil {
		t.Fatal(err)
	}
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); s != `{"open":true,"nav":true,"focus":true}` {
		t.Errorf("the menu after a click on its summary: %s", s)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(".site-nav a")), chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); s != `{"open":false,"nav":false,"focus":true}` {
		t.Errorf("the menu after Escape: %s", s)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	if s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](state)); s != `{"open":false,"nav":true,"focus":false}` { // the summary hides
		t.Errorf("the menu on a desktop: %s", s)
	}
}

// setMedia emulates a CSS media type ("print"), or none with "".
func setMedia(media string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media})
		return err
	})
}
