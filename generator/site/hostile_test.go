package site

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"qingdan/generator/content"
)

// TestRefusedContent: issue 12 finding 3, one case each. Each change was
// accepted on main and rendered wrong; now the build fails with the error
// at the file:line:column of at (a part of the new text). The changes are
// made to the small complete site the error cases start from (miniSite),
// not to the real content, which each case loaded whole.
func TestRefusedContent(t *testing.T) {
	t.Parallel()
	const organs = "name = { zh = \"行政机关\", en = \"Administrative Organs\" }\naliases = { zh = [], en = [] }"
	for _, c := range []struct{ name, file, old, new, at, want string }{
		{"alias-is-another-body's-short-name", "registry/bodies.toml", "aliases = { zh = [], en = [] }\n\n[[body]]\nid = \"administrative-organs\"\n" + organs,
			"aliases = { zh = [\"测局\", \"测试\"], en = [] }\n\n[[body]]\nid = \"administrative-organs\"\n" + strings.Replace(organs, "zh = []", "zh = [\"测局\"]", 1),
			`"测局"]`, `"测局" is already a name of body test-bureau`},
		{"alias-is-another-body's-full-name", "registry/bodies.toml", organs, strings.Replace(organs, "zh = []", "zh = [\"测试局\"]", 1),
			`"测试局"`, `"测试局" is already a name of body test-bureau`},
		{"mention-inside-link", "departments/qts/systems/1.toml", `body = { zh = "生产企业。"`, `body = { zh = "执行[《产品质量法》](https://example.org/)。"`,
			"《", "a 《…》 mention inside a link"},
		{"base-url-another-host", "site.toml", `base_url = "/"`, `base_url = "//evil.example/"`, "base_url", `base_url "//evil.example/" is not an http:// or https:// address`},
		{"base-url-not-a-path", "site.toml", `base_url = "/"`, `base_url = "qingdan"`, "base_url", `is not an http:// or https:// address`},
		{"base-url-file", "site.toml", `base_url = "/"`, `base_url = "https://www.example.gov.cn/qingdan/index.html"`, "base_url", `does not name a folder`},
		{"base-url-script", "site.toml", `base_url = "/"`, `base_url = "javascript:alert(1)//"`, "base_url", `is not an http:// or https:// address`},
		{"error-report-javascript", "site.toml", `base_url = "/"`, "base_url = \"/\"\nerror_report_url = \"javascript:alert(1)\"", "error_report_url", `is not a web address`},
		{"february-31", "departments/qts/department.toml", `date = "2015-07"`, `date = "2015-02-31"`, "date", `date "2015-02-31" is not a day of the calendar`},
		{"series-0", "departments/qts/department.toml", `series = 1`, `series = 0`, "series", `series must be a positive number`},
		{"regime-twice", "departments/qts/duties/1.toml", `regimes = ["quality"]`, `regimes = ["quality", "quality"]`,
			`"quality"]`, `regime "quality" is listed twice`},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			site := miniSite(t, nil)
			b := string(site[c.file].Data)
			s := strings.Replace(b, c.old, c.new, 1)
			if s == b {
				t.Fatalf("%s has no %q: fixture changed", c.file, c.old)
			}
			site[c.file] = &fstest.MapFile{Data: []byte(s)}
			_, err := Build(site, os.DirFS("../../layouts"))
			if err == nil {
				t.Fatal("build succeeded")
			}
			want := posOf(c.file, s, strings.Index(s, c.new)+strings.Index(c.new, c.at)) + ": "
			if got := err.Error(); !strings.Contains(got, want) || !strings.Contains(got, c.want) {
				t.Errorf("want %s…%s\ngot:\n%s", want, c.want, got)
			}
		})
	}
}

// posOf is the file:line:column of byte off of text, as an editor shows it.
func posOf(file, text string, off int) string {
	line := strings.Count(text[:off], "\n") + 1
	col := utf8.RuneCountInString(text[strings.LastIndexByte(text[:off], '\n')+1:off]) + 1
	return content.Pos{File: file, Line: line, Col: col}.String()
}

// TestEmptyFilesReportThemselves: issue 12 finding 4. An empty or BOM-only
// duty file gave errors about other files' item numbers, and an empty
// services.toml was reported at department.toml.
func TestEmptyFilesReportThemselves(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"departments/qts/duties/1.toml", "departments/qts/services.toml"} {
		for _, text := range []string{"", "\uFEFF", "\uFEFF\n# to do\n"} {
			_, err := Build(miniSite(t, fstest.MapFS{file: {Data: []byte(text)}}), os.DirFS("../../layouts"))
			es := content.AsErrors(err)
			if len(es) != 1 || es[0].Error() != file+":1:1: the file is empty: write its records (see the package documentation for its format), or delete the file" {
				t.Errorf("%s holding %q: got\n%v", file, text, err)
			}
		}
	}
}

// TestMissingUIString: a missing interface string is reported in
// i18n.toml, at its [ui] table, with its key.
func TestMissingUIString(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../../content/i18n.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "\"nav.home\" = ", "\"nav.homepage\" = ", 1)
	_, err = Build(miniSite(t, fstest.MapFS{"i18n.toml": {Data: []byte(s)}}), os.DirFS("../../layouts"))
	want := posOf("i18n.toml", s, strings.Index(s, "[ui]")) + `: interface string "nav.home"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want %s…, got %v", want, err)
	}
}
