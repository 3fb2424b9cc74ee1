package chart

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sizes in SVG user units (px at scale 1).
const (
	fontSize   = 15
	lineHeight = 21
)

// wide reports a character drawn about 1em wide: CJK ideographs, kana,
// hangul, CJK punctuation and full-width forms.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x2E80 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) || (r >= 0xFFE0 && r <= 0xFFE6) ||
		r == '《' || r == '》' || r == '“' || r == '”' || r == '—' || r == '…'
}

// runeEm estimates a character's width in em: CJK 1, Latin about 0.55
// (0.6 here, with capitals, digits, m and w more and spaces and thin marks
// less: sans-serif fonts readers have, such as DejaVu Sans, run wider than
// 0.55, and a box too wide is better than text out of its box).
func runeEm(r rune) float64 {
	switch {
	case wide(r):
		return 1
	case r == ' ' || strings.ContainsRune(".,;:'!|iljtf()", r):
		return 0.35
	case r == 'm' || r == 'w' || r == 'M' || r == 'W':
		return 0.9
	case unicode.IsUpper(r) || unicode.IsDigit(r):
		return 0.7
	default:
		return 0.62
	}
}

// em estimates the width of s in em.
func em(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w
}

// px is the estimated width of s in user units at the picture's font size.
func px(s string) int { return int(math.Ceil(em(s) * fontSize)) }

// Characters that may not start a line, and ones that may not end it.
const (
	noStart = "，。、；：？！）》」』”’…,.;:?!)%"
	noEnd   = "（《「『“‘("
)

// tokens splits s into the pieces a line may break between: a wide
// character (with the closing marks after it), a Latin word, or a space.
func tokens(s string) []string {
	var out []string
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		end := n
		switch {
		case r == ' ':
		case wide(r) || strings.ContainsRune(noEnd, r):
			for strings.ContainsRune(noEnd, r) && end < len(s) {
				r, n = utf8.DecodeRuneInString(s[end:])
				end += n
			}
		default:
			for end < len(s) {
				r, n = utf8.DecodeRuneInString(s[end:])
				if r == ' ' || wide(r) || strings.ContainsRune(noEnd, r) {
					break
				}
				end += n
			}
		}
		for end < len(s) {
			r, n = utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune(noStart, r) {
				break
			}
			end += n
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// wrap breaks s into lines no wider than maxPx where it can (a single token
// wider than that gets a line of its own).
func wrap(s string, maxPx int) []string {
	var ls []string
	var line strings.Builder
	for _, t := range tokens(strings.Join(strings.Fields(s), " ")) {
		if line.Len() > 0 && px(strings.TrimRight(line.String()+t, " ")) > maxPx {
			ls = append(ls, strings.TrimRight(line.String(), " "))
			line.Reset()
		}
		if line.Len() == 0 && t == " " {
			continue
		}
		line.WriteString(t)
	}
	if line.Len() > 0 {
		ls = append(ls, strings.TrimRight(line.String(), " "))
	}
	return ls
}

// widest is the estimated width of the widest of ls.
func widest(ls []string) int {
	w := 0
	for _, l := range ls {
		w = max(w, px(l))
	}
	return w
}
