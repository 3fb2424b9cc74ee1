package site

import (
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
// key, and the link to the first one differs from one to the next.
func TestSharedPartDeepLink(t *testing.T) {
	t.Parallel()
	const target = "/zh/linyi-qts/duties/1/"
	out, err := Build(os.DirFS("../../content"), sharedLayouts(t, `<a class="deep" href="{{.Rel "`+target+`"}}">d</a>`))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`class="?deep"? href="?([^" >]*)`)
	n := 0
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
	}
	if n < 100 {
		t.Fatalf("only %d pages checked", n)
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
