package content

import (
	"strconv"
	"unicode/utf8"
)

// escapes reports the escapes in basic strings that write a character no
// content may hold (\e, \u0000, \u202E, …), at the backslash, and
// reports whether there were none.
func (l *loader) escapes(src *Source) bool {
	n := 0
	for _, off := range src.escs {
		r, ok := escaped(src.text[off:])
		if !ok {
			continue
		}
		if what := forbidden(r); what != "" && n < maxReports {
			l.errs.Add(src.at(off), "the escape %s writes the %s", clip(string(src.text[off:off+escapeLen(src.text[off:])])), what)
			n++
		}
	}
	return n == 0
}

// escaped decodes the escape at the start of b (a backslash and what
// follows) into the character it writes; ok is false for an escape that
// writes nothing (a line-ending backslash) or is malformed.
func escaped(b []byte) (rune, bool) {
	if len(b) < 2 {
		return 0, false
	}
	switch b[1] {
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'e':
		return 0x1B, true
	case 'u', 'U':
		n := escapeLen(b) - 2
		v, err := strconv.ParseUint(string(b[2:2+n]), 16, 32)
		return rune(v), err == nil && utf8.ValidRune(rune(v))
	case 'x':
		v, err := strconv.ParseUint(string(b[2:min(4, len(b))]), 16, 8)
		return rune(v), err == nil
	}
	return 0, false
}

// escapeLen is the length in bytes of the escape at the start of b.
func escapeLen(b []byte) int {
	n := 2
	switch b[1] {
	case 'u':
		n = 6
	case 'U':
		n = 10
	case 'x':
		n = 4
	}
	return min(n, len(b))
}
