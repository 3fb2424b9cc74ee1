package markup

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"qingdan/generator/content"
)

// FuzzMarkup: mentions, Markdown and body names, on any text in either
// language, never panic; every mention offset is inside the text; a
// link's destination is found inside the text; a valid UTF-8 text gives valid UTF-8 HTML with no raw tag from the text.
func FuzzMarkup(f *testing.F) {
	for _, s := range []string{"依据《产品质量法》第五条", "Under the 《product-quality-law》.", "《未闭合", "《》", "《a《b》",
		"1. 市公安局和公安部门\n2. [《产品质量法》](https://x.org/)", "<script>alert(1)</script>", "**《产品质量法》**\n\n- 市政府",
		"`code` 《产品质量法》", "[a](javascript:alert(1))", "<javascript:x> <a@b.cn>", "[a][r]\n\n[r]: <java\tscript:x>", "《山东省实施〈标准化法〉办法》"} {
		f.Add(false, s)
		f.Add(true, s)
	}
	names := NewNames(content.Zh, testBodies, []string{"公安部门"}).Links(func(b *content.Body) string { return "/bodies/" + b.ID + "/" })
	f.Fuzz(func(t *testing.T, en bool, s string) {
		l := content.Zh
		if en {
			l = content.En
		}
		EachMention([]byte(s), func(off, n int, _ string, ok bool) {
			if off < 0 || off+max(n, len(openTitle)) > len(s) {
				t.Fatalf("mention at %d+%d outside a text of %d bytes", off, n, len(s))
			}
		})
		doc, unresolved := ParseProse(l, []byte(s), stubLinks{})
		for _, u := range unresolved {
			if u.Off < 0 || u.Off > len(s) {
				t.Fatalf("unresolved mention at %d outside the text", u.Off)
			}
		}
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if d, ok := DestinationOf(n, []byte(s)); ok && (d.Off < 0 || d.Off > len(s)) {
				t.Fatalf("link destination at %d outside the text", d.Off)
			}
			return ast.WalkContinue, nil
		})
		h, err := ProseHTML(l, s, stubLinks{}, stubLinks{})
		if err != nil {
			t.Fatal(err)
		}
		th := TextHTML(l, s, stubLinks{}, stubLinks{}, names)
		for _, out := range []string{string(h), string(th)} {
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out of valid text: %q", out)
			}
			if strings.Contains(strings.ToLower(out), "<script") {
				t.Fatalf("a script tag reached the HTML: %q", out)
			}
		}
		Plain(l, s, stubLinks{})
		ProseText(l, s, stubLinks{})
	})
}
