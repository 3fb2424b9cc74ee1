package content

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a position in a content file: 1-based line and column, the column
// counted in characters so that it matches what an editor shows for Chinese
// text.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Source is one decoded TOML file together with the position of every key,
// array element and string value in it, so that checks made after decoding
// can still name file:line:column.
//
// Paths name a value the way the checks walk the decoded structs: keys joined
// by dots, array elements by [index]: item[2].text.en, basis[0].article[1].
type Source struct {
	File  string
	text  []byte
	lines []int           // byte offset of the start of each line
	keys  map[string]int  // path → byte offset of its key (or element)
	vals  map[string]int  // path → byte offset of the first character of a string value
	basic map[string]bool // path → the string value is a basic ("…") string, with escapes
	escs  []int           // byte offsets of the escapes (\) in basic strings
	plain map[string]int  // path without indexes → first offset (built by findKey)
}

// Pos returns the position of path, or of the nearest enclosing path that
// the file has (a missing field is reported where its table or its Chinese
// twin is), or the start of the file.
func (s *Source) Pos(path string) Pos {
	for p := path; ; {
		if off, ok := s.keys[p]; ok {
			return s.at(off)
		}
		if strings.HasSuffix(p, ".en") { // a missing translation: point at the Chinese
			if off, ok := s.keys[strings.TrimSuffix(p, ".en")+".zh"]; ok {
				return s.at(off)
			}
		}
		if p == "" {
			return Pos{File: s.File, Line: 1, Col: 1}
		}
		p = parentPath(p)
	}
}

// ValuePos returns the position of the character at byte offset off within
// the string value at path (for errors inside Markdown).
func (s *Source) ValuePos(path string, off int) Pos {
	start, ok := s.vals[path]
	if !ok {
		return s.Pos(path)
	}
	if !s.basic[path] {
		return s.at(start + off)
	}
	return s.at(rawOffset(s.text, start, off))
}

// rawOffset maps byte offset off of a decoded basic string whose text
// starts at start to the offset of the same character in the file: an
// escape such as \t or \u4E2D is several characters in the file but one in
// the decoded value, and a line-ending backslash stands for nothing.
func rawOffset(b []byte, start, off int) int {
	i, d := start, 0
	for i < len(b) && d < off {
		if b[i] != '\\' || i+1 >= len(b) {
			_, n := utf8.DecodeRune(b[i:])
			i, d = i+n, d+n
			continue
		}
		switch c := b[i+1]; c {
		case 'u', 'U':
			digits := 4
			if c == 'U' {
				digits = 8
			}
			r, err := strconv.ParseUint(string(b[i+2:min(i+2+digits, len(b))]), 16, 32)
			n := 1
			if err == nil {
				n = utf8.RuneLen(rune(r))
			}
			i, d = i+2+digits, d+max(n, 1)
		case ' ', '\t', '\r', '\n': // line-ending backslash: trims to the next text
			i++
			for i < len(b) && strings.IndexByte(" \t\r\n", b[i]) >= 0 {
				i++
			}
		default:
			i, d = i+2, d+1
		}
	}
	return min(i, len(b))
}

// findKey returns the first position of a key given without array indexes,
// as MetaData.Undecoded reports them.
// The index of first offsets is built once, so that reporting every
// unknown key of a file takes time linear in its keys.
func (s *Source) findKey(plain string) Pos {
	if s.plain == nil {
		s.plain = map[string]int{}
		for p, off := range s.keys {
			k := stripIndexes(p)
			if best, ok := s.plain[k]; !ok || off < best {
				s.plain[k] = off
			}
		}
	}
	if off, ok := s.plain[plain]; ok {
		return s.at(off)
	}
	return Pos{File: s.File, Line: 1, Col: 1}
}

// keyOnLine returns the position of the key plain (without indexes) on the
// given line, or the line's start.
func (s *Source) keyOnLine(plain string, line int) Pos {
	best := -1 // the first on the line: map order would pick any
	for p, off := range s.keys {
		if (best < 0 || off < best) && stripIndexes(p) == plain && s.at(off).Line == line {
			best = off
		}
	}
	if best >= 0 {
		return s.at(best)
	}
	return Pos{File: s.File, Line: line, Col: 1}
}

func (s *Source) at(off int) Pos {
	off = max(0, min(off, len(s.text)))
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	col := utf8.RuneCount(s.text[s.lines[i]:off]) + 1
	return Pos{File: s.File, Line: i + 1, Col: col}
}

func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		return p[:strings.LastIndexByte(p, '[')]
	}
	if i := strings.LastIndexAny(p, ".]"); i >= 0 {
		if p[i] == ']' {
			return p[:i+1]
		}
		return p[:i]
	}
	return ""
}

func stripIndexes(p string) string {
	var b strings.Builder
	depth := 0
	for _, r := range p {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// scanSource indexes the keys of a TOML document. It assumes the document
// has already been accepted by the TOML parser, so it only has to find
// where things are, not whether they are valid.
func scanSource(file string, text []byte) *Source {
	s := &Source{File: file, text: text, keys: map[string]int{}, vals: map[string]int{}, basic: map[string]bool{}, lines: lineStarts(text)}
	sc := scanner{src: s, b: text, arrays: map[string]int{}}
	sc.document()
	return s
}

func lineStarts(text []byte) []int {
	lines := []int{0}
	for i, c := range text {
		if c == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

type scanner struct {
	src    *Source
	b      []byte
	i      int
	arrays map[string]int // array-of-tables path → elements seen
	depth  int            // arrays and inline tables open
}

func (sc *scanner) peek(k int) byte {
	if sc.i+k < len(sc.b) {
		return sc.b[sc.i+k]
	}
	return 0
}

// maxPath is the longest path the scanner records (content's are under
// 60 bytes). With MaxDepth it bounds the memory the scanner needs by a
// constant times the size of the file; a problem deeper down is reported
// at the nearest recorded path.
const maxPath = 256

func (sc *scanner) record(path string, off int) {
	if _, ok := sc.src.keys[path]; !ok && len(path) <= maxPath {
		sc.src.keys[path] = off
	}
}

// skip passes spaces, and with nl also newlines and comments.
func (sc *scanner) skip(nl bool) {
	for sc.i < len(sc.b) {
		switch c := sc.b[sc.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			sc.i++
		case c == '#':
			for sc.i < len(sc.b) && sc.b[sc.i] != '\n' {
				sc.i++
			}
		case c == '\n' && nl:
			sc.i++
		default:
			return
		}
	}
}

func (sc *scanner) document() {
	cur := ""
	for {
		sc.skip(true)
		if sc.i >= len(sc.b) {
			return
		}
		if sc.b[sc.i] == '[' {
			start := sc.i
			double := sc.peek(1) == '['
			if double {
				sc.i += 2
			} else {
				sc.i++
			}
			keys := sc.keyPath()
			p := ""
			for j, k := range keys {
				p = JoinPath(p, k)
				if n, ok := sc.arrays[p]; ok && !(double && j == len(keys)-1) {
					p += "[" + strconv.Itoa(n-1) + "]"
				}
			}
			if double {
				n := sc.arrays[p]
				sc.arrays[p] = n + 1
				p += "[" + strconv.Itoa(n) + "]"
			}
			sc.record(p, start)
			cur = p
			for sc.i < len(sc.b) && sc.b[sc.i] != '\n' {
				sc.i++
			}
			continue
		}
		before := sc.i
		sc.keyValue(cur)
		if sc.i == before { // cannot happen on valid TOML; never spin
			sc.i++
		}
	}
}

// keyPath reads a dotted key and leaves the scanner after it.
func (sc *scanner) keyPath() []string {
	var keys []string
	for {
		sc.skip(false)
		switch sc.peek(0) {
		case '"', '\'':
			q := sc.b[sc.i]
			sc.i++
			start := sc.i
			for sc.i < len(sc.b) && sc.b[sc.i] != q {
				if q == '"' && sc.b[sc.i] == '\\' {
					sc.i++
				}
				sc.i++
			}
			k := string(sc.b[start:min(sc.i, len(sc.b))])
			if q == '"' {
				if u, err := strconv.Unquote(`"` + k + `"`); err == nil {
					k = u
				}
			}
			keys = appendKey(keys, k)
			sc.i++
		default:
			start := sc.i
			for sc.i < len(sc.b) && isBareKey(sc.b[sc.i]) {
				sc.i++
			}
			keys = appendKey(keys, string(sc.b[start:sc.i]))
		}
		sc.skip(false)
		if sc.peek(0) != '.' || sc.i >= len(sc.b) {
			return keys
		}
		sc.i++
	}
}

// appendKey adds a part of a dotted key, up to MaxDepth parts: the paths
// of deeper keys are not recorded (the load stage refuses them), which
// keeps the memory the scanner needs linear in the size of the file.
func appendKey(keys []string, k string) []string {
	if len(keys) >= MaxDepth {
		return keys
	}
	return append(keys, k)
}

func isBareKey(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func JoinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (sc *scanner) keyValue(base string) {
	start := sc.i
	keys := sc.keyPath()
	p := base
	for _, k := range keys {
		p = JoinPath(p, k)
		sc.record(p, start)
	}
	sc.skip(false)
	if sc.peek(0) == '=' {
		sc.i++
	}
	sc.skip(false)
	sc.value(p)
}

func (sc *scanner) value(path string) {
	switch c := sc.peek(0); c {
	case '"', '\'':
		q := c
		if sc.peek(1) == q && sc.peek(2) == q {
			sc.i += 3
			if sc.peek(0) == '\n' {
				sc.i++
			} else if sc.peek(0) == '\r' && sc.peek(1) == '\n' {
				sc.i += 2
			}
			sc.src.vals[path] = sc.i
			sc.src.basic[path] = q == '"'
			for sc.i < len(sc.b) && !(sc.b[sc.i] == q && sc.peek(1) == q && sc.peek(2) == q) {
				if q == '"' && sc.b[sc.i] == '\\' {
					sc.src.escs = append(sc.src.escs, sc.i)
					sc.i++
				}
				sc.i++
			}
			sc.i += 3
			for sc.peek(0) == q { // up to two quotes may end the content
				sc.i++
			}
			return
		}
		sc.i++
		sc.src.vals[path] = sc.i
		sc.src.basic[path] = q == '"'
		for sc.i < len(sc.b) && sc.b[sc.i] != q && sc.b[sc.i] != '\n' {
			if q == '"' && sc.b[sc.i] == '\\' {
				sc.src.escs = append(sc.src.escs, sc.i)
				sc.i++
			}
			sc.i++
		}
		sc.i++
	case '[', '{':
		if sc.depth >= MaxDepth || len(path) > maxPath { // not recorded
			sc.skipNested()
			return
		}
		sc.depth++
		defer func() { sc.depth-- }()
		if c == '{' {
			sc.inlineTable(path)
			return
		}
		sc.i++
		for n := 0; ; n++ {
			sc.skip(true)
			if sc.i >= len(sc.b) || sc.b[sc.i] == ']' {
				sc.i++
				return
			}
			el := path + "[" + strconv.Itoa(n) + "]"
			before := sc.i
			sc.record(el, sc.i)
			sc.value(el)
			sc.next(before, true)
		}
	default:
		for sc.i < len(sc.b) && !strings.ContainsRune(",]}\n#", rune(sc.b[sc.i])) {
			sc.i++
		}
	}
}

func (sc *scanner) inlineTable(path string) {
	sc.i++
	for {
		sc.skip(false)
		if sc.i >= len(sc.b) || sc.b[sc.i] == '}' {
			sc.i++
			return
		}
		before := sc.i
		sc.keyValue(path)
		sc.next(before, false)
	}
}

// next passes the comma after an element that started at before, and
// moves on by one byte if the element took none (never spin).
func (sc *scanner) next(before int, nl bool) {
	sc.skip(nl)
	if sc.peek(0) == ',' {
		sc.i++
	}
	if sc.i == before {
		sc.i++
	}
}

// skipNested passes an array or inline table without recording anything
// in it, without recursion.
func (sc *scanner) skipNested() {
	depth := 0
	for ; sc.i < len(sc.b); sc.i++ {
		switch sc.b[sc.i] {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				sc.i++
				return
			}
		case '"', '\'':
			sc.i = stringEnd(sc.b, sc.i)
		case '#':
			for sc.i+1 < len(sc.b) && sc.b[sc.i+1] != '\n' {
				sc.i++
			}
		}
	}
}
