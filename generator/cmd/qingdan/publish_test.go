package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestCheckPublishLists: check warns of, and check -publish fails on,
// everything site.toml still lacks for a government host, each at its
// key in site.toml: the full address (saying what it leaves out and that
// the 404 page assumes the host's root), the codes, the badge, the
// error-report link, the contact and the data licence. A folder-only
// base_url is reported as such, and so is an http:// one. A failing
// -publish ends saying the site is not ready and how many problems it
// listed, and never says "content ok" alone. With all of them given,
// -publish passes.
func TestCheckPublishLists(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, "../../../content", content)
	var out, errb bytes.Buffer
	if code := run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 1 {
		t.Fatalf("check -publish of content with nothing issued exited %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
	last := regexp.MustCompile(`^content ok \(\d+ pages would be built\), but not ready to publish: (\d+) problem\(s\) above$`).FindStringSubmatch(lines[len(lines)-1])
	if last == nil || last[1] != strconv.Itoa(len(lines)-1) {
		t.Errorf("check -publish does not end by saying it is not ready, with the %d problems above:\n%s", len(lines)-1, errb.String())
	}
	if strings.Contains(out.String(), "content ok") || strings.Contains(errb.String(), "warning:") {
		t.Errorf("check -publish that fails says content ok alone, or calls a failure a warning:\n%s%s", out.String(), errb.String())
	}
	for _, key := range []string{"base_url", "site_code", "icp", "police_code", "police_icon", "badge", "error_report_url", "contact", "data_licence"} {
		if !regexp.MustCompile(`site\.toml:\d+:\d+: not ready to publish: ` + key + ` is empty`).MatchString(errb.String()) {
			t.Errorf("check -publish does not list %s:\n%s", key, errb.String())
		}
	}
	for _, says := range []string{"no canonical link", "no hreflang alternates", "sitemap.xml is not written", "assumes the site is at /"} {
		if !strings.Contains(errb.String(), says) {
			t.Errorf("check -publish does not say %q of base_url:\n%s", says, errb.String())
		}
	}

	site := filepath.Join(content, "site.toml")
	edit(t, site, `base_url = ""`, `base_url = "/qingdan/"`)
	errb.Reset()
	run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb)
	if !strings.Contains(errb.String(), "base_url is a folder only") || !strings.Contains(errb.String(), "the 404 page links from /qingdan/") {
		t.Errorf("check -publish with a folder-only base_url:\n%s", errb.String())
	}

	for old, val := range map[string]string{
		`base_url = "/qingdan/"`:              `base_url = "https://www.example.gov.cn/qingdan/"`,
		`site_code = ""`:                      `site_code = "3713000001"`,
		`icp = ""`:                            `icp = "鲁ICP备12345678号"`,
		`police_code = ""`:                    `police_code = "鲁公网安备 37130202000001号"`,
		`police_icon = ""`:                    `police_icon = "police.png"`,
		`badge = { image = "", url = "" }`:    `badge = { image = "badge.png", url = "https://bszs.conac.cn/sitename?method=show&id=1" }`,
		`error_report_url = ""`:               `error_report_url = "https://zfwzzc.www.gov.cn/"`,
		`contact = { zh = "", en = "" }`:      `contact = { zh = "办公室", en = "General Office" }`,
		`data_licence = { zh = "", en = "" }`: `data_licence = { zh = "署名", en = "Attribution" }`,
	} {
		edit(t, site, old, val)
	}
	var png bytes.Buffer
	if err := pngEncode(&png); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"badge.png", "police.png"} {
		if err := os.WriteFile(filepath.Join(content, f), png.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(t, site, `base_url = "https://www.example.gov.cn/qingdan/"`, `base_url = "http://www.example.gov.cn/qingdan/"`)
	out.Reset()
	errb.Reset()
	code := run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb)
	if code != 1 || !regexp.MustCompile(`site\.toml:\d+:\d+: not ready to publish: base_url http://www\.example\.gov\.cn/qingdan/ is an http:// address: .*set the https:// address, https://www\.example\.gov\.cn/qingdan/,`).MatchString(errb.String()) ||
		!strings.HasSuffix(errb.String(), "but not ready to publish: 1 problem(s) above\n") {
		t.Errorf("check -publish with an http:// base_url exited %d, want 1 and the base_url at fault:\n%s", code, errb.String())
	}
	edit(t, site, `base_url = "http://`, `base_url = "https://`)
	out.Reset()
	errb.Reset()
	if code := run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "content ok: ") {
		t.Errorf("check -publish with everything given exited %d:\n%s%s", code, out.String(), errb.String())
	}
}

// edit replaces old with val in the file f, which must hold old.
func edit(t *testing.T, f, old, val string) {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil || !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %s: fixture changed (%v)", f, old, err)
	}
	if err := os.WriteFile(f, bytes.Replace(b, []byte(old), []byte(val), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pngEncode(b *bytes.Buffer) error { return png.Encode(b, image.NewGray(image.Rect(0, 0, 8, 10))) }
