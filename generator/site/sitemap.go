package site

// For search engines: sitemap.xml lists every page at its absolute
// address under base_url with its language versions (xhtml:link
// alternates, as the pages' own <link rel="alternate"> give them), and
// robots.txt allows everything and names the sitemap (past 50,000 pages,
// the index of its parts). A sitemap's addresses must be absolute, so
// without base_url's full address there is no sitemap.xml and robots.txt
// names none (check -publish says so).

import (
	"bytes"
	"encoding/xml"
	"strconv"
)

// maxSitemapURLs is the most addresses one sitemap file may list (the
// sitemaps protocol's limit); a larger site gets sitemap-1.xml, … and
// sitemap.xml is their index.
const maxSitemapURLs = 50000

// hostFiles are sitemap.xml (when the site's address is known) and
// robots.txt, for the pages of the site.
func (m *model) hostFiles(pages []*Page) map[string][]byte {
	files := map[string][]byte{}
	robots := "User-agent: *\nAllow: /\n"
	if m.base.URL != "" {
		m.sitemaps(pages, files, maxSitemapURLs)
		robots += "\nSitemap: " + m.abs("/sitemap.xml") + "\n"
	}
	files["robots.txt"] = []byte(robots)
	return files
}

// sitemaps adds sitemap.xml, listing every page but the one served at any
// depth, in page order, each with its alternates; or, past limit pages,
// the parts of limit pages and their index.
func (m *model) sitemaps(pages []*Page, files map[string][]byte, limit int) {
	var listed []*Page
	for _, p := range pages {
		if !p.AnyDepth {
			listed = append(listed, p)
		}
	}
	if len(listed) <= limit {
		files["sitemap.xml"] = m.sitemap(listed)
		return
	}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*limit < len(listed); i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		files[name] = m.sitemap(listed[i*limit : min((i+1)*limit, len(listed))])
		index.WriteString("<sitemap><loc>")
		xmlText(&index, m.abs("/"+name))
		index.WriteString("</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	files["sitemap.xml"] = index.Bytes()
}

// sitemap is a sitemap file listing pages, each with its alternates.
func (m *model) sitemap(pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
		b.WriteString("<url><loc>")
		xmlText(&b, m.abs(p.URL))
		b.WriteString("</loc>")
		for _, a := range m.alternates(p) {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="` + a.HrefLang + `" href="`)
			xmlText(&b, a.Href)
			b.WriteString(`"/>`)
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlText(b *bytes.Buffer, s string) { _ = xml.EscapeText(b, []byte(s)) }
