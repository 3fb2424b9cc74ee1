package site

import (
	"bytes"
	"html"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// The real site, built once for the whole-site tests.
var (
	siteOnce sync.Once
	siteOut  *Output
	siteErr  error
)

func realSite(t *testing.T) *Output {
	t.Helper()
	siteOnce.Do(func() { siteOut, siteErr = Build(os.DirFS("../../content"), os.DirFS("../../layouts")) })
	if siteErr != nil {
		t.Fatalf("building the site from content/: %v", siteErr)
	}
	return siteOut
}

// TestSeedComplete checks that every sentence and clause of the seed's body
// appears, word for word, in the text of the built Chinese pages.
func TestSeedComplete(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	seed, err := os.ReadFile("../../seeds/000_57c99018d0e71c00.txt")
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, n := range out.Names() {
		if strings.HasPrefix(n, "zh/") && strings.HasSuffix(n, ".html") {
			text.WriteString(normalize(pageText(out.Files[n])))
			text.WriteByte('\n')
		}
	}
	all := text.String()
	clauses := seedClauses(string(seed))
	if len(clauses) < 1500 {
		t.Fatalf("only %d clauses read from the seed: the splitter is broken", len(clauses))
	}
	var missing []string
	for _, c := range clauses {
		if !strings.Contains(all, c) {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d seed clauses are not on any Chinese page:\n%s", len(missing), len(clauses), strings.Join(missing, "\n"))
	}
}

var (
	markerRE    = regexp.MustCompile(`^(?:[\x{2460}-\x{2473}\x{3251}-\x{325F}\x{32B1}-\x{32BF}]+|\d+[.、]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|-)+`)
	clauseSplit = regexp.MustCompile(`[\t\n。；;，,：:、？！]+`)
)

// normalize removes white space and folds bracket width, so that a clause
// matches across line breaks and the print's mixed （） and ().
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '\u00a0':
			return -1
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}, s)
	return s
}

// seedClauses cuts the seed's body into clauses: without the table of
// contents, table header rows and <p> tags, split at punctuation, with item
// numbers and list markers removed.
func seedClauses(seed string) []string {
	// The table of contents runs from 目 录 to the body's first heading.
	if start := strings.Index(seed, "目 录"); start >= 0 {
		if end := strings.Index(seed[start:], "\n一、部门主要职责\n"); end >= 0 {
			seed = seed[:start] + seed[start+end:]
		}
	}
	var lines []string
	for _, l := range strings.Split(seed, "\n") {
		if strings.HasPrefix(l, "序号\t") || strings.HasPrefix(l, "管理事项\t") {
			continue // a table's header row, repeated on every page
		}
		lines = append(lines, l)
	}
	s := strings.NewReplacer("<p>", "\n", "</p>", "\n").Replace(strings.Join(lines, "\n"))
	var out []string
	for _, c := range clauseSplit.Split(s, -1) {
		c = normalize(c)
		for {
			d := markerRE.ReplaceAllString(c, "")
			d = strings.TrimLeft(d, ".、")
			if d == c {
				break
			}
			c = d
		}
		if len([]rune(c)) >= 2 {
			out = append(out, c)
		}
	}
	return out
}

// TestSeedClausesSplitter guards the completeness test's own reading.
func TestSeedClausesSplitter(t *testing.T) {
	t.Parallel()
	got := seedClauses("目 录\n一、部门主要职责\t(1)\n五、责任追究机制\t(42)\n\n一、部门主要职责\n序号\t主要职责\n1\t负责<p>①贯彻执行国家、省有关工作。</p> <p>2. 《产品质量法》（1993年2月通过）第六十五条：包庇的；</p>\n（一）立案。发现违法行为线索")
	want := []string{"部门主要职责", "负责", "贯彻执行国家", "省有关工作", "《产品质量法》(1993年2月通过)第六十五条", "包庇的", "立案", "发现违法行为线索"}
	if !slices.Equal(got, want) {
		t.Errorf("seedClauses = %q\nwant %q", got, want)
	}
}

// TestDeterministic builds the site twice and compares every byte.
func TestDeterministic(t *testing.T) {
	long(t)
	t.Parallel()
	a := realSite(t)
	b, err := Build(os.DirFS("../../content"), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Names(), b.Names()) {
		t.Fatalf("two builds made different file lists")
	}
	for _, n := range a.Names() {
		if !bytes.Equal(a.Files[n], b.Files[n]) {
			t.Errorf("two builds differ in %s", n)
		}
	}
}

// TestLinks checks that every internal link, script, stylesheet and form in
// public/ resolves to a file, and every #fragment to an id on that page;
// and that no page loads anything from outside the site.
func TestLinks(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	ids := map[string]map[string]bool{}
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".html") {
			set := map[string]bool{}
			for _, a := range attrValues(out.Files[n], "id") {
				set[html.UnescapeString(a.value)] = true
			}
			ids[n] = set
		}
	}
	checked := 0
	for _, n := range out.Names() {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		for _, a := range attrValues(out.Files[n], "href", "src", "action") {
			attr, ref := a.name, html.UnescapeString(a.value)
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", n, ref)
				continue
			}
			if u.Scheme == "tel" || u.Scheme == "mailto" {
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				if attr != "href" || strings.Contains(a.whole, "stylesheet") {
					t.Errorf("%s: loads %q from outside the site", n, ref)
				}
				continue
			}
			target := resolve(n, u.Path)
			checked++
			if _, ok := out.Files[target]; !ok {
				t.Errorf("%s: %s=%q points to %s, which the build does not write", n, attr, ref, target)
				continue
			}
			if u.Fragment != "" && !ids[target][u.Fragment] {
				t.Errorf("%s: %q: %s has no id %q", n, ref, target, u.Fragment)
			}
		}
	}
	if checked < 5000 {
		t.Errorf("only %d links checked: the link reader is broken", checked)
	}
}

// TestPages checks the page inventory the list needs.
func TestPages(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	count := func(re string) int {
		r := regexp.MustCompile(re)
		n := 0
		for _, f := range out.Names() {
			if r.MatchString(f) {
				n++
			}
		}
		return n
	}
	for _, l := range []string{"zh", "en"} {
		for re, want := range map[string]int{
			`^` + l + `/linyi-qts/duties/\d+/index\.html$`:     8,
			`^` + l + `/linyi-qts/boundaries/\d+/index\.html$`: 5,
			`^` + l + `/linyi-qts/systems/\d+/index\.html$`:    10,
			`^` + l + `/linyi-qts/services/index\.html$`:       1,
			`^` + l + `/linyi-qts/accountability/index\.html$`: 1,
			`^` + l + `/sitemap/index\.html$`:                  1,
		} {
			if got := count(re); got != want {
				t.Errorf("%d files match %s, want %d", got, re, want)
			}
		}
		items := 0
		for _, f := range out.Names() {
			if strings.HasPrefix(f, l+"/linyi-qts/duties/") && strings.Count(f, "/") == 4 {
				items += len(regexp.MustCompile(`<li id="item-\d+"`).FindAll(out.Files[f], -1))
			}
		}
		if items != 43 {
			t.Errorf("%s duty pages hold %d items, want 43", l, items)
		}
	}
	if _, ok := out.Files["404.html"]; !ok {
		t.Error("no 404.html")
	}
}

// TestCheckRendersNothing: Check stops before the render stage (a template
// that fails only when executed passes it) and counts the pages a build
// renders.
func TestCheckRendersNothing(t *testing.T) {
	t.Parallel()
	// The small site the error cases start from: the real content would
	// cost a whole build and two checks, seconds under the race detector.
	small := miniSite(t, nil)
	out, err := Build(small, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".html") {
			want++
		}
	}
	got, err := Check(small, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Pages != want || want < 20 {
		t.Errorf("Check counts %d pages; the build renders %d", got.Pages, want)
	}
	// An index out of range fails only when the template runs.
	layouts := overlay{os.DirFS("../../layouts"), fstest.MapFS{"home.html": {Data: []byte(`{{define "content"}}{{index .Data.Depts 99}}{{end}}`)}}}
	if _, err := Check(small, layouts); err != nil {
		t.Errorf("Check rendered a page: %v", err)
	}
	if _, err := Build(small, layouts); err == nil {
		t.Error("the broken template built: the test proves nothing")
	}
}
