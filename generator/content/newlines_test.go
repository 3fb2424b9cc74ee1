package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestCRLF: a file saved with CRLF line ends built the same pages, but its
// multi-line strings kept \r\n into the open data and the workbook. Every
// line break decodes as \n (an escaped or lone \r too), and positions stay
// as the editor shows them.
func TestCRLF(t *testing.T) {
	t.Parallel()
	text := "[[service]]\r\nid = \"1\"\r\ntitle.zh = \"\"\"\r\n第一行\r\n第二行\"\"\"\r\ntitle.en = \"one\\r\\ntwo\\rthree\"\r\n"
	l := &loader{fsys: fstest.MapFS{"x.toml": {Data: []byte(text)}}, c: &Content{locs: map[any]Loc{}}}
	var sv Services
	if !l.file("x.toml", &sv) {
		t.Fatal(l.errs.Err())
	}
	s := sv.Services[0]
	if s.Title.Zh != "第一行\n第二行" || s.Title.En != "one\ntwo\nthree" {
		t.Errorf("decoded %q and %q", s.Title.Zh, s.Title.En)
	}
	if p := l.c.Loc(&sv).At("service[0].title.en"); p.Line != 6 || p.Col != 1 {
		t.Errorf("title.en is at %v, want line 6, column 1", p)
	}
	got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(strings.Replace(text, "id =", "idd =", 1))}}, "x.toml")
	if !strings.HasPrefix(got, "x.toml:2:1: unknown key") {
		t.Errorf("got %q", got)
	}
}
