package generator

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestRenderCases renders the input of each testdata/render case (a Prose or
// Text value, in a language) and compares the HTML with the case's want.
func TestRenderCases(t *testing.T) {
	eachCase(t, "testdata/render", func(t *testing.T, files fstest.MapFS, want []string) {
		kind, lang, _ := strings.Cut(strings.TrimSpace(string(file(files, "kind"))), " ")
		input := strings.TrimSuffix(string(file(files, "input")), "\n")
		var got string
		switch kind {
		case "prose":
			h, err := proseHTML(Lang(lang), input, stubLinks{}, stubLinks{})
			if err != nil {
				t.Fatal(err)
			}
			got = string(h)
		case "text":
			got = string(textHTML(Lang(lang), input, stubLinks{}, stubLinks{}, nil))
		default:
			t.Fatalf("unknown kind %q", kind)
		}
		if strings.TrimSpace(got) != strings.Join(want, "\n") {
			t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
		}
	})
}

func file(fs fstest.MapFS, name string) []byte {
	if f := fs[name]; f != nil {
		return f.Data
	}
	return nil
}
