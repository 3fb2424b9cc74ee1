package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/html"

	"qingdan/generator/search"
)

// TestAssetsHashed: every stylesheet and script is published under a name
// holding the hash of its bytes as published, no unhashed copy is left,
// and every page's stylesheets and scripts, and the files search.js is
// told to load (data-parts), resolve to published files.
func TestAssetsHashed(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	for _, n := range []string{"site.css", "site.js", "chart.css", "search.js", "search-parts.js"} {
		p := out.Assets[n]
		ext := path.Ext(n)
		want := "assets/" + strings.TrimSuffix(n, ext) + "." + search.ContentHash(out.Files[p]) + ext
		if p != want || out.Files[p] == nil {
			t.Errorf("%s is published as %q, want %q (the hash of its bytes)", n, p, want)
		}
		if out.Files["assets/"+n] != nil {
			t.Errorf("assets/%s is published under its plain name too", n)
		}
	}
	used := map[string]bool{}
	for _, page := range out.Names() {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		doc := parsePage(t, page, out.Files[page])
		refs := findAll(doc, func(n *html.Node) bool {
			return n.Data == "script" || n.Data == "link" && attr(n, "rel") == "stylesheet"
		})
		for _, n := range refs {
			u := attr(n, "src") + attr(n, "href")
			target := resolve(page, u)
			if out.Files[target] == nil {
				t.Errorf("%s: %s is not a published file", page, u)
			}
			used[target] = true
			if parts := attr(n, "data-parts"); parts != "" {
				if out.Files[parts] == nil || resolve(page, attr(n, "data-root")) != "index.html" {
					t.Errorf("%s: search.js is told data-root %q, data-parts %q: not the root and a published file", page, attr(n, "data-root"), parts)
				}
				used[parts] = true
			}
		}
	}
	for p := range maps.Values(out.Assets) {
		if hashed(p) && !used[p] {
			t.Errorf("no page loads %s", p)
		}
	}
}

// TestNoInlineScriptOrStyle: the pages need no 'unsafe-inline' in the
// Content-Security-Policy the shipped nginx configuration sends: no
// script or style written in the page, no event-handler attributes, no
// javascript: links.
func TestNoInlineScriptOrStyle(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	for _, page := range out.Names() {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		doc := parsePage(t, page, out.Files[page])
		bad := findAll(doc, func(n *html.Node) bool {
			if n.Type != html.ElementNode {
				return false
			}
			if n.Data == "style" || n.Data == "script" && (attr(n, "src") == "" || n.FirstChild != nil) {
				return true
			}
			for _, a := range n.Attr {
				if a.Key == "style" || strings.HasPrefix(a.Key, "on") ||
					strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					return true
				}
			}
			return false
		})
		for _, n := range bad {
			var b bytes.Buffer
			html.Render(&b, n)
			t.Errorf("%s: inline script or style: %.120s", page, b.String())
		}
	}
}

// TestSiteDate: the site's date is the newest content file's time when it
// is newer than the layouts'.
func TestSiteDate(t *testing.T) {
	t.Parallel()
	site := miniSite(t, nil)
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for _, f := range site {
		f.ModTime = old
	}
	out, err := Build(site, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	layouts, err := newestIn(os.DirFS("../../layouts"))
	if err != nil || !out.Date.Equal(layouts) || !layouts.After(old) {
		t.Errorf("content of %v, layouts of %v (%v): the site's date is %v, want the layouts'", old, layouts, err, out.Date)
	}
	newest := time.Now().Add(24 * time.Hour).Truncate(time.Second)
	site["departments/qts/department.toml"].ModTime = newest
	out, err = Build(site, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatal(err)
	}
	if !out.Date.Equal(newest) {
		t.Errorf("the site's date is %v, want %v, the newest content file's", out.Date, newest)
	}
}

// TestWriteTwinsAndDates: beside every text file Write puts its .gz and
// .br twins, which decompress to its bytes and are the same on every
// build (no name or time in the gzip header); other files get none; every
// file and folder carries the site's date.
func TestWriteTwinsAndDates(t *testing.T) {
	t.Parallel()
	date := time.Date(2015, 7, 1, 8, 0, 0, 0, time.UTC)
	files := map[string][]byte{
		"index.html":           []byte(strings.Repeat("<p>清单 list</p>", 50)),
		"assets/site.abc.css":  []byte("body{color:#000}"),
		"data/x.csv":           []byte("a,b\n1,2\n"),
		"search/zh.abc.json":   []byte(`{"a":[1,2,3]}`),
		"sitemap.xml":          []byte("<urlset/>"),
		"robots.txt":           []byte("Sitemap: x\n"),
		"favicon.svg":          []byte("<svg/>"),
		"data/x.xlsx":          []byte("PK\x03\x04 not text"),
		"en/deep/er/page.html": []byte("<p>deep</p>"),
	}
	var first map[string][]byte
	for range 2 {
		dir := filepath.Join(t.TempDir(), "public")
		if err := Write(&Output{Files: files, Date: date}, dir); err != nil {
			t.Fatal(err)
		}
		got := readTree(t, dir, date)
		for n, b := range files {
			if !Compressible(n) {
				if got[n+".gz"] != nil || got[n+".br"] != nil {
					t.Errorf("%s is not text and has twins", n)
				}
				continue
			}
			checkTwins(t, n, b, got[n+".gz"], got[n+".br"])
		}
		if first != nil && !maps.EqualFunc(first, got, bytes.Equal) {
			t.Error("two writes of the same site differ")
		}
		first = got
	}
}

// readTree reads every file under dir, checking that it and every folder
// is dated date.
func readTree(t *testing.T, dir string, date time.Time) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	for rel, e := range snapshot(t, dir) {
		if !e.date.Equal(date) {
			t.Errorf("%s is dated %v, want %v", rel, e.date, date)
		}
		if !e.mode.IsDir() {
			got[rel] = []byte(e.body)
		}
	}
	return got
}

func checkTwins(t *testing.T, n string, b, gz, br []byte) {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Errorf("%s.gz: %v", n, err)
		return
	}
	unz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unz, b) {
		t.Errorf("%s.gz does not decompress to %s (%v)", n, n, err)
	}
	if zr.Name != "" || !zr.ModTime.IsZero() {
		t.Errorf("%s.gz names %q, dated %v: the header must hold neither", n, zr.Name, zr.ModTime)
	}
	unb, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || !bytes.Equal(unb, b) {
		t.Errorf("%s.br does not decompress to %s (%v)", n, n, err)
	}
}

// TestCompressible: the text files get twins, whatever the case of their
// extension; others do not.
func TestCompressible(t *testing.T) {
	for n, want := range map[string]bool{
		"a.html": true, "a.CSS": true, "a.js": true, "a.json": true, "a.xml": true, "a.svg": true,
		"a.txt": true, "a.csv": true, "a.xlsx": false, "a.ico": false, "a.png": false,
		"a.html.gz": false, ".qingdan-build": false, "html": false,
	} {
		if Compressible(n) != want {
			t.Errorf("Compressible(%q) = %v, want %v", n, !want, want)
		}
	}
}

// TestSourceDateEpoch: a whole number of seconds, or an error saying what
// to write.
func TestSourceDateEpoch(t *testing.T) {
	if d, ok, err := SourceDateEpoch("1435708800"); err != nil || !ok || !d.Equal(time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("SourceDateEpoch(1435708800) = %v, %v, %v", d, ok, err)
	}
	if _, ok, err := SourceDateEpoch(""); ok || err != nil {
		t.Errorf("an empty SOURCE_DATE_EPOCH is not set: got %v, %v", ok, err)
	}
	for _, v := range []string{"yesterday", "-1", "1.5"} {
		if _, _, err := SourceDateEpoch(v); err == nil || !regexp.MustCompile(`SOURCE_DATE_EPOCH is ".*", not a whole number`).MatchString(err.Error()) {
			t.Errorf("SourceDateEpoch(%q): %v", v, err)
		}
	}
}
