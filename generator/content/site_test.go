package content

import (
	"strings"
	"testing"
)

// TestParseBase: base_url is empty, an absolute http(s) address of a
// folder, or a folder alone; anything else is refused with what to write.
func TestParseBase(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, url, path, err string
	}{
		{"", "", "/", ""},
		{"/", "", "/", ""},
		{"/qingdan/", "", "/qingdan/", ""},
		{"https://www.example.gov.cn/qingdan/", "https://www.example.gov.cn/qingdan/", "/qingdan/", ""},
		{"https://www.example.gov.cn", "https://www.example.gov.cn/", "/", ""},
		{"http://127.0.0.1:8080/a/b/", "http://127.0.0.1:8080/a/b/", "/a/b/", ""},
		{"HTTPS://WWW.Example.gov.cn/x/", "https://WWW.Example.gov.cn/x/", "/x/", ""},
		{"https://www.example.gov.cn/qingdan", "", "", "end it with / (the site is the folder /qingdan/)"},
		{"https://www.example.gov.cn/qingdan/index.html", "", "", "not a file in it (/qingdan/)"},
		{"/qingdan", "", "", "end it with /"},
		{"//evil.example/", "", "", "is not an http:// or https:// address"},
		{"qingdan/", "", "", "is not an http:// or https:// address"},
		{"ftp://example.gov.cn/", "", "", "is not an http:// or https:// address"},
		{"javascript:alert(1)//", "", "", "is not an http:// or https:// address"},
		{"https:///qingdan/", "", "", "is not an http:// or https:// address"},
		{"https://user:pw@example.gov.cn/", "", "", "holds a user, query or fragment"},
		{"https://example.gov.cn/?a=1", "", "", "holds a user, query or fragment"},
		{"https://example.gov.cn/#top", "", "", "holds a user, query or fragment"},
		{"https://example.gov.cn/a//b/", "", "", "does not name a folder"},
		{"https://example.gov.cn/a/../b/", "", "", "does not name a folder"},
		{"https://example.gov.cn/a b/", "", "", "does not name a folder"},
		{"https://example.gov.cn/%E4%B8%AD/", "", "", "does not name a folder"},
		{"https://政府.cn/", "", "", "is not an http:// or https:// address"},
		{"/a/./b/", "", "", "is not a folder on the host"},
	} {
		b, err := ParseBase(c.in)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("ParseBase(%q): %v", c.in, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("ParseBase(%q) = %+v, %v; want an error saying %q", c.in, b, err, c.err)
		case c.err == "" && (b.URL != c.url || b.Path != c.path):
			t.Errorf("ParseBase(%q) = %+v, want URL %q, Path %q", c.in, b, c.url, c.path)
		}
	}
}

// TestPoliceRecord: the register's address takes the filing number's digits.
func TestPoliceRecord(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"鲁公网安备 37130202000001号": "37130202000001",
		"京公网安备11010502030143号":  "11010502030143",
		"鲁公网安备号":                "",
	} {
		if got := PoliceRecord(in); got != want {
			t.Errorf("PoliceRecord(%q) = %q, want %q", in, got, want)
		}
	}
}
