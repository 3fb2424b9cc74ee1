package site

// A page's description (<meta name="description">, og:description) is
// drawn from its own main text as rendered: its title (h1), then its text
// blocks in order, to the end of the sentence that reaches the length a
// search engine shows (maxDescription), or cut there at a word. What is
// not prose is left out: the other headings, navigation, forms, pictures
// and their notes, table heads, the kicker, date, facts and count lines,
// anchor labels, hidden text and text in the other language.

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxDescription is the longest description, in characters, per language:
// about what a search engine shows of it.
var maxDescription = map[Lang]int{Zh: 110, En: 160}

// Elements whose text is not described, and the classes of the others.
var (
	skipTags    = []string{"h2", "h3", "h4", "h5", "h6", "thead", "nav", "form", "svg", "figure", "script", "style", "noscript", "button", "select", "label", "template"}
	skipClasses = []string{"kicker", "meta", "facts", "matrix-note", "anchor", "count", "pending", "tool-note", "visually-hidden"}
	blockTags   = []string{"p", "li", "dd", "td", "th", "h2", "h3", "h4", "h5", "h6", "caption", "blockquote", "div", "section", "ol", "ul", "dl", "table", "tr"}
	voidTags    = []string{"br", "img", "input", "hr", "wbr", "meta", "link", "source", "col", "area"}
)

// describe is the description of a page whose main content (after the
// header) is the HTML main, in language l.
func describe(main []byte, l Lang) string {
	blocks := textBlocks(main, l, maxDescription[l]+1)
	return clipDescription(blocks, l)
}

// textBlocks lists the described text of main, block by block, white
// space collapsed, until the blocks hold enough characters; a term (dt)
// runs into its description. Headings but the title are left out: they
// name what the text says.
func textBlocks(main []byte, l Lang, enough int) []string {
	type open struct {
		tag  string
		skip bool
	}
	var (
		stack  []open
		blocks []string
		cur    strings.Builder
		n      int // characters in blocks
	)
	flush := func() {
		if s := collapse(cur.String()); s != "" {
			blocks = append(blocks, s)
			n += utf8.RuneCountInString(s)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(bytes.NewReader(main))
	for n < enough {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return blocks
		case html.TextToken:
			if len(stack) == 0 || !stack[len(stack)-1].skip {
				cur.Write(z.Text())
			}
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if slices.Contains(voidTags, tag) {
				continue
			}
			skip := len(stack) > 0 && stack[len(stack)-1].skip || skipped(z, tag, hasAttr, l)
			stack = append(stack, open{tag, skip})
			if slices.Contains(blockTags, tag) {
				flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag, skip := string(name), false
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].tag == tag {
					skip, stack = stack[j].skip, stack[:j]
					break
				}
			}
			switch {
			case tag == "dt" && !skip:
				cur.WriteString(termSep[l])
			case slices.Contains(blockTags, tag):
				flush()
			}
		}
	}
	return blocks
}

// termSep joins a term to its description, sentenceSep a block to the
// next that does not end a sentence.
var (
	termSep     = map[Lang]string{Zh: "：", En: ": "}
	sentenceSep = map[Lang]string{Zh: "。", En: "."}
)

// skipped reports whether the text of the element whose start tag z has
// just read is left out of descriptions of a page in l: it is not prose,
// or in the other language.
func skipped(z *html.Tokenizer, tag string, hasAttr bool, l Lang) bool {
	if slices.Contains(skipTags, tag) {
		return true
	}
	for more := hasAttr; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "hidden", "aria-hidden":
			return true
		case "lang":
			if string(v) != htmlLang(l) {
				return true
			}
		case "class":
			for c := range strings.FieldsSeq(string(v)) {
				if slices.Contains(skipClasses, c) {
					return true
				}
			}
		}
	}
	return false
}

// collapse trims s and turns each run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// clipDescription joins blocks into one text and ends it at the sentence
// that reaches maxDescription, or cuts it there.
func clipDescription(blocks []string, l Lang) string {
	limit := maxDescription[l]
	var b strings.Builder
	for _, s := range blocks {
		if b.Len() > 0 {
			if !endsSentence(b.String()) {
				b.WriteString(sentenceSep[l])
			}
			if l == En {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
		if utf8.RuneCountInString(b.String()) >= limit {
			break
		}
	}
	text := b.String()
	r := []rune(text)
	if len(r) <= limit {
		return text
	}
	cut := string(r[:limit])
	// End at the last sentence in the limit if it keeps half of it and
	// more than the first block (the title).
	if i := lastSentenceEnd(cut, l); i >= len(cut)/2 && len(blocks) > 0 && i > len(blocks[0])+1 {
		return cut[:i]
	}
	if l == En {
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRightFunc(cut, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) + "…"
}

// endsSentence reports whether s ends with a sentence's punctuation.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；.!?;:：", r)
}

// lastSentenceEnd is the byte offset just after the last full stop,
// question or exclamation mark or semicolon of language l in s (in
// English, one followed by a space), or -1.
func lastSentenceEnd(s string, l Lang) int {
	end := -1
	for i, r := range s {
		switch {
		case l == Zh && strings.ContainsRune("。！？；", r):
			end = i + utf8.RuneLen(r)
		case l == En && strings.ContainsRune(".!?;", r) && i+1 < len(s) && s[i+1] == ' ':
			end = i + 1
		}
	}
	return end
}
