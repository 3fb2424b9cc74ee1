package markup

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// TestDestinations lists the destinations of a document as a browser reads
// them, each with the offset where it is written: "^" in the line under the
// source marks each offset.
func TestDestinations(t *testing.T) {
	t.Parallel()
	cases := []struct{ src, marks, want string }{
		{"[a](https://x.cn/) b", "    ^", "https://x.cn/"},
		{"[*a* `b`](<java\tscript:x>)", "           ^", "javascript:x"},
		{"[](&#106;avascript:x)", "   ^", "javascript:x"},
		{"see <JavaScript:x> and <a@b.cn>", "     ^                  ^", "JavaScript:x mailto:a@b.cn"},
		{"[a [b] c](\\/\\/host)", "          ^", "//host"},
		{"![i](data:x)", "     ^", "data:x"},
		{"[a][r] [r]\n\n[r]: file:x", "                 ^", "file:x"},
	}
	for _, c := range cases {
		src := []byte(c.src)
		doc := markdown.Parser().Parse(text.NewReader(src))
		var urls []string
		marks := []byte(strings.Repeat(" ", len(src)))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if d, ok := DestinationOf(n, src); ok && entering {
				urls = append(urls, d.URL)
				marks[d.Off] = '^'
			}
			return ast.WalkContinue, nil
		})
		got := strings.Join(urls, " ")
		if got != c.want || strings.TrimRight(string(marks), " ") != c.marks {
			t.Errorf("%q:\n got %q at\n%s\nwant %q at\n%s", c.src, got, marks, c.want, c.marks)
		}
	}
}

func TestScheme(t *testing.T) {
	t.Parallel()
	for u, want := range map[string]string{
		"https://x.cn": "https", "HTTP://x": "http", "javascript:x": "javascript",
		"vbscript:x": "vbscript", "mailto:a@b": "mailto", "//host/a": "//", "\\\\host": "//",
		"/a/b.html": "", "a/b:c": "", "#x": "", "x.html?a=b:c": "", "tel:0539": "tel",
	} {
		if got := Scheme(u); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", u, got, want)
		}
	}
}
