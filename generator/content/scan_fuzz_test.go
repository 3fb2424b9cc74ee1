package content

import (
	"testing"
	"unicode/utf8"
)

// FuzzScanSource: the position scanner, on any bytes (not only TOML the
// decoder accepted), ends, never panics, and every position it gives is
// inside the file.
func FuzzScanSource(f *testing.F) {
	for _, s := range []string{"", "\x05", "x = 1\n", "[a]\nb.c = \"\\u4E2D\"\n", "[[s]]\nid = ['a', \"b\\\"\"]\n", "x = {a = [1, {b = 2}]}\n",
		"x = \"\"\"\nab\\\n  c\"\"\"\n", "\"k\\", "x = [[[[[[", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r = 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		src := scanSource("x.toml", b)
		lines := len(src.lines)
		inside := func(p Pos) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 || p.Col > utf8.RuneCount(b)+1 {
				t.Fatalf("position %v outside a file of %d lines", p, lines)
			}
		}
		for path := range src.keys {
			inside(src.Pos(path))
			inside(src.ValuePos(path, 0))
			inside(src.ValuePos(path, len(b)))
			inside(src.findKey(stripIndexes(path)))
		}
		inside(src.Pos("no.such[3].path"))
		inside(src.at(-1))
		inside(src.at(len(b) + 5))
	})
}
