package check

// Rules against content that would be accepted but render wrong: a body
// name that sends links to another body, a link inside a link, a hosting
// path that is not a path, a link that is not a web address, a date that
// is not in the calendar.

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"qingdan/generator/content"
	"qingdan/generator/markup"
)

// site checks what site.toml says about hosting and registration: the
// site's address, the links in the footer and on the home pages, and the
// public-security number the register's address is made from.
func (ck *checker) site() {
	s, l := ck.c.Site, ck.c.Loc("site.toml")
	if _, err := content.ParseBase(s.BaseURL); err != nil {
		ck.errs.Add(l.At("base_url"), "base_url %q %v", s.BaseURL, err)
	}
	ck.webAddress(l, "error_report_url", s.ErrorReportURL, "write the full http:// or https:// address as issued")
	ck.webAddress(l, "badge.url", s.Badge.URL, "write the full http:// or https:// address of the site's registration record, as issued with the badge")
	switch b := s.Badge; {
	case b.Image != "" && b.URL == "":
		ck.errs.Add(l.At("badge"), "the badge has an image but no url: the 党政机关网站标识 links to the site's registration record; add badge.url as issued")
	case b.Image == "" && b.URL != "":
		ck.errs.Add(l.At("badge"), "the badge has a url but no image: place the badge's image in content/ and name it in badge.image")
	}
	if s.PoliceCode != "" && content.PoliceRecord(s.PoliceCode) == "" {
		ck.errs.Add(l.At("police_code"), "police_code %q has no record number: write the public-security filing number as issued, such as 鲁公网安备 37130202000001号", s.PoliceCode)
	}
}

// webAddress checks that a non-empty value is an absolute http(s) address.
func (ck *checker) webAddress(l content.Loc, key, v, what string) {
	if v != "" && !isWebAddress(v) {
		ck.errs.Add(l.At(key), "%s %q is not a web address: %s", key, v, what)
	}
}

// isWebAddress reports whether v is an absolute http or https address
// with a host and no user name or password in it.
func isWebAddress(v string) bool {
	u, err := url.Parse(v)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

// bodyNames checks that no name of a body (full, short or alias) is a
// name of another body: links for that name would go to the first.
func (ck *checker) bodyNames() {
	for _, lang := range content.Langs {
		owner := map[string]*content.Body{}
		for _, b := range ck.c.Registry.Bodies {
			l := ck.c.Loc(b)
			names := []struct{ key, name string }{{"name." + string(lang), b.Name.In(lang)}, {"short." + string(lang), b.Short.In(lang)}}
			for i, a := range b.Aliases.In(lang) {
				names = append(names, struct{ key, name string }{fmt.Sprintf("aliases.%s[%d]", lang, i), a})
			}
			for _, n := range names {
				o := owner[n.name]
				switch {
				case n.name == "":
				case o == nil:
					owner[n.name] = b
				case o != b:
					ck.errs.Add(l.At(n.key),
						"%q is already a name of body %s: each name may belong to one body only (links would go to %s); remove it here or there", n.name, o.ID, o.ID)
				}
			}
		}
	}
}

// realDate reports whether v (which matches dateRE) is a day or month of
// the calendar: 2015-02-31 is not.
func realDate(v string) bool {
	layout := "2006-01-02"
	if len(v) == len("2006-01") {
		layout = "2006-01"
	}
	_, err := time.Parse(layout, v)
	return err == nil
}

// linkedMention returns the offset of a 《 inside the text of a Markdown
// link or autolink n: a mention is a link itself, and a link inside a link
// is not HTML.
func linkedMention(n ast.Node, src []byte) (int, bool) {
	if n.Kind() != ast.KindLink && n.Kind() != ast.KindAutoLink {
		return 0, false
	}
	if a, ok := n.(*ast.AutoLink); ok {
		if i := strings.Index(string(a.Label(src)), "《"); i >= 0 {
			return nodeOffset(n), true
		}
		return 0, false
	}
	off, found := 0, false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if i := strings.Index(string(t.Value(src)), "《"); i >= 0 {
				off, found = t.Segment.Start+i, true
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return off, found
}

// badDestination says what is wrong with the address of a link in
// Markdown, or "" if nothing is: a link goes to a web page (http, https),
// an e-mail address (mailto) or a telephone number (tel), or to a path on
// this site. Any other scheme (javascript:, data:, vbscript:, file:…)
// would run or open something in the reader's browser, on the pages and
// wherever the open data's Markdown is shown.
func badDestination(dest string) string {
	shown := dest
	if r := []rune(shown); len(r) > 60 {
		shown = string(r[:60]) + "…"
	}
	switch scheme := markup.Scheme(dest); scheme {
	case "", "mailto", "tel":
		return ""
	case "http", "https":
		if !isWebAddress(dest) {
			return fmt.Sprintf("the link to %q is not a web address: write the full https:// address, or remove the link", shown)
		}
		return ""
	case "//":
		return fmt.Sprintf("the link to %q has no scheme: write the full https:// address, or remove the link", shown)
	default:
		return fmt.Sprintf("the link to %q is a %s: address: links go to web pages only (or mailto:, tel:); use an https:// address or remove the link", shown, scheme)
	}
}
