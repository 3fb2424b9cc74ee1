package site

// What the templates need for search engines, link previews and the
// host: absolute addresses under base_url, the page's description and
// alternates, and the footer's registration links.

import (
	"html/template"
	"strings"

	"qingdan/generator/content"
)

// Main is the page's main content, rendered before the page around it.
func (v *View) Main() template.HTML { return v.main }

// Description is the page's description, drawn from its main text.
func (v *View) Description() string { return v.desc }

// Abs is the absolute address of a site path under base_url, or "" while
// the site's address is not known.
func (v *View) Abs(sitePath string) string { return v.m.abs(sitePath) }

func (m *model) abs(sitePath string) string {
	if m.base.URL == "" {
		return ""
	}
	return m.base.URL + strings.TrimPrefix(sitePath, "/")
}

// Canonical is the page's absolute address for <link rel="canonical"> and
// og:url, or "" for a page served at any depth or without base_url.
func (v *View) Canonical() string {
	if v.AnyDepth {
		return ""
	}
	return v.Abs(v.URL)
}

// Alternate is one hreflang alternate of a page.
type Alternate struct {
	HrefLang string // zh-CN, en, x-default
	Href     string // absolute
}

// Alternates are the page's language versions as absolute addresses, or
// none where there is no Canonical.
func (v *View) Alternates() []Alternate {
	if v.Canonical() == "" {
		return nil
	}
	return v.m.alternates(v.Page)
}

// alternates are a page's versions by hreflang: the Chinese and English
// pages, and as x-default the Chinese one, or the bilingual entry page for
// the homes and the entry page itself.
func (m *model) alternates(p *Page) []Alternate {
	zh, en, def := "/zh/", "/en/", "/"
	if rest := strings.TrimPrefix(p.URL, "/"+string(p.Lang)); p.URL != "/" && rest != "/" {
		zh, en, def = "/zh"+rest, "/en"+rest, "/zh"+rest
	}
	return []Alternate{{"zh-CN", m.abs(zh)}, {"en", m.abs(en)}, {"x-default", m.abs(def)}}
}

// OGLocale is the page's language as Open Graph writes it, and
// OGLocaleAlt the other's.
func (v *View) OGLocale() string    { return ogLocale(v.Lang) }
func (v *View) OGLocaleAlt() string { return ogLocale(v.Other()) }

func ogLocale(l Lang) string {
	if l == Zh {
		return "zh_CN"
	}
	return "en_US"
}

// Bilingual reports whether the page speaks both languages (the entry
// page and the 404 page): its footer links both site maps.
func (v *View) Bilingual() bool { return v.URL == "/" || v.AnyDepth }

// PageAddress is the page's address as a printed page names it: absolute
// under base_url, or from the host's root.
func (v *View) PageAddress() string {
	if a := v.Abs(v.URL); a != "" {
		return a
	}
	return v.RootPath(strings.TrimPrefix(v.URL, "/"))
}

// The registers the footer's filing numbers link to.
const (
	icpRegister    = "https://beian.miit.gov.cn/"
	policeRegister = "https://beian.mps.gov.cn/#/query/webSearch?code="
)

// ICPRegister is the MIIT register an ICP filing number links to.
func (v *View) ICPRegister() string { return icpRegister }

// PoliceRegister is the public-security register's record of the site's
// filing number.
func (v *View) PoliceRegister() string {
	return policeRegister + content.PoliceRecord(v.Site().PoliceCode)
}

// BadgeSrc is the address of the 党政机关网站标识 badge's image.
func (v *View) BadgeSrc() string { return v.Rel("/" + v.Site().Badge.File()) }

// PoliceIconSrc is the address of the public-security filing's icon.
func (v *View) PoliceIconSrc() string { return v.Rel("/" + v.Site().PoliceIcon.File()) }
