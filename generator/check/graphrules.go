package check

import (
	"cmp"
	"slices"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// graph checks the rules that need the whole graph: pages that would be
// empty.
func (ck *checker) graph(g *graph.Graph) {
	reg := ck.c.Registry
	for _, in := range reg.Instruments {
		if len(g.CitedBy(in)) == 0 {
			ck.errs.Add(ck.c.Loc(in).At("id"), "instrument %s is cited nowhere in the lists: its page would be empty; remove it or cite it", in.ID)
		}
	}
	for _, b := range reg.Bodies {
		if len(g.Roles(b)) == 0 && len(g.NamedIn(b)) == 0 {
			ck.errs.Add(ck.c.Loc(b).At("id"), "body %s is named nowhere in the lists: its page would be empty; remove it or check its names", b.ID)
		}
	}
	for _, r := range reg.Regimes {
		if len(g.Members(r)) == 0 {
			ck.errs.Add(ck.c.Loc(r).At("id"), "regime %s has nothing assigned to it: its index would be an empty section; assign records to it or remove it", r.ID)
		}
	}
}

// NotReady lists what a site needs before it may be published on a
// government host but that only the authorities or the publisher can give:
// its public address (an https:// one), the codes and the badge in the footer, the
// error-report link, the contact and the open data's licence. Building
// does not need them; each says what the site leaves out without it.
func NotReady(c *content.Content) content.Errors {
	l := c.Loc("site.toml")
	var es content.Errors
	switch base, err := content.ParseBase(c.Site.BaseURL); {
	case err != nil:
	case base.URL == "":
		es = append(es, &content.Error{Pos: l.At("base_url"), Msg: notReadyBase(c.Site.BaseURL)})
	case strings.HasPrefix(base.URL, "http://"):
		es = append(es, &content.Error{Pos: l.At("base_url"), Msg: "not ready to publish: base_url " + base.URL +
			" is an http:// address: a government site is served over HTTPS (browsers mark http:// pages \"Not secure\", and the canonical links, sitemap and open data would name http:// addresses); set the https:// address, " +
			"https://" + strings.TrimPrefix(base.URL, "http://") + ", once the host has its certificate"})
	}
	for _, f := range []struct{ key, val, what string }{
		{"site_code", c.Site.SiteCode, "the website identification code (网站标识码) once it is issued"},
		{"icp", c.Site.ICP, "the ICP filing number (ICP备案编号) once it is issued"},
		{"police_code", c.Site.PoliceCode, "the public security filing number (公安机关备案号) once it is issued"},
		{"police_icon", c.Site.PoliceIcon.Path, "the icon issued with the public security filing (备案图标): place its image in content/ and write police_icon = \"police.png\""},
		{"error_report_url", c.Site.ErrorReportURL, "the error-report link (我为政府网站找错) once it is issued"},
		{"badge", c.Site.Badge.Image, "the 党政机关网站标识 badge once it is issued: place its image in content/ and write badge = { image = \"badge.png\", url = \"<its registration record>\" }"},
		{"contact", c.Site.Contact.Zh, "the site's contact (联系方式): the office and phone readers should reach"},
		{"data_licence", c.Site.DataLicence.Zh, "the licence the open data under data/ is published under, as the publisher grants it"},
	} {
		if f.val == "" {
			es = append(es, &content.Error{Pos: l.At(f.key), Msg: "not ready to publish: " + f.key + " is empty; set " + f.what})
		}
	}
	slices.SortStableFunc(es, func(a, b *content.Error) int { return cmp.Compare(a.Pos.Line, b.Pos.Line) })
	return es
}

// notReadyBase says what a site without its full address leaves out.
func notReadyBase(v string) string {
	state, where := "empty", "the 404 page links from the host's root (it assumes the site is at /)"
	if v != "" {
		state, where = "a folder only", "the 404 page links from "+v+" on whatever host serves it"
	}
	return "not ready to publish: base_url is " + state + "; set the site's full public address, such as https://www.example.gov.cn/qingdan/. " +
		"Until then the pages have no canonical link, no hreflang alternates and no og:url, sitemap.xml is not written and robots.txt names none, and " + where
}
