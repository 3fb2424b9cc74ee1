package content

// This file holds the load stage's guards: what a content file must be
// before the TOML decoder sees it. Content is plain UTF-8 text files of at
// most MaxFileSize bytes, nested at most MaxDepth arrays and inline tables
// deep, with no control characters but tab and line breaks and no
// invisible bidirectional controls or line separators; content/ holds no
// links, named pipes or devices. Each refusal names file:line:column.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

const (
	// MaxFileSize is the largest content file, in bytes (the largest
	// file of a whole list is some 20 KB).
	MaxFileSize = 1 << 20
	// MaxDepth is how deep arrays and inline tables may nest in a file
	// (content needs 3).
	MaxDepth = 16
	// maxReports is how many problems of one kind a file reports.
	maxReports = 5
)

const bom = "\uFEFF"

// read reads a content file after checking that it is a regular file of a
// sane size; it reports problems and returns ok false.
func (l *loader) read(name string) ([]byte, bool) {
	fi, err := fs.Lstat(l.fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.errs.Add(Pos{File: name}, "file is missing: create it (see the package documentation for its format)")
		} else {
			l.errs.Add(Pos{File: name}, "cannot read: %v", err)
		}
		return nil, false
	}
	if !l.regular(name, fi) {
		return nil, false
	}
	if t := fi.ModTime(); t.After(l.c.Modified) {
		l.c.Modified = t
	}
	if fi.Size() > MaxFileSize {
		l.errs.Add(Pos{File: name}, "file is %d bytes, more than a content file may hold (%d): split it or remove what does not belong", fi.Size(), MaxFileSize)
		return nil, false
	}
	f, err := l.fsys.Open(name)
	if err != nil {
		l.errs.Add(Pos{File: name}, "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	b := buf.Bytes()
	if err == nil && len(b) > MaxFileSize {
		err = fmt.Errorf("it grew beyond %d bytes while being read", MaxFileSize)
	}
	if err != nil {
		l.errs.Add(Pos{File: name}, "cannot read: %v", err)
		return nil, false
	}
	return b, true
}

// regular reports whether fi (from Lstat) is a regular file, reporting
// what else it is.
func (l *loader) regular(name string, fi fs.FileInfo) bool {
	what := ""
	switch m := fi.Mode(); {
	case m.IsRegular():
		return true
	case m&fs.ModeSymlink != 0:
		what = "a symbolic link: content/ holds no links (a link could lead outside it); copy the file itself here"
	case m.IsDir():
		what = "a folder: a file is expected here"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe: content/ holds plain text files only"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		what = "a device: content/ holds plain text files only"
	default:
		what = "not a regular file: content/ holds plain text files only"
	}
	l.errs.Add(Pos{File: name}, "%s is %s", name, what)
	return false
}

// noLink reports (and refuses) a folder of content/ that is a link.
func (l *loader) noLink(dir string) bool {
	fi, err := fs.Lstat(l.fsys, dir)
	if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		l.refuseLink(dir)
		return false
	}
	return true
}

func (l *loader) refuseLink(name string) {
	l.errs.Add(Pos{File: name}, "%s is a symbolic link: content/ holds no links (a link could lead outside it); put the file or folder itself here", name)
}

// text checks the bytes of a file and returns its text without a leading
// byte order mark and with CRLF line ends made LF, or reports why the
// file is not content text.
func (l *loader) text(name string, b []byte) ([]byte, bool) {
	if off, msg := NotUTF8Text(b); msg != "" {
		src := &Source{File: name, text: b, lines: lineStarts(b)}
		l.errs.Add(src.at(off), "%s", msg)
		return nil, false
	}
	b = bytes.TrimPrefix(b, []byte(bom))
	if bytes.Contains(b, []byte("\r\n")) { // positions stay: \r ends a line
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	src := &Source{File: name, text: b, lines: lineStarts(b)}
	ok := true
	n := 0
	for i, r := range string(b) {
		if what := forbidden(r); what != "" && n < maxReports {
			l.errs.Add(src.at(i), "%s", what)
			n++
			ok = false
		}
	}
	if i := tooDeep(b); i >= 0 {
		l.errs.Add(src.at(i), "arrays, tables or dotted keys nest more than %d deep here: content never needs this; close the brackets or shorten the key", MaxDepth)
		ok = false
	}
	return b, ok
}

// The advice given for a file that is not UTF-8 text.
const (
	saveAsUTF8 = "save it as UTF-8 text: in Word, File → Save As → Plain Text, encoding Unicode (UTF-8); in a text editor, choose the encoding UTF-8 when saving"
	fromGBK    = "convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.new (or save it as UTF-8 in your editor)"
)

// NotUTF8Text says why b is not UTF-8 text, and what to do, with the byte
// offset of the problem; msg is "" for UTF-8 text. It tells apart a zip
// archive (a Word .docx or Excel .xlsx), an older Office document (.doc,
// .xls, WPS), a PDF, UTF-16 (a byte order mark, or NULs) and a Chinese
// legacy encoding (GBK/GB18030). The import command
// checks its source with it too.
func NotUTF8Text(b []byte) (off int, msg string) {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return 0, "the file is a zip archive (a Word .docx or Excel .xlsx document), not plain text: " + saveAsUTF8
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return 0, "the file is an older Office document (a Word .doc, Excel .xls or WPS file), not plain text: " + saveAsUTF8
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return 0, "the file is a PDF, not plain text: open the document it was made from and " + saveAsUTF8
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || manyNULs(b):
		return 0, "the file is UTF-16, not UTF-8: " + saveAsUTF8
	}
	i := invalidUTF8(b)
	switch {
	case i < 0:
		return -1, ""
	case looksGB18030(b[i:]):
		return i, "the file is in a Chinese legacy encoding (GBK/GB18030), not UTF-8: " + fromGBK
	}
	return i, fmt.Sprintf("byte 0x%02X is not UTF-8: %s", b[i], saveAsUTF8)
}

// manyNULs reports whether a tenth or more of the first 1,000 bytes are
// NUL, as in UTF-16 text without a byte order mark.
func manyNULs(b []byte) bool {
	head := b[:min(len(b), 1000)]
	return len(head) >= 2 && bytes.Count(head, []byte{0})*10 >= len(head)
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// looksGB18030 reports whether b starts with a GBK/GB18030 character: a
// lead byte 0x81–0xFE then a trail byte 0x40–0xFE (not 0x7F), or a
// four-byte sequence.
func looksGB18030(b []byte) bool {
	if len(b) < 2 || b[0] < 0x81 || b[0] == 0xFF {
		return false
	}
	if b[1] >= 0x40 && b[1] <= 0xFE && b[1] != 0x7F {
		return true
	}
	return len(b) >= 4 && b[1] >= 0x30 && b[1] <= 0x39 && b[2] >= 0x81 && b[2] <= 0xFE && b[3] >= 0x30 && b[3] <= 0x39
}

// forbidden says why the character r may not appear in content, or "".
func forbidden(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0:
		return fmt.Sprintf("control character U+%04X: remove it (only tabs and line breaks may appear; an invisible character would reach the pages)", r)
	case r == 0x2028 || r == 0x2029:
		return fmt.Sprintf("line or paragraph separator U+%04X: use an ordinary line break, or remove it", r)
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return fmt.Sprintf("invisible bidirectional control U+%04X: remove it (it makes text display in another order than it reads)", r)
	case r == 0xFEFF:
		return "byte order mark (U+FEFF) inside the file: remove it"
	case r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0x00AD:
		return fmt.Sprintf("invisible character U+%04X (a zero-width space, joiner or soft hyphen, often pasted with copied text): remove it (readers cannot see it, and a search for the word it splits would not find it)", r)
	}
	return ""
}

// tooDeep returns the offset of the first bracket that opens an array or
// inline table deeper than MaxDepth, or of the first dot of a key with more
// than MaxDepth parts, or -1. Strings and comments are skipped. This runs
// before the TOML decoder, which needs memory for each level.
func tooDeep(b []byte) int {
	var open []byte // the brackets open at i
	inKey, dots := true, 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '#':
			for i+1 < len(b) && b[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			i = stringEnd(b, i)
		case '[', '{':
			if open = append(open, c); len(open) > MaxDepth {
				return i
			}
			inKey = c == '{' || len(open) == 1 && (i == 0 || b[i-1] == '\n' || b[i-1] == '[')
		case ']', '}':
			open = open[:max(len(open)-1, 0)]
		case '=', '\n', ',':
			inKey = c == '\n' || c == ',' && len(open) > 0 && open[len(open)-1] == '{'
			dots = 0
		case '.':
			if dots++; inKey && dots >= MaxDepth {
				return i
			}
		}
	}
	return -1
}

// stringEnd returns the offset of the last byte of the string that starts
// at b[i] (a quote), or of the file.
func stringEnd(b []byte, i int) int {
	q := b[i]
	delim := []byte{q}
	if i+2 < len(b) && b[i+1] == q && b[i+2] == q {
		delim = []byte{q, q, q}
	}
	for j := i + len(delim); j < len(b); j++ {
		switch {
		case b[j] == '\\' && q == '"':
			j++
		case b[j] == '\n' && len(delim) == 1:
			return j
		case bytes.HasPrefix(b[j:], delim):
			return j + len(delim) - 1
		}
	}
	return len(b) - 1
}
