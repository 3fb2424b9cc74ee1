package content

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTypeErrorsInTOMLTerms: a value of the wrong type says what TOML value
// the key takes and how to write it, never a Go type ("type mismatch for
// content.Text: expected table but found string" said nothing of what to
// write).
func TestTypeErrorsInTOMLTerms(t *testing.T) {
	t.Parallel()
	goTypes := regexp.MustCompile(`content\.|int64|float64|slice|time\.Time|\[\]any|map\[|struct|destination`)
	for _, c := range []struct{ name, text, want string }{
		{"text-as-string", "body = \"x\"\ntitle = \"责任清单\"\n", `x.toml:2:1: wrong type for title (text in quotes here): title needs a Chinese and an English text: write title.zh = "…" and title.en = "…" (or title = { zh = "…", en = "…" })`},
		{"number-in-quotes", "series = \"35\"\n", `x.toml:1:1: wrong type for series (text in quotes here): series needs a whole number, without quotes`},
		{"number-as-list", "series = [35]\n", `x.toml:1:1: wrong type for series (a list [ … ] here): series needs a whole number`},
		{"date-unquoted", "date = 2015-07-01\n", `x.toml:1:1: wrong type for date (a date or time without quotes here): the date needs to be in quotes, "YYYY-MM" or "YYYY-MM-DD"`},
		{"zh-number", "title.zh = 3\n", `x.toml:1:1: wrong type for title.zh (a whole number here): title.zh needs text in quotes: title.zh = "…"`},
		{"text-as-list", "title = [\"a\", \"b\"]\n", `wrong type for title (a list [ … ] here): title needs a Chinese and an English text`},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := &loader{fsys: fstest.MapFS{"x.toml": {Data: []byte(c.text)}}, c: &Content{locs: map[any]Loc{}}}
			l.file("x.toml", &Department{})
			got := ""
			if err := l.errs.Err(); err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
			if m := goTypes.FindString(got); m != "" {
				t.Errorf("the message names the Go type %q: %q", m, got)
			}
		})
	}
	l := &loader{fsys: fstest.MapFS{"x.toml": {Data: []byte("[[basis]]\ncircumstances = [\"包庇的；\"]\n")}}, c: &Content{locs: map[any]Loc{}}}
	l.file("x.toml", &struct {
		Basis []struct {
			Circumstances []Text `toml:"circumstances"`
		} `toml:"basis"`
	}{})
	want := `wrong type for basis.circumstances (text in quotes here): circumstances is a list of texts, each in Chinese and English: circumstances = [{ zh = "…", en = "…" }`
	if got := l.errs.Err(); got == nil || !strings.Contains(got.Error(), want) || goTypes.MatchString(got.Error()) {
		t.Errorf("got  %v\nwant %q", got, want)
	}
	for _, c := range []struct{ name, text, want string }{
		{"list-as-string", "[[service]]\nid = \"1\"\nregimes = \"enforcement\"\n", `x.toml:3:1: wrong type for service.regimes (text in quotes here): regimes needs a list of texts in quotes: regimes = ["…", "…"] (one text is still a list: regimes = ["…"])`},
		{"list-element", "[[service]]\nid = \"1\"\nregimes = [\"a\", 2]\n", `x.toml:3:17: wrong type for service.regimes (a whole number here): regimes is a list of texts, each in quotes`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(c.text)}}, "x.toml")
			if !strings.Contains(got, c.want) || goTypes.MatchString(got) {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
