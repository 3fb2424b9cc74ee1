package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A line of the source with its 1-based number.
type line struct {
	n    int
	text string
}

// The five parts of the 2015 Shandong template, in order.
var partTitles = []string{"部门主要职责", "部门职责边界", "事中事后监管制度", "公共服务事项", "责任追究机制"}

// splitParts cuts the source into the cover (before part 一) and the five
// parts, each headed by its own line (一、部门主要职责 …). A part missing
// or out of order is an error.
func splitParts(lines []line, rep *Report) (cover []line, parts [][]line, ok bool) {
	parts = make([][]line, len(partTitles))
	cur := -1
	for _, l := range lines {
		if k := partHeading(l.text); k >= 0 {
			switch {
			case k > cur+1:
				rep.fail(l.n, "part %s、%s is missing before part %s、%s: the template has five parts, each headed by its line", cnNumeral(cur+2), partTitles[cur+1], cnNumeral(k+1), partTitles[k])
				return nil, nil, false
			case k <= cur:
				rep.fail(l.n, "part %s、%s again: the template's parts are %s, once each in this order", cnNumeral(k+1), partTitles[k], strings.Join(partTitles, ", "))
				return nil, nil, false
			}
			cur = k
			continue
		}
		if cur < 0 {
			cover = append(cover, l)
		} else {
			parts[cur] = append(parts[cur], l)
		}
	}
	if cur != len(partTitles)-1 {
		rep.fail(lastLine(lines), "part %s、%s is missing: the template has five parts, each headed by its line", cnNumeral(cur+2), partTitles[cur+1])
		return nil, nil, false
	}
	return cover, parts, true
}

// lastLine is the number of the last of ls, or 1.
func lastLine(ls []line) int {
	if len(ls) == 0 {
		return 1
	}
	return ls[len(ls)-1].n
}

// partHeading returns the index of the part a heading line opens, or -1.
func partHeading(s string) int {
	if len(s) > 64 {
		return -1
	}
	s = spaces.Replace(s)
	for k, t := range partTitles {
		if s == cnNumeral(k+1)+"、"+t {
			return k
		}
	}
	return -1
}

var spaces = strings.NewReplacer(" ", "", "\u3000", "")

var cnDigits = []rune("〇一二三四五六七八九")

// cnNumeral writes 1…99 in Chinese numerals (一, 十, 十一, 二十三).
func cnNumeral(n int) string {
	switch {
	case n < 10:
		return string(cnDigits[n])
	case n < 20:
		return "十" + strings.TrimPrefix(cnNumeral(n%10), "〇")
	}
	s := string(cnDigits[n/10]) + "十"
	if n%10 != 0 {
		s += string(cnDigits[n%10])
	}
	return s
}

// cnValue reads a Chinese numeral of 1…99, or returns 0.
func cnValue(s string) int {
	for n := 1; n < 100; n++ {
		if cnNumeral(n) == s {
			return n
		}
	}
	return 0
}

// cells splits a table row into its tab-separated cells.
func cells(s string) []string { return strings.Split(s, "\t") }

var paraRe = regexp.MustCompile(`<p>(.*?)</p>`)

// paragraphs returns the paragraphs of a cell: its <p>…</p> elements, or
// the cell as one paragraph. Text outside the elements is an error.
func paragraphs(cell string, n int, rep *Report) []string {
	if !strings.Contains(cell, "<p>") {
		if t := strings.TrimSpace(cell); t != "" {
			return []string{t}
		}
		return nil
	}
	var out []string
	if rest := strings.TrimSpace(paraRe.ReplaceAllString(cell, "")); rest != "" {
		rep.fail(n, "text outside <p>…</p> in a cell: %q; put every paragraph of a cell in its own <p>", short(rest))
	}
	for _, m := range paraRe.FindAllStringSubmatch(cell, -1) {
		if t := strings.TrimSpace(m[1]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// short cuts s for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 30 {
		return s
	}
	return string([]rune(s)[:30]) + "…"
}

var numRe = regexp.MustCompile(`^(\d+)\s*[.、．]\s*`)

// A numbered entry of a cell (1. …, 1、…): n is 0 for a paragraph without
// a number.
type entry struct {
	n    int
	text string
}

// entries reads the numbered entries of a cell's paragraphs. A paragraph
// may hold several entries in a row (1. …； 2. …), split where the next
// number follows a space or the end of a sentence.
func entries(paras []string) []entry {
	var out []entry
	for _, p := range paras {
		m := numRe.FindStringSubmatch(p)
		if m == nil {
			out = append(out, entry{0, p})
			continue
		}
		n, _ := strconv.Atoi(m[1])
		out = append(out, splitRun(n, p[len(m[0]):])...)
	}
	return out
}

// splitRun splits text numbered n where the numbers n+1, n+2 … follow a
// space or the end of a sentence.
func splitRun(n int, text string) []entry {
	var out []entry
	for {
		re := regexp.MustCompile(`(\s+|[。；;])` + strconv.Itoa(n+1) + `\s*[.、．]\s*`)
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			return append(out, entry{n, strings.TrimSpace(text)})
		}
		end := m[3] // keep the punctuation that ends the entry
		if strings.TrimSpace(text[m[2]:m[3]]) == "" {
			end = m[2]
		}
		out = append(out, entry{n, strings.TrimSpace(text[:end])})
		text, n = text[m[1]:], n+1
	}
}

// punctuation folds full-width punctuation to its ASCII form, for
// comparing copies of a cell printed in different fonts.
var punctuation = strings.NewReplacer("（", "(", "）", ")", "；", ";", "，", ",", "：", ":", " ", "", "\u3000", "")

func sameText(a, b string) bool { return punctuation.Replace(a) == punctuation.Replace(b) }

// complete reports whether a paragraph ends a sentence (or a clause, or
// opens a list); a paragraph that does not was split by a page break.
func complete(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。；：！？;:!?", r)
}
