package site

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The page readers below stand in for regular expressions the whole-site
// tests ran over every page, (?s)<script.*?</script>|<style.*?</style>|<[^>]*>,
// \s(href|src|action)="([^"]*)" and \p{Han}{0,2}第\d+号: they find the same
// things, and cost a fraction of a regular expression's time under the race
// detector (TestScanners holds them to the expressions).

// pageText is the visible text of an HTML page, tags removed, once per
// page for all the tests that read it (the key is the page's bytes, as
// parsePage's).
func pageText(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	key := parsedKey{&b[0], len(b)}
	if s, ok := texts.Load(key); ok {
		return s.(string)
	}
	s := html.UnescapeString(stripTags(b))
	texts.Store(key, s)
	return s
}

var texts sync.Map

// stripTags removes script and style elements and every other tag.
func stripTags(b []byte) string {
	var out strings.Builder
	out.Grow(len(b))
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			out.Write(b)
			return out.String()
		}
		out.Write(b[:i])
		b = b[i:]
		end := -1
		for _, el := range []string{"script", "style"} {
			if bytes.HasPrefix(b[1:], []byte(el)) {
				if j := bytes.Index(b, []byte("</"+el+">")); j >= 0 {
					end = j + len("</"+el+">")
				}
				break
			}
		}
		if end < 0 {
			j := bytes.IndexByte(b, '>')
			if j < 0 { // a < that opens no tag: the rest is text
				out.Write(b)
				return out.String()
			}
			end = j + 1
		}
		b = b[end:]
	}
}

// attrValue is one attribute of a tag as written: its name, its value
// (not unescaped) and the whole of name="value".
type attrValue struct{ name, value, whole string }

// attrValues lists the quoted attributes named names in b, each preceded
// by white space, in order.
func attrValues(b []byte, names ...string) []attrValue {
	var out []attrValue
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '=')
		if j < 0 {
			break
		}
		eq := i + j
		i = eq + 1
		if eq+1 >= len(b) || b[eq+1] != '"' {
			continue
		}
		for _, n := range names {
			start := eq - len(n)
			if start < 1 || string(b[start:eq]) != n || !isSpace(b[start-1]) {
				continue
			}
			end := bytes.IndexByte(b[eq+2:], '"')
			if end < 0 {
				return out
			}
			v := b[eq+2 : eq+2+end]
			out = append(out, attrValue{n, string(v), string(b[start : eq+3+end])})
			i = eq + 3 + end
			break
		}
	}
	return out
}

// isSpace is \s: ASCII white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// decreeNumbers lists the numbers such as 令第22号 and 清单第35号 in s:
// 第, digits and 号, with the up to two Han characters before it.
func decreeNumbers(s string) []string {
	var out []string
	prev := 0 // where the last number ended: the next one's prefix starts no earlier
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "第")
		if j < 0 {
			break
		}
		at := i + j
		k := at + len("第")
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k == at+len("第") || !strings.HasPrefix(s[k:], "号") {
			i = at + len("第")
			continue
		}
		start := at
		for range 2 {
			r, n := utf8.DecodeLastRuneInString(s[prev:start])
			if n == 0 || !unicode.Is(unicode.Han, r) {
				break
			}
			start -= n
		}
		end := k + len("号")
		out = append(out, s[start:end])
		prev, i = end, end
	}
	return out
}

// TestScanners: the page readers find what the regular expressions they
// stand in for find, on pages of several kinds and on edge cases.
func TestScanners(t *testing.T) {
	t.Parallel()
	var (
		tagRE  = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)
		attrRE = regexp.MustCompile(`\s(href|src|action)="([^"]*)"`)
		idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
		numRE  = regexp.MustCompile(`\p{Han}{0,2}第\d+号`)
	)
	out := realSite(t)
	samples := []string{
		`<p>a<b>b</b> <script>x<y>z</script>c<style>p{}</style>d<scriptx>e <a href="x"data-id="q" id="i" src="s"`,
		`x < y <p id="" title=' id="n"'>令第22号 规章令第3号第1号令第2号第号 第12 号 公安部令第77号</p> <`,
		`<a	href="t.html"
 action="f">第9号</a><script src="a.js"></script`,
	}
	for _, p := range []string{"index.html", "404.html", "zh/index.html", "en/search/index.html", "zh/linyi-qts/duties/3/index.html", "en/laws/product-quality-law/index.html"} {
		if out.Files[p] == nil {
			t.Fatalf("the site has no %s: fix the test", p)
		}
		samples = append(samples, string(out.Files[p]))
	}
	for i, s := range samples {
		if want, got := html.UnescapeString(tagRE.ReplaceAllString(s, "")), html.UnescapeString(stripTags([]byte(s))); got != want {
			t.Errorf("sample %d: stripTags gives\n%q\nthe expression\n%q", i, got, want)
		}
		var want, got []string
		for _, m := range attrRE.FindAllStringSubmatch(s, -1) {
			want = append(want, m[1]+" "+m[2]+" "+m[0][1:])
		}
		for _, m := range idRE.FindAllStringSubmatch(s, -1) {
			want = append(want, "id "+m[1])
		}
		for _, a := range attrValues([]byte(s), "href", "src", "action") {
			got = append(got, a.name+" "+a.value+" "+a.whole)
		}
		for _, a := range attrValues([]byte(s), "id") {
			got = append(got, "id "+a.value)
		}
		if !slices.Equal(got, want) {
			t.Errorf("sample %d: attrValues gives\n%q\nthe expressions\n%q", i, got, want)
		}
		text := normalize(stripTags([]byte(s)))
		if got, want := decreeNumbers(text), numRE.FindAllString(text, -1); !slices.Equal(got, want) {
			t.Errorf("sample %d: decreeNumbers gives %q, the expression %q", i, got, want)
		}
	}
}
