package export

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxLen is the length of the longest row.
func maxLen(rows [][]string) int {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return n
}

// appendRef appends the A1 reference of column col (from 0) and row (from
// 1).
func appendRef(b []byte, col, row int) []byte {
	var letters [4]byte
	i := len(letters)
	for col++; col > 0; col = (col - 1) / 26 {
		i--
		letters[i] = byte('A' + (col-1)%26)
	}
	b = append(b, letters[i:]...)
	return strconv.AppendInt(b, int64(row), 10)
}

// appendEscaped appends s as XML character data, or as an attribute value
// (which also escapes quotes, tabs and line breaks); a character XML does
// not allow, or a byte that is not UTF-8, becomes U+FFFD, as encoding/xml
// writes it.
func appendEscaped(b []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\r':
			esc = "&#xD;"
		case attr && r == '"':
			esc = "&quot;"
		case attr && r == '\n':
			esc = "&#xA;"
		case attr && r == '\t':
			esc = "&#x9;"
		case r == utf8.RuneError && w == 1 || !xmlChar(r):
			esc = "\uFFFD"
		}
		if esc != "" {
			b = append(append(b, s[last:i]...), esc...)
			last = i + w
		}
		i += w
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escapeBSTR escapes the text's own "_xHHHH_" sequences, which a reader
// would take for an escaped character, as "_x005F_xHHHH_" (ECMA-376
// 22.9.2.19 ST_Xstring), so they read back as written.
func escapeBSTR(s string) string {
	var out []byte
	last := 0
	for i := 0; i+7 <= len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' && hex4(s[i+2:i+6]) {
			if out == nil {
				out = make([]byte, 0, len(s)+12)
			}
			out = append(append(out, s[last:i]...), "_x005F"...)
			last = i
		}
	}
	if out == nil {
		return s
	}
	return string(append(out, s[last:]...))
}

func hex4(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// cutCell cuts s to the most a cell holds, maxCellChars UTF-16 units.
func cutCell(s string) string {
	if len(s) <= maxCellChars {
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > maxCellChars {
			return s[:i]
		}
	}
	return s
}
