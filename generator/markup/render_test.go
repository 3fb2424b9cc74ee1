package markup

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"qingdan/generator/content"
)

// TestRenderCases renders the input of each testdata/render case (a Prose or
// Text value, in a language) and compares the HTML with the case's want.
func TestRenderCases(t *testing.T) {
	t.Parallel()
	cases, _ := filepath.Glob("testdata/render/*.txt")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/render")
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c), ".txt"), func(t *testing.T) {
			a, err := txtar.ParseFile(c)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range a.Files {
				files[f.Name] = string(f.Data)
			}
			kind, lang, _ := strings.Cut(strings.TrimSpace(files["kind"]), " ")
			input := strings.TrimSuffix(files["input"], "\n")
			var got string
			switch kind {
			case "prose":
				h, err := ProseHTML(content.Lang(lang), input, stubLinks{}, stubLinks{})
				if err != nil {
					t.Fatal(err)
				}
				got = string(h)
			case "text":
				got = string(TextHTML(content.Lang(lang), input, stubLinks{}, stubLinks{}, nil))
			default:
				t.Fatalf("unknown kind %q", kind)
			}
			if want := strings.TrimSpace(files["want"]); strings.TrimSpace(got) != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
