package content

// This file words the TOML parser's complaints about malformed files for a
// publisher: a full-width character typed where TOML wants its own
// half-width one is named, and a key defined twice says where it was
// defined first.

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// malformed is the message for a file the TOML parser refused, whose
// text is b, with the offending byte at off (-1 when not known).
func malformed(b []byte, pe toml.ParseError, off int) string {
	msg := "malformed TOML: " + clip(pe.Message)
	if line, ok := firstDefinition(b, pe); ok {
		msg = strings.TrimSuffix(msg, ".") + fmt.Sprintf(" (first at line %d): remove one of the two, or rename it", line)
	}
	r := rune(-1)
	if off >= 0 && off < len(b) {
		r, _ = utf8.DecodeRune(b[off:])
	}
	if fullWidthName(r) == "" { // the parser's message quotes what it got
		if m := gotRE.FindStringSubmatch(pe.Message); m != nil {
			r, _ = utf8.DecodeRuneInString(m[1])
			if m[1] == `\u3000` {
				r = '\u3000'
			}
		}
	}
	if name := fullWidthName(r); name != "" {
		msg += fmt.Sprintf(`: the character here is %s, typed in full-width (全角) mode: switch the input method to half-width (半角) for TOML's own characters (= . " [ ] and spaces); Chinese text belongs inside the quotes`, name)
	}
	return msg
}

var gotRE = regexp.MustCompile(`(?:got|found) '([^']+)'`)

// fullWidthName names a full-width character that stands where TOML
// wants a half-width one, shown as itself, or returns "".
func fullWidthName(r rune) string {
	switch r {
	case '\u3000':
		return "「\u3000」, 全角空格 (a full-width space, U+3000), where TOML wants a half-width space or nothing"
	case '：':
		return "the full-width colon ： (U+FF1A), where TOML wants key = value with a half-width ="
	case '“', '”':
		return fmt.Sprintf("the Chinese quotation mark %c (U+%04X), where TOML wants the straight quote \"", r, r)
	case '‘', '’':
		return fmt.Sprintf("the Chinese quotation mark %c (U+%04X), where TOML wants the straight quote ' or \"", r, r)
	case '、':
		return "the enumeration comma 、 (顿号, U+3001), where TOML wants the half-width comma ,"
	case '。':
		return "the full stop 。 (句号, U+3002), where TOML wants the half-width . (between the parts of a key)"
	case '【', '】', '〔', '〕':
		return fmt.Sprintf("the bracket %c (U+%04X), where TOML wants the half-width [ or ]", r, r)
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		return fmt.Sprintf("the full-width %c (U+%04X), where TOML wants the half-width %c", r, r, r-0xFEE0)
	}
	return ""
}

var dupRE = regexp.MustCompile(`^Key '(.+)' has already been defined`)

// firstDefinition returns the line where the key a "has already been
// defined" error names was first defined, by scanning the lines before
// the error: table headers ([a], [[a]]: an array's new element forgets the
// keys of the one before) and key = value lines.
func firstDefinition(b []byte, pe toml.ParseError) (int, bool) {
	m := dupRE.FindStringSubmatch(pe.Message)
	if m == nil {
		return 0, false
	}
	first := map[string]int{}
	header := ""
	for i, ln := range strings.Split(string(b), "\n") {
		if i+1 >= pe.Position.Line {
			break
		}
		ln = strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(ln, "[["):
			header = normKey(strings.Trim(ln, "[] \t"))
			for k := range first {
				if strings.HasPrefix(k, header+".") {
					delete(first, k)
				}
			}
		case strings.HasPrefix(ln, "["):
			header = normKey(strings.Trim(ln, "[] \t"))
			if _, ok := first[header]; !ok {
				first[header] = i + 1
			}
		case strings.Contains(ln, "=") && !strings.HasPrefix(ln, "#"):
			k, _, _ := strings.Cut(ln, "=")
			k = normKey(k)
			if header != "" {
				k = header + "." + k
			}
			if _, ok := first[k]; !ok {
				first[k] = i + 1
			}
		}
	}
	for k := m[1]; k != ""; k = k[:max(strings.LastIndexByte(k, '.'), 0)] {
		if line, ok := first[k]; ok {
			return line, true
		}
	}
	return 0, false
}

// normKey writes a key as the parser's message does: parts joined by
// dots, without spaces or quotes.
func normKey(k string) string {
	parts := strings.Split(k, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
