package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestMalformedFullWidth: a full-width character typed where TOML wants
// its own half-width one is named, at its exact position, with what to do;
// the parser alone gave "expected '.' or '=', but got '\u3000' instead".
func TestMalformedFullWidth(t *testing.T) {
	t.Parallel()
	const advice = `switch the input method to half-width (半角) for TOML's own characters (= . " [ ] and spaces); Chinese text belongs inside the quotes`
	for _, c := range []struct{ name, text, want string }{
		{"dot", "[[service]]\nid = \"1\"\nname．zh = \"办事\"\n", "x.toml:3:5: malformed TOML: expected '.' or '=', but got '．' instead: the character here is the full-width ． (U+FF0E), where TOML wants the half-width ."},
		{"equals", "[[service]]\nid ＝ \"1\"\n", "x.toml:2:4: malformed TOML: expected '.' or '=', but got '＝' instead: the character here is the full-width ＝ (U+FF1D), where TOML wants the half-width ="},
		{"colon", "[[service]]\nid： \"1\"\n", "x.toml:2:3: malformed TOML: expected '.' or '=', but got '：' instead: the character here is the full-width colon ："},
		{"quote", "[[service]]\nid = “1”\n", "x.toml:2:6: malformed TOML: expected value but found '“' instead: the character here is the Chinese quotation mark “ (U+201C)"},
		{"space", "[[service]]\n\u3000id = \"1\"\n", "x.toml:2:1: malformed TOML: expected '.' or '=', but got '\\u3000' instead: the character here is 「\u3000」, 全角空格 (a full-width space, U+3000)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(c.text)}}, "x.toml")
			if !strings.Contains(got, c.want) || !strings.Contains(got, advice) {
				t.Errorf("got  %q\nwant %q … %q", got, c.want, advice)
			}
		})
	}
	got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte("[[service]]\nid = 1 2\n")}}, "x.toml")
	if strings.Contains(got, "全角") {
		t.Errorf("a half-width mistake is blamed on the input method: %q", got)
	}
}

// TestDuplicateKeyFirstLine: a key defined twice says where it was first
// defined; in an array of tables, within the same element.
func TestDuplicateKeyFirstLine(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, text, want string }{
		{"dotted", "[[service]]\nid = \"1\"\ntitle.zh = \"a\"\ntitle.en = \"b\"\ntitle.zh = \"c\"\n", "x.toml:5:1: malformed TOML: Key 'service.title.zh' has already been defined (first at line 3): remove one of the two"},
		{"second-element", "[[service]]\nid = \"1\"\n\n[[service]]\nid = \"2\"\nphone = \"1\"\nid = \"3\"\n", "x.toml:7:1: malformed TOML: Key 'service.id' has already been defined (first at line 5)"},
		{"inline-then-dotted", "[[service]]\nid = \"1\"\ntitle = { zh = \"a\" }\ntitle.zh = \"b\"\n", "(first at line 3)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(c.text)}}, "x.toml")
			if !strings.Contains(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
