package site

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"qingdan/generator/markup"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// htmlPages lists the language pages of the built site (not root or 404).
func htmlPages(out *Output, lang string) []string {
	var ps []string
	for _, n := range out.Names() {
		if strings.HasPrefix(n, lang+"/") && strings.HasSuffix(n, ".html") {
			ps = append(ps, n)
		}
	}
	return ps
}

// TestTwins checks that every Chinese page has its English twin and the
// reverse, and that each page's language switch points to its twin (the
// hreflang alternates, which need base_url, are in host_test.go).
func TestTwins(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	zh, en := htmlPages(out, "zh"), htmlPages(out, "en")
	if len(zh) != len(en) || len(zh) < 100 {
		t.Errorf("%d Chinese pages, %d English pages", len(zh), len(en))
	}
	switchRE := regexp.MustCompile(`<a class="lang-switch" href="([^"]*)" hreflang="([^"]*)"`)
	for _, l := range [][2]string{{"zh", "en"}, {"en", "zh"}} {
		for _, p := range htmlPages(out, l[0]) {
			twin := l[1] + strings.TrimPrefix(p, l[0])
			if _, ok := out.Files[twin]; !ok {
				t.Errorf("%s has no twin %s", p, twin)
				continue
			}
			m := switchRE.FindSubmatch(out.Files[p])
			if m == nil {
				t.Errorf("%s has no language switch", p)
				continue
			}
			if got := resolve(p, string(m[1])); got != twin {
				t.Errorf("%s: language switch goes to %s, want %s", p, got, twin)
			}
		}
	}
}

// resolve turns a link on page p (an output file name) into the output
// file it leads to: relative or site-absolute, a folder meaning its
// index.html, a bare #fragment meaning p itself.
func resolve(p, ref string) string {
	ref, _, _ = strings.Cut(ref, "#")
	if ref == "" {
		return p
	}
	target := ref
	if !strings.HasPrefix(ref, "/") {
		target = path.Join(path.Dir("/"+p), ref)
	}
	if last := path.Base(ref); strings.HasSuffix(ref, "/") || last == "." || last == ".." {
		target = path.Join(target, "index.html")
	}
	return strings.TrimPrefix(path.Clean(target), "/")
}

// langText walks a page and calls f for each text node with the language
// in force there (the nearest lang attribute).
func langText(t *testing.T, b []byte, f func(lang, text string, inLink string)) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(b))
	type frame struct{ tag, lang, href string }
	var stack []frame
	void := map[string]bool{"meta": true, "link": true, "input": true, "br": true, "img": true, "hr": true, "source": true, "wbr": true}
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken:
			tok := z.Token()
			fr := frame{tag: tok.Data}
			if len(stack) > 0 {
				fr.lang, fr.href = stack[len(stack)-1].lang, stack[len(stack)-1].href
			}
			for _, a := range tok.Attr {
				if a.Key == "lang" {
					fr.lang = a.Val
				}
				if a.Key == "href" && tok.Data == "a" {
					fr.href = a.Val
				}
			}
			if !void[tok.Data] {
				stack = append(stack, fr)
			}
		case html.EndTagToken:
			tok := z.Token()
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].tag == tok.Data {
					stack = stack[:i]
					break
				}
			}
		case html.TextToken:
			if len(stack) > 0 && (stack[len(stack)-1].tag == "script" || stack[len(stack)-1].tag == "style") {
				continue
			}
			fr := frame{}
			if len(stack) > 0 {
				fr = stack[len(stack)-1]
			}
			f(fr.lang, string(z.Text()), fr.href)
		}
	}
}

// TestNoChineseOnEnglishPages: no Han character on an English page outside
// an element marked lang="zh-CN"; and the reverse check that the English
// pages are in English at all.
func TestNoChineseOnEnglishPages(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	for _, p := range htmlPages(out, "en") {
		bad := 0
		langText(t, out.Files[p], func(lang, text, _ string) {
			if lang != "zh-CN" && markup.HasHan(text) && bad < 3 {
				bad++
				t.Errorf("%s: Chinese outside lang=\"zh-CN\": %q", p, text)
			}
		})
	}
}

// TestMentionsAreLinks: every 《…》 in the text of a Chinese page sits in
// a link to an instrument page, and no English page shows 《 at all (its
// mentions are instrument names, linked).
func TestMentionsAreLinks(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	mentions := 0
	for _, lang := range []string{"zh", "en"} {
		for _, p := range htmlPages(out, lang) {
			langText(t, out.Files[p], func(tlang, text, href string) {
				if !strings.Contains(text, "《") {
					return
				}
				mentions++
				if lang == "en" && tlang != "zh-CN" {
					t.Errorf("%s: 《 in English text: %q", p, text)
					return
				}
				if !strings.Contains(resolve(p, href), "/laws/") || !strings.HasPrefix(strings.TrimSpace(text), "《") {
					t.Errorf("%s: 《…》 not inside a link to an instrument page: %q (link %q)", p, text, href)
				}
			})
		}
	}
	if mentions < 200 {
		t.Errorf("only %d mentions seen: the page reader is broken", mentions)
	}
}

// The shared reference of English names, beside the checkout, and the copy
// kept in testdata for a clone without it.
const (
	sharedNames = "../../../shared/reference/english-names.md"
	copiedNames = "testdata/english-names.md"
)

// englishNames is the reference the names tests read: the shared one when
// it is there, otherwise the copy.
func englishNames() string {
	if _, err := os.Stat(sharedNames); err == nil {
		return sharedNames
	}
	return copiedNames
}

// TestEnglishNamesCopy: the copy in testdata is the shared reference, word
// for word, so a clone without the reference checks the same names. When
// the reference changes, copy it again.
func TestEnglishNamesCopy(t *testing.T) {
	t.Parallel()
	copied, err := os.ReadFile(copiedNames)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := os.ReadFile(sharedNames)
	if errors.Is(err, fs.ErrNotExist) {
		t.Logf("%s is not beside the checkout: the copy stands for it", sharedNames)
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(copied, shared) {
		t.Errorf("%s differs from %s: copy the reference again (cp %s %s)", copiedNames, sharedNames, sharedNames, copiedNames)
	}
}

// TestConfirmedNames: every "confirmed" English name in the reference
// whose Chinese the list cites appears on the English pages exactly as
// listed.
func TestConfirmedNames(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	f, err := os.Open(englishNames())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seed, err := os.ReadFile("../../seeds/000_57c99018d0e71c00.txt")
	if err != nil {
		t.Fatal(err)
	}
	var en strings.Builder
	for _, p := range htmlPages(out, "en") {
		en.WriteString(html.UnescapeString(pageText(out.Files[p])))
	}
	all := en.String()
	sc := bufio.NewScanner(f)
	checked := 0
	for sc.Scan() {
		cells := strings.Split(sc.Text(), "|")
		if len(cells) < 5 || !strings.HasPrefix(strings.TrimSpace(cells[3]), "confirmed") {
			continue
		}
		zh := strings.TrimSpace(cells[1])
		zh, _, _ = strings.Cut(zh, " (")
		name := strings.TrimSpace(cells[2])
		if !bytes.Contains(seed, []byte(zh)) {
			continue // the list does not cite it
		}
		checked++
		if !strings.Contains(all, name) {
			t.Errorf("%s is cited, but its confirmed name %q is on no English page", zh, name)
		}
	}
	if checked < 10 {
		t.Errorf("only %d confirmed names checked", checked)
	}
}

// TestParity: a Chinese page and its English twin have the same structure
// (headings, paragraphs, list items, table rows), so nothing was dropped in
// translation.
func TestParity(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	tags := regexp.MustCompile(`<(h[1-6]|p|li|tr|dt|dd|section)[ >]`)
	count := func(b []byte) map[string]int {
		m := map[string]int{}
		for _, x := range tags.FindAllSubmatch(b, -1) {
			m[string(x[1])]++
		}
		return m
	}
	for _, p := range htmlPages(out, "zh") {
		if strings.Contains(p, "/search/") {
			continue
		}
		twin := "en" + strings.TrimPrefix(p, "zh")
		a, b := count(out.Files[p]), count(out.Files[twin])
		for k, v := range a {
			if b[k] != v {
				t.Errorf("%s has %d <%s>, %s has %d", p, v, k, twin, b[k])
			}
		}
	}
}

// TestGlossary: the glossary lists every term with an English form, in
// both editions, and names every instrument and body.
func TestGlossary(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	for _, l := range []string{"zh", "en"} {
		page := string(out.Files[l+"/glossary/index.html"])
		for _, term := range c.Glossary.Terms {
			row := regexp.MustCompile(`<tr id="term-` + regexp.QuoteMeta(term.ID) + `">.*?</tr>`).FindString(page)
			if row == "" || term.Term.En == "" || !strings.Contains(html.UnescapeString(row), term.Term.En) {
				t.Errorf("%s glossary: term %s (%s) has no row with its English form", l, term.ID, term.Term.Zh)
			}
		}
		for _, b := range c.Registry.Bodies {
			if !strings.Contains(html.UnescapeString(page), b.Name.En) {
				t.Errorf("%s glossary: body %s missing", l, b.ID)
			}
		}
	}
	if len(c.Glossary.Terms) < 40 {
		t.Errorf("glossary has only %d terms", len(c.Glossary.Terms))
	}
}
