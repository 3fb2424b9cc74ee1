package site

import (
	"regexp"
	"strings"
	"testing"

	"qingdan/generator/markup"
)

var englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// TestBilingualPagesMarkTheirEnglish: the entry page and 404.html, Chinese
// documents that speak both languages, say every visible string in both,
// each English word inside an element marked lang="en" and no Chinese
// there; the header's and footer's words included. (The <title> is one
// string and cannot mark a part of it.)
func TestBilingualPagesMarkTheirEnglish(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	for _, p := range []string{"index.html", "404.html"} {
		b := out.Files[p]
		title := string(b[strings.Index(string(b), "<title>"):strings.Index(string(b), "</title>")])
		var zh, en int
		langText(t, b, func(lang, text, _ string) {
			text = strings.TrimSpace(text)
			if text == "" || strings.Contains(title, text) {
				return
			}
			switch {
			case lang == "en" && markup.HasHan(text):
				t.Errorf("%s: Chinese inside lang=\"en\": %q", p, text)
			case lang != "en" && englishWord.MatchString(strings.TrimPrefix(text, "/")) && !strings.HasSuffix(text, ".html"):
				t.Errorf("%s: English outside lang=\"en\" (lang %q): %q", p, lang, text)
			case lang == "en":
				en++
			default:
				zh++
			}
		})
		if zh < 8 || en < 8 {
			t.Errorf("%s: %d Chinese and %d English strings: want both languages throughout", p, zh, en)
		}
		for _, want := range []string{"Site map", "Glossary", "Search", "Organizer: "} {
			if !strings.Contains(string(b[strings.Index(string(b), "<footer"):]), want) {
				t.Errorf("%s: the footer does not say %q", p, want)
			}
		}
	}
}
