package site

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"qingdan/generator/content"
)

// TestRefusedContent: issue 12 finding 3, one case each. Each change to
// the real content was accepted on main and rendered wrong; now the build
// fails with the error at the file:line:column of at (a part of the new
// text).
func TestRefusedContent(t *testing.T) {
	for _, c := range []struct{ name, file, old, new, at, want string }{
		{"alias-is-another-body's-short-name", "registry/bodies.toml", `aliases = { zh = ["市食品药品监督管理局"]`, `aliases = { zh = ["市食品药品监督管理局", "市质监局"]`,
			`"市质监局"`, `"市质监局" is already a name of body linyi-qts`},
		{"alias-is-another-body's-full-name", "registry/bodies.toml", `aliases = { zh = ["市食品药品监督管理局"]`, `aliases = { zh = ["临沂市质量技术监督局", "市食品药品监督管理局"]`,
			`"临沂`, `"临沂市质量技术监督局" is already a name of body linyi-qts`},
		{"mention-inside-link", "departments/linyi-qts/systems/1.toml", "执行《工业产品生产许可证管理条例》", "执行[《工业产品生产许可证管理条例》](https://example.org/)",
			"《", "a 《…》 mention inside a link"},
		{"base-url-another-host", "site.toml", `base_url = ""`, `base_url = "//evil.example/"`, "base_url", `base_url "//evil.example/" is not an http:// or https:// address`},
		{"base-url-not-a-path", "site.toml", `base_url = ""`, `base_url = "qingdan"`, "base_url", `is not an http:// or https:// address`},
		{"base-url-file", "site.toml", `base_url = ""`, `base_url = "https://www.example.gov.cn/qingdan/index.html"`, "base_url", `does not name a folder`},
		{"base-url-script", "site.toml", `base_url = ""`, `base_url = "javascript:alert(1)//"`, "base_url", `is not an http:// or https:// address`},
		{"error-report-javascript", "site.toml", `error_report_url = ""`, `error_report_url = "javascript:alert(1)"`, "error_report_url", `is not a web address`},
		{"february-31", "departments/linyi-qts/department.toml", `date = "2015-07"`, `date = "2015-02-31"`, "date", `date "2015-02-31" is not a day of the calendar`},
		{"series-0", "departments/linyi-qts/department.toml", `series = 35`, `series = 0`, "series", `series must be a positive number`},
		{"regime-twice", "departments/linyi-qts/duties/1.toml", `regimes = ["enforcement"]`, `regimes = ["enforcement", "enforcement"]`,
			`"enforcement"]`, `regime "enforcement" is listed twice`},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile("../../content/" + c.file)
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(b), c.old, c.new, 1)
			if s == string(b) {
				t.Fatalf("%s has no %q: fixture changed", c.file, c.old)
			}
			_, err = Build(overlay{os.DirFS("../../content"), fstest.MapFS{c.file: {Data: []byte(s)}}}, os.DirFS("../../layouts"))
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
	for _, file := range []string{"departments/linyi-qts/duties/2.toml", "departments/linyi-qts/services.toml"} {
		for _, text := range []string{"", "\uFEFF", "\uFEFF\n# to do\n"} {
			_, err := Build(overlay{os.DirFS("../../content"), fstest.MapFS{file: {Data: []byte(text)}}}, os.DirFS("../../layouts"))
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
	b, err := os.ReadFile("../../content/i18n.toml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "\"nav.home\" = ", "\"nav.homepage\" = ", 1)
	_, err = Build(overlay{os.DirFS("../../content"), fstest.MapFS{"i18n.toml": {Data: []byte(s)}}}, os.DirFS("../../layouts"))
	want := posOf("i18n.toml", s, strings.Index(s, "[ui]")) + `: interface string "nav.home"`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("want %s…, got %v", want, err)
	}
}
