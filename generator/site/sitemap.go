package site

// For search engines: sitemap.xml lists every page at its absolute
// address under base_url with its language versions (xhtml:link
// alternates, as the pages' own <link rel="alternate"> give them), and
// robots.txt allows everything and names the sitemap. A sitemap's
// addresses must be absolute, so without base_url's full address there is
// no sitemap.xml and robots.txt names none (check -publish says so).

import (
	"bytes"
	"encoding/xml"
)

// hostFiles are sitemap.xml (when the site's address is known) and
// robots.txt, for the pages of the site.
func (m *model) hostFiles(pages []*Page) map[string][]byte {
	files := map[string][]byte{}
	robots := "User-agent: *\nAllow: /\n"
	if m.base.URL != "" {
		files["sitemap.xml"] = m.sitemap(pages)
		robots += "\nSitemap: " + m.abs("/sitemap.xml") + "\n"
	}
	files["robots.txt"] = []byte(robots)
	return files
}

// sitemap is sitemap.xml: every page but the one served at any depth, in
// page order, each with its alternates.
func (m *model) sitemap(pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
		if p.AnyDepth {
			continue
		}
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
