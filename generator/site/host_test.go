package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// A site as a publisher would host it: a full address under a sub-folder,
// every code, the contact, the error-report link and the badge (an image
// placed in content/).
const (
	hostBase   = "https://www.example.gov.cn/qingdan/"
	hostICP    = "鲁ICP备12345678号-1"
	hostPolice = "鲁公网安备 37130202000001号"
	hostBadge  = "https://bszs.conac.cn/sitename?method=show&id=ABC123"
	hostReport = "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?id=3713000001"
)

var (
	hostedOnce sync.Once
	hostedOut  *Output
	hostedErr  error
	badgePNG   = tinyPNG(44, 55)
	policePNG  = tinyPNG(18, 20)
)

// tinyPNG is a PNG image w×h pixels.
func tinyPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	img.Set(1, 1, color.NRGBA{200, 0, 0, 255})
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// hostedSiteTOML is content/site.toml with each key set as in edits.
func hostedSiteTOML(t *testing.T, edits map[string]string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../content/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for key, val := range edits {
		i := indexPrefix(lines, key+" = ")
		if i < 0 {
			t.Fatalf("content/site.toml has no %s: fixture changed", key)
		}
		lines[i] = key + " = " + val
	}
	return []byte(strings.Join(lines, "\n"))
}

func indexPrefix(lines []string, p string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, p) {
			return i
		}
	}
	return -1
}

// hostedEdits are the site.toml values of the hosted site.
var hostedEdits = map[string]string{
	"base_url":         `"` + hostBase + `"`,
	"site_code":        `"3713000001"`,
	"icp":              `"` + hostICP + `"`,
	"police_code":      `"` + hostPolice + `"`,
	"police_icon":      `"police.png"`,
	"contact":          `{ zh = "办公室 0539-0000000", en = "General Office, 0539-0000000" }`,
	"error_report_url": `"` + hostReport + `"`,
	"badge":            `{ image = "images/badge.png", url = "` + hostBadge + `" }`,
}

// hostedSite is the small complete site the error cases start from
// (miniSite), with every site.toml field of hostedEdits set. It has a page
// of every kind the real content has (fewer of each): the footer,
// canonical, sitemap and 404 tests that read it are about every page's
// frame, not the records, and a second build of the real content cost
// seconds under the race detector.
func hostedSite(t *testing.T) *Output {
	t.Helper()
	hostedOnce.Do(func() {
		files := miniSite(t, nil)
		toml, ok := strings.CutSuffix(string(files["site.toml"].Data), "base_url = \"/\"\n")
		if !ok {
			hostedErr = fmt.Errorf("%s: its site.toml does not end with base_url = \"/\": fix the test", baseCase)
			return
		}
		for _, k := range slices.Sorted(maps.Keys(hostedEdits)) {
			toml += k + " = " + hostedEdits[k] + "\n"
		}
		files["site.toml"] = &fstest.MapFile{Data: []byte(toml)}
		files["images/badge.png"] = &fstest.MapFile{Data: badgePNG}
		files["police.png"] = &fstest.MapFile{Data: policePNG}
		hostedOut, hostedErr = Build(files, os.DirFS("../../layouts"))
	})
	if hostedErr != nil {
		t.Fatalf("building the hosted site: %v", hostedErr)
	}
	return hostedOut
}

// allPages lists every HTML page of a built site.
func allPages(out *Output) []string {
	var ps []string
	for _, n := range out.Names() {
		if strings.HasSuffix(n, ".html") {
			ps = append(ps, n)
		}
	}
	return ps
}

// footerOf is a page's footer element.
func footerOf(t *testing.T, out *Output, p string) *html.Node {
	t.Helper()
	fs := findAll(parsePage(t, p, out.Files[p]), tagIs("footer"))
	if len(fs) != 1 {
		t.Fatalf("%s has %d footers, want 1", p, len(fs))
	}
	return fs[0]
}

// TestFooterHosted: with every field set, every page — the entry page and
// 404.html too — carries the whole footer: organizer, contact, site map,
// site code, the ICP number linked to the MIIT register, the
// public-security number linked to its record with its issued icon, and the
// 党政机关网站标识 linked to its record, its image copied to the output.
func TestFooterHosted(t *testing.T) {
	t.Parallel()
	out := hostedSite(t)
	if !bytes.Equal(out.Files["assets/badge.png"], badgePNG) {
		t.Error("the badge's image is not copied to assets/badge.png as it is")
	}
	if !bytes.Equal(out.Files["assets/police.png"], policePNG) {
		t.Error("the public-security icon's image is not copied to assets/police.png as it is")
	}
	pages := allPages(out)
	if len(pages) < 40 {
		t.Fatalf("only %d pages", len(pages))
	}
	police := "https://beian.mps.gov.cn/#/query/webSearch?code=37130202000001"
	for _, p := range pages {
		f := footerOf(t, out, p)
		text := collapse(nodeText(f))
		for _, want := range []string{miniOwnerOn(p), "0539-0000000", "3713000001", hostICP, hostPolice} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the footer does not say %q: %s", p, want, text)
			}
		}
		links := map[string]*html.Node{}
		for _, a := range findAll(f, tagIs("a")) {
			links[attr(a, "href")] = a
		}
		if a := links[icpRegister]; a == nil || collapse(nodeText(a)) != hostICP {
			t.Errorf("%s: the ICP number is not a link to %s", p, icpRegister)
		}
		a := links[police]
		if a == nil || collapse(nodeText(a)) != hostPolice {
			t.Errorf("%s: the public-security number is not a link to %s", p, police)
		} else if imgs := findAll(a, tagIs("img")); len(imgs) != 1 || hostedResolve(p, attr(imgs[0], "src")) != "assets/police.png" ||
			attr(imgs[0], "width") != "18" || attr(imgs[0], "height") != "20" {
			t.Errorf("%s: the public-security link does not show the issued icon, assets/police.png, 18×20", p)
		}
		b := links[hostBadge]
		if b == nil {
			t.Errorf("%s: no 党政机关网站标识 linked to its record", p)
			continue
		}
		imgs := findAll(b, tagIs("img"))
		if len(imgs) != 1 || hostedResolve(p, attr(imgs[0], "src")) != "assets/badge.png" || attr(imgs[0], "alt") == "" ||
			attr(imgs[0], "width") != "44" || attr(imgs[0], "height") != "55" {
			t.Errorf("%s: the badge is not the image assets/badge.png, 44×55, with alt text", p)
		}
		if sm := resolveAll(p, findAll(f, tagIs("a"))); !sm["zh/sitemap/index.html"] && !sm["en/sitemap/index.html"] {
			t.Errorf("%s: the footer does not link the site map", p)
		}
	}
}

// ownerOn is the organizer's name as page p shows it.
func ownerOn(p string) string {
	if strings.HasPrefix(p, "en/") {
		return "Linyi Municipal Bureau of Quality and Technical Supervision"
	}
	return "临沂市质量技术监督局"
}

// miniOwnerOn is the organizer's name as page p of miniSite shows it.
func miniOwnerOn(p string) string {
	if strings.HasPrefix(p, "en/") {
		return "Test Bureau"
	}
	return "测试局"
}

// hostedResolve is the output file a link on page p of the hosted site
// leads to (a path from the host's root is under /qingdan/).
func hostedResolve(p, ref string) string {
	if strings.HasPrefix(ref, "/qingdan/") {
		ref = strings.TrimPrefix(ref, "/qingdan")
	}
	return resolve(p, ref)
}

// resolveAll is the set of output files the links as lead to from page p
// of the hosted site.
func resolveAll(p string, as []*html.Node) map[string]bool {
	set := map[string]bool{}
	for _, a := range as {
		set[hostedResolve(p, attr(a, "href"))] = true
	}
	return set
}

// TestFooterFields: each code appears in the footer only when set, and
// nothing is invented for an empty one; the organizer and the site map
// are on every page of a site with nothing set, the entry page and the
// 404 page included.
func TestFooterFields(t *testing.T) {
	long(t)
	t.Parallel()
	for _, c := range []struct{ key, val, want string }{
		{"site_code", `"3713000001"`, "3713000001"},
		{"icp", `"鲁ICP备12345678号"`, icpRegister},
		{"police_code", `"鲁公网安备 37130202000001号"`, policeRegister},
		{"contact", `{ zh = "办公室 0539-0000000", en = "Office 0539-0000000" }`, "0539-0000000"},
	} {
		files := fstest.MapFS{"site.toml": {Data: hostedSiteTOML(t, map[string]string{c.key: c.val})}}
		out, err := Build(overlay{os.DirFS("../../content"), files}, os.DirFS("../../layouts"))
		if err != nil {
			t.Fatalf("%s set: %v", c.key, err)
		}
		for _, p := range []string{"index.html", "404.html", "zh/index.html", "en/linyi-qts/duties/3/index.html"} {
			footer := string(out.Files[p][bytes.Index(out.Files[p], []byte("<footer")):])
			for _, marker := range []string{"3713000001", icpRegister, policeRegister, "0539-0000000", "badge.png"} {
				if got := strings.Contains(footer, marker); got != (marker == c.want) {
					t.Errorf("with only %s set, %s's footer has %q: %v", c.key, p, marker, got)
				}
			}
		}
	}
	out := realSite(t)
	for _, p := range allPages(out) {
		text := collapse(nodeText(footerOf(t, out, p)))
		if !strings.Contains(text, ownerOn(p)) || !strings.Contains(text, "网站地图") && !strings.Contains(text, "Site map") {
			t.Errorf("%s: the footer lacks the organizer or the site map: %s", p, text)
		}
		for _, never := range []string{"ICP", "公网安备", "网站标识码", "Website identification code"} {
			if strings.Contains(text, never) {
				t.Errorf("%s: the footer shows %q with no code set", p, never)
			}
		}
	}
}

// TestErrorReportLink: the error-report link is on the entry page and both
// homes when it is set, and nowhere when it is not.
func TestErrorReportLink(t *testing.T) {
	t.Parallel()
	hosted, plain := hostedSite(t), realSite(t)
	for _, p := range []string{"index.html", "zh/index.html", "en/index.html"} {
		var found bool
		for _, a := range findAll(parsePage(t, p, hosted.Files[p]), tagIs("a")) {
			if attr(a, "href") == hostReport {
				found = strings.Contains(nodeText(a), "我为政府网站找错") || strings.Contains(nodeText(a), "Report an error on this site")
			}
		}
		if !found {
			t.Errorf("%s has no error-report link labelled 我为政府网站找错 / Report an error on this site", p)
		}
		if bytes.Contains(plain.Files[p], []byte("我为政府网站找错")) || bytes.Contains(plain.Files[p], []byte("Report an error")) {
			t.Errorf("%s has an error-report link though none is set", p)
		}
	}
}
