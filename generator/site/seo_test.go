package site

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"image/color"
	"image/png"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"qingdan/generator/content"
)

// pageURL is the site path of an output page: zh/laws/index.html is
// /zh/laws/.
func pageURL(file string) string {
	return "/" + strings.TrimSuffix(file, "index.html")
}

// headOf lists a page's <meta> contents by name or property, and its
// <link> hrefs by rel (and hreflang).
func headOf(t *testing.T, out *Output, p string) (meta map[string]string, links map[string][]string) {
	t.Helper()
	doc := parsePage(t, p, out.Files[p])
	meta, links = map[string]string{}, map[string][]string{}
	for _, m := range findAll(doc, tagIs("meta")) {
		if k := attr(m, "name") + attr(m, "property"); k != "" {
			meta[k] = attr(m, "content")
		}
	}
	for _, l := range findAll(doc, tagIs("link")) {
		k := attr(l, "rel")
		if h := attr(l, "hreflang"); h != "" {
			k += " " + h
		}
		links[k] = append(links[k], attr(l, "href"))
	}
	return meta, links
}

// TestSitemap: sitemap.xml parses, lists every page but 404.html once, at
// its absolute address under base_url, each with its zh-CN, en and
// x-default alternates among the listed pages; robots.txt names it.
func TestSitemap(t *testing.T) {
	t.Parallel()
	out := hostedSite(t)
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Rel      string `xml:"rel,attr"`
				HrefLang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out.Files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml does not parse as XML: %v", err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		if listed[u.Loc] {
			t.Errorf("sitemap.xml lists %s twice", u.Loc)
		}
		listed[u.Loc] = true
	}
	var want []string
	for _, p := range allPages(out) {
		if p != "404.html" {
			want = append(want, hostBase+strings.TrimPrefix(pageURL(p), "/"))
		}
	}
	for _, w := range want {
		if !listed[w] {
			t.Errorf("sitemap.xml does not list %s", w)
		}
	}
	if len(sm.URLs) != len(want) {
		t.Errorf("sitemap.xml lists %d addresses, want %d (every page but 404.html)", len(sm.URLs), len(want))
	}
	for _, u := range sm.URLs {
		var langs []string
		for _, l := range u.Links {
			langs = append(langs, l.HrefLang)
			if l.Rel != "alternate" || !listed[l.Href] {
				t.Errorf("%s: alternate %s %s is not a listed page", u.Loc, l.HrefLang, l.Href)
			}
		}
		if !slices.Equal(langs, []string{"zh-CN", "en", "x-default"}) {
			t.Errorf("%s: alternates %v, want zh-CN, en, x-default", u.Loc, langs)
		}
		if strings.Contains(u.Loc, "/en/") && (len(u.Links) < 2 || u.Links[1].Href != u.Loc) {
			t.Errorf("%s: its en alternate is not itself", u.Loc)
		}
	}
	robots := string(out.Files["robots.txt"])
	if !strings.Contains(robots, "User-agent: *") || !strings.Contains(robots, "\nSitemap: "+hostBase+"sitemap.xml\n") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}
	plain := realSite(t)
	if plain.Files["sitemap.xml"] != nil {
		t.Error("a site without base_url has a sitemap.xml (its addresses cannot be absolute)")
	}
	if r := string(plain.Files["robots.txt"]); !strings.Contains(r, "User-agent: *") || strings.Contains(r, "Sitemap") {
		t.Errorf("robots.txt without base_url:\n%s", r)
	}
}

// TestCanonicalAndAlternates: with base_url, every page but 404.html has
// an absolute canonical link to itself, absolute hreflang alternates to
// its twins and og:url; without base_url none of them (a relative one is
// rejected by search engines).
func TestCanonicalAndAlternates(t *testing.T) {
	t.Parallel()
	out := hostedSite(t)
	for _, p := range allPages(out) {
		meta, links := headOf(t, out, p)
		if p == "404.html" {
			if len(links["canonical"])+len(links["alternate zh-CN"]) > 0 || meta["robots"] != "noindex" {
				t.Errorf("404.html: canonical %v, alternates %v, robots %q; want none and noindex", links["canonical"], links["alternate zh-CN"], meta["robots"])
			}
			continue
		}
		self := hostBase + strings.TrimPrefix(pageURL(p), "/")
		if c := links["canonical"]; len(c) != 1 || c[0] != self || meta["og:url"] != self {
			t.Errorf("%s: canonical %v, og:url %q; want %s", p, c, meta["og:url"], self)
		}
		zh, en, def := hostBase+"zh/", hostBase+"en/", hostBase
		if rest, ok := strings.CutPrefix(p, "zh/"); ok && rest != "index.html" {
			zh, en, def = self, hostBase+"en/"+strings.TrimPrefix(pageURL(rest), "/"), self
		} else if rest, ok := strings.CutPrefix(p, "en/"); ok && rest != "index.html" {
			zh, en = hostBase+"zh/"+strings.TrimPrefix(pageURL(rest), "/"), self
			def = zh
		}
		for hl, want := range map[string]string{"zh-CN": zh, "en": en, "x-default": def} {
			if got := links["alternate "+hl]; len(got) != 1 || got[0] != want {
				t.Errorf("%s: hreflang %s %v, want %s", p, hl, got, want)
			}
		}
	}
	plain := realSite(t)
	for _, p := range allPages(plain) {
		if bytes.Contains(plain.Files[p], []byte(`rel="canonical"`)) || bytes.Contains(plain.Files[p], []byte(`hreflang="x-default"`)) ||
			bytes.Contains(plain.Files[p], []byte(`og:url`)) {
			t.Errorf("%s has a canonical link, hreflang alternates or og:url without base_url", p)
		}
	}
}

// TestDescriptions: every page has a description drawn from its own text:
// not empty, starting with its title, no two pages alike, and the same
// in og:description; Open Graph names the title, locale and site.
func TestDescriptions(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	seen := map[string]string{}
	for _, p := range allPages(out) {
		meta, _ := headOf(t, out, p)
		d := meta["description"]
		if d == "" {
			t.Errorf("%s: no description", p)
			continue
		}
		if q, ok := seen[d]; ok {
			t.Errorf("%s and %s have the same description %q", p, q, d)
		}
		seen[d] = p
		doc := parsePage(t, p, out.Files[p])
		title := meta["og:title"]
		locale := map[bool]string{true: "en_US", false: "zh_CN"}[strings.HasPrefix(p, "en/")]
		if meta["og:description"] != d || meta["og:locale"] != locale || meta["og:type"] != "website" || meta["og:site_name"] == "" {
			t.Errorf("%s: og:description %q, og:locale %q (want %s), og:type %q, og:site_name %q", p, meta["og:description"], meta["og:locale"], locale, meta["og:type"], meta["og:site_name"])
		}
		if n := len([]rune(d)); n > 170 {
			t.Errorf("%s: a %d-character description", p, n)
		}
		if p == "index.html" { // the entry page: the site's introduction
			continue
		}
		if !strings.HasPrefix(d, title) && !strings.HasPrefix(title, strings.TrimSuffix(d, "…")) {
			t.Errorf("%s: description %q does not start with the title %q", p, d, title)
		}
		// The text after the title, to its first full stop, is the page's.
		probe, _, _ := strings.Cut(strings.TrimLeft(strings.TrimPrefix(d, title), "。. "), "。")
		probe, _, _ = strings.Cut(strings.TrimSuffix(probe, "…"), ". ")
		if r := []rune(probe); len(r) > 12 {
			probe = string(r[:12])
		}
		if main := collapse(nodeText(findAll(doc, tagIs("main"))[0])); !strings.Contains(main, probe) {
			t.Errorf("%s: description %q is not the page's text (%q)", p, d, probe)
		}
	}
	duty := "zh/linyi-qts/duties/3/index.html"
	meta, _ := headOf(t, out, duty)
	if !strings.Contains(meta["description"], "组织实施产品质量监督抽查") {
		t.Errorf("%s: the description does not begin the list of items: %q", duty, meta["description"])
	}
}

// TestFavicon: favicon.ico holds PNG images of 16, 32 and 48 pixels drawn
// from assets/favicon.svg (its red ground at the edge, its white bars
// inside), and every page links both.
func TestFavicon(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	ico := out.Files["favicon.ico"]
	if len(ico) < 6 || binary.LittleEndian.Uint16(ico[2:]) != 1 || binary.LittleEndian.Uint16(ico[4:]) != 3 {
		t.Fatalf("favicon.ico is not an icon file of three images")
	}
	for i, size := range []int{16, 32, 48} {
		e := ico[6+16*i:]
		n, off := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		img, err := png.Decode(bytes.NewReader(ico[off : off+n]))
		if err != nil || int(e[0]) != size || img.Bounds().Dx() != size || img.Bounds().Dy() != size {
			t.Errorf("image %d of favicon.ico is not a %d-pixel PNG: %v", i, size, err)
			continue
		}
		ground, bar := color.NRGBAModel.Convert(img.At(size/2, size*29/32)), color.NRGBAModel.Convert(img.At(size*19/32, size*8/32))
		if ground != (color.NRGBA{0x9e, 0x1b, 0x1b, 255}) || bar != (color.NRGBA{255, 255, 255, 255}) {
			t.Errorf("the %d-pixel icon is not the SVG drawn: ground %v, bar %v", size, ground, bar)
		}
	}
	if !bytes.Contains(out.Files["assets/favicon.svg"], []byte("<svg")) {
		t.Error("no assets/favicon.svg")
	}
	for _, p := range allPages(out) {
		_, links := headOf(t, out, p)
		var got []string
		for _, h := range links["icon"] {
			got = append(got, resolve(p, h))
		}
		if !slices.Equal(got, []string{"favicon.ico", "assets/favicon.svg"}) {
			t.Errorf("%s: icons %v", p, got)
		}
	}
}

// Test404AnyDepth: under a sub-folder, every link, stylesheet, script,
// icon and form of 404.html is a path from the host's root under
// /qingdan/ that leads to a file of the site, so it works at any depth;
// it has the header (site name, language switch, navigation) and the
// footer. Without base_url its paths start from /.
func Test404AnyDepth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		out    *Output
		prefix string
	}{{hostedSite(t), "/qingdan/"}, {realSite(t), "/"}} {
		doc := parsePage(t, "404.html", c.out.Files["404.html"])
		refs := 0
		for _, n := range findAll(doc, func(n *html.Node) bool { return attr(n, "href")+attr(n, "src")+attr(n, "action") != "" }) {
			ref := attr(n, "href") + attr(n, "src") + attr(n, "action")
			if strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://") || strings.HasPrefix(ref, "#") {
				continue
			}
			refs++
			file := strings.TrimPrefix(strings.Split(ref, "#")[0], c.prefix[:len(c.prefix)-1])
			if !strings.HasPrefix(ref, c.prefix) || c.out.Files[resolve("404.html", file)] == nil {
				t.Errorf("404.html (base %s): %s=%q does not lead to a file from %s", c.prefix, n.Data, ref, c.prefix)
			}
		}
		if refs < 20 {
			t.Errorf("404.html (base %s): only %d links", c.prefix, refs)
		}
		for _, class := range []string{"site-header", "site-nav", "lang-switch", "site-footer"} {
			if len(findAll(doc, func(n *html.Node) bool { return hasClass(n, class) })) == 0 {
				t.Errorf("404.html (base %s) has no .%s", c.prefix, class)
			}
		}
	}
}

// TestSitemapParts: past the protocol's limit of addresses per file, the
// pages are listed in parts, each parsing and holding at most the limit,
// all of them once and in order, and sitemap.xml is the index of the
// parts.
func TestSitemapParts(t *testing.T) {
	t.Parallel()
	m := &model{base: content.Base{URL: hostBase, Path: "/qingdan/"}}
	var pages []*Page
	for i := range 7 {
		for _, l := range []Lang{Zh, En} {
			pages = append(pages, &Page{Lang: l, URL: "/" + string(l) + "/p" + strconv.Itoa(i) + "/"})
		}
	}
	pages = append(pages, &Page{Lang: Zh, URL: "/404.html", AnyDepth: true})
	files := map[string][]byte{}
	m.sitemaps(pages, files, 4)
	var index struct {
		Locs []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil || len(index.Locs) != 4 {
		t.Fatalf("sitemap.xml is not an index of 4 parts (%v):\n%s", err, files["sitemap.xml"])
	}
	var all []string
	for i, loc := range index.Locs {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		if loc != hostBase+name {
			t.Errorf("part %d is at %s, want %s", i+1, loc, hostBase+name)
		}
		var part struct {
			Locs []string `xml:"url>loc"`
		}
		if err := xml.Unmarshal(files[name], &part); err != nil || len(part.Locs) > 4 || len(part.Locs) == 0 {
			t.Errorf("%s: %d addresses (%v)", name, len(part.Locs), err)
		}
		all = append(all, part.Locs...)
	}
	var want []string
	for _, p := range pages[:len(pages)-1] {
		want = append(want, hostBase+strings.TrimPrefix(p.URL, "/"))
	}
	if !slices.Equal(all, want) {
		t.Errorf("the parts list %v, want %v", all, want)
	}
}
