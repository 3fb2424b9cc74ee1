package serve

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"qingdan/generator/internal/smallsite"
	"qingdan/generator/site"
)

// listen opens the preview's event stream and passes on each event's name.
func listen(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+EventsURL, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	events := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- name
			}
		}
	}()
	return events
}

// waitFor waits until the served page passes ok (an editor's save may
// take more than one build) and a reload event has reached the listener.
func waitFor(t *testing.T, events <-chan string, what, url string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	got := false
	for time.Now().Before(deadline) {
		for len(events) > 0 {
			if e := <-events; e == "reload" {
				got = true
			}
		}
		if _, body := get(t, "GET", url); got && ok(body) {
			return body
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: not served (event seen: %v)", what, got)
	return ""
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// writeSmallSite writes the small complete site (package smallsite) into
// dir.
func writeSmallSite(t *testing.T, dir string) {
	t.Helper()
	fsys, err := smallsite.Files("../..")
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPreviewFollowsEdits: issue 9's serve test. The preview, watching a
// small complete site (each of its four builds of the real content cost
// seconds under the race detector, and the preview's bugs are not about
// size), serves an edit and tells a listener; a broken
// file puts its file:line:column on every served page over the last good
// site; the fix clears it. Nothing is written beside the content (no
// public/), and the reload script is in served pages only.
func TestPreviewFollowsEdits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	writeSmallSite(t, contentDir)
	before := entries(t, dir)
	p := NewPreview(contentDir, "../../layouts")
	if err := p.Rebuild(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(p.Handler())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Watch(ctx, []string{contentDir, "../../layouts"}, 20*time.Millisecond, func(paths []string) { p.RebuildChanged(paths) }, func(err error) { t.Error(err) })
	time.Sleep(200 * time.Millisecond) // the watcher is set up
	events := listen(t, ctx, srv.URL)

	const page = "/zh/qts/duties/1/"
	file := filepath.Join(contentDir, "departments/qts/duties/1.toml")
	src, _ := os.ReadFile(file)
	const was, now = "贯彻执行《产品质量法》。", "贯彻执行《产品质量法》，已由测试改写。"
	edited := strings.Replace(string(src), was, now, 1)
	if edited == string(src) || !strings.Contains(edited, "[[item]]\nn = 1\n") {
		t.Fatal("the small site (package smallsite) changed: fix the test")
	}
	os.WriteFile(file, []byte(edited), 0o644)
	body := waitFor(t, events, "an edit", srv.URL+page, func(b string) bool { return strings.Contains(b, now) })
	if n := strings.Count(body, `<script src="`+ScriptURL+`" defer></script></body>`); n != 1 {
		t.Errorf("%s has the reload script %d times before </body>, want once", page, n)
	}

	os.WriteFile(file, []byte(strings.Replace(edited, "[[item]]\nn = 1\n", "[[item]]\nn = \"one\"\n", 1)), 0o644)
	waitFor(t, events, "a broken file", srv.URL+page, func(b string) bool { return strings.Contains(b, "qingdan-errors") })
	at := regexp.MustCompile(`<section class="qingdan-errors"[^>]*><h2[^>]*>[^<]*</h2><ul><li><code>` +
		regexp.QuoteMeta(contentDir) + `/departments/qts/duties/1\.toml:\d+:\d+: wrong type for item\.n`)
	for _, pg := range []string{page, "/en/", "/", "/zh/laws/"} {
		resp, body := get(t, "GET", srv.URL+pg)
		if resp.StatusCode != 200 || !at.MatchString(body) {
			t.Errorf("%s: %d, the error is not at the top of the page", pg, resp.StatusCode)
		}
		if pg == page && !strings.Contains(body, now) {
			t.Errorf("%s: not the last good site", pg)
		}
	}

	os.WriteFile(file, []byte(edited), 0o644)
	waitFor(t, events, "the fix", srv.URL+page, func(b string) bool { return !strings.Contains(b, "qingdan-errors") && strings.Contains(b, now) })
	if after := entries(t, dir); !slices.Equal(before, after) {
		t.Errorf("the preview wrote beside the content: %v, was %v", after, before)
	}
	if _, err := os.Stat("public"); err == nil {
		t.Errorf("the preview wrote public/")
	}
	built, err := site.Build(os.DirFS(contentDir), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	served := p.source().(Files)
	for n, b := range built.Files {
		if strings.Contains(string(b), "__qingdan") {
			t.Errorf("a built site's %s has the preview's script", n)
		}
		if string(served[n]) != string(b) {
			t.Errorf("the preview's %s is not a whole build's", n)
		}
	}
	if len(served) != len(built.Files) {
		t.Errorf("the preview has %d files, a whole build %d", len(served), len(built.Files))
	}
}

// TestErrorsEscaped: an error's text goes into the page escaped.
func TestErrorsEscaped(t *testing.T) {
	t.Parallel()
	p := &Preview{errs: []string{`x.toml:1:2: <script>alert(1)</script> & "q"`}}
	got := string(p.page("a.html", []byte(`<html><head></head><body><main id="main">x</main></body></html>`)))
	if strings.Contains(got, "<script>alert") || !strings.Contains(got, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;q&#34;") {
		t.Errorf("not escaped: %s", got)
	}
	if !strings.Contains(got, `<main id="main"><section class="qingdan-errors"`) {
		t.Errorf("not at the top of <main>: %s", got)
	}
	if !strings.Contains(got, `<link rel="stylesheet" href="`+StyleURL+`"></head>`) {
		t.Errorf("no stylesheet for the errors: %s", got)
	}
}
