package site

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// sharedLayouts is layouts/ with _partials.html's "menu" part starting
// with extra.
func sharedLayouts(t *testing.T, extra string) overlay {
	t.Helper()
	b, err := os.ReadFile("../../layouts/_partials.html")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), `{{define "menu"}}`, `{{define "menu"}}`+extra, 1)
	if s == string(b) {
		t.Fatal(`_partials.html has no "menu" part: fix the test`)
	}
	return overlay{base: os.DirFS("../../layouts"), files: fstest.MapFS{"_partials.html": {Data: []byte(s)}}}
}

// TestSharedPartDeepLink: a shared part's link to a target deeper than
// the cache key tells apart is still right on every page (the part is
// rendered for each page instead of reused): the duty pages share the
// key, and the link to the first one differs from one to the next. The
// small site the error cases start from, with five more duties, has pages
// that share the key, which is all the bug needs; a build of the real
// content would cost seconds under the race detector.
func TestSharedPartDeepLink(t *testing.T) {
	t.Parallel()
	const target = "/zh/qts/duties/1/"
	more := fstest.MapFS{}
	for i := 2; i <= 6; i++ {
		more[fmt.Sprintf("departments/qts/duties/%d.toml", i)] = &fstest.MapFile{Data: fmt.Appendf(nil, `id = "%d"
title = { zh = "负责第%d项工作", en = "Work %d" }
regimes = ["quality"]

[[item]]
n = %d
text = { zh = "负责第%d项工作。", en = "Work %d." }
regimes = ["quality"]
`, i, i, i, i, i, i)}
	}
	out, err := Build(miniSite(t, more), sharedLayouts(t, `<a class="deep" href="{{.Rel "`+target+`"}}">d</a>`))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`class="?deep"? href="?([^" >]*)`)
	n, sameKey := 0, 0
	for name, b := range out.Files {
		if !strings.HasSuffix(name, ".html") || name == "index.html" || name == "404.html" {
			continue
		}
		m := re.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s: no deep link", name)
			continue
		}
		url := "/" + strings.TrimSuffix(name, "index.html")
		if want := relURL(url, target); string(m[1]) != want {
			t.Errorf("%s: deep link %q, want %q", name, m[1], want)
		}
		n++
		if strings.HasPrefix(url, "/zh/qts/duties/") && url != "/zh/qts/duties/" {
			sameKey++
		}
	}
	if n < 20 || sameKey < 6 {
		t.Fatalf("only %d pages checked, %d of them duty pages in Chinese", n, sameKey)
	}
}

// TestSharedPartPageOnly: a shared part that asks for what differs from
// page to page fails the build, naming the part, instead of showing one
// page's value on others.
func TestSharedPartPageOnly(t *testing.T) {
	t.Parallel()
	_, err := Build(miniSite(t, nil), sharedLayouts(t, `{{.TwinURL}}`))
	if err == nil || !strings.Contains(err.Error(), `shared part "menu"`) || !strings.Contains(err.Error(), "TwinURL") {
		t.Fatalf("err = %v, want the shared part and TwinURL named", err)
	}
}
