package site

// Tests that the site says only what the list (the seed) or the publisher
// (site.toml) says: no invented labels, no invented contact, the note that
// qualifies the accountability bases wherever bases are shown, and one line
// per place in the lists of places on law and body pages.

import (
	"bytes"
	"fmt"
	"os"
	"qingdan/generator/content"
	"qingdan/generator/markup"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// seedText is the seed, normalized as the completeness test reads it.
func seedText(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../seeds/000_57c99018d0e71c00.txt")
	if err != nil {
		t.Fatal(err)
	}
	return normalize(string(b))
}

// realContent loads content/, once for the tests that read it (none
// changes it; the race detector would see one that did, as they run in
// parallel).
func realContent(t *testing.T) *content.Content {
	t.Helper()
	contentOnce.Do(func() { contentVal, contentErr = content.Load(os.DirFS("../../content")) })
	if contentErr != nil {
		t.Fatal(contentErr)
	}
	return contentVal
}

var (
	contentOnce sync.Once
	contentVal  *content.Content
	contentErr  error
)

// parsePage parses a built page.
// Pages are parsed once for all the tests that read them (none changes a
// tree; the race detector would see one that did): the key is the page's
// bytes, by address and length.
func parsePage(t *testing.T, name string, b []byte) *html.Node {
	t.Helper()
	if len(b) == 0 {
		t.Fatalf("%s: no such page", name)
	}
	key := parsedKey{&b[0], len(b)}
	if doc, ok := parsed.Load(key); ok {
		return doc.(*html.Node)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	parsed.Store(key, doc)
	return doc
}

type parsedKey struct {
	first *byte
	n     int
}

var parsed sync.Map

// findAll lists the elements under n for which match is true, in document
// order, not descending into a match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

func tagIs(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

// nodeText is the text of an element and its descendants.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// listLabels are the texts a page uses to name the site or a list: the
// site's name in the page title and the header's brand; on the home page,
// its h1 and each list's link and line in the directory of lists; on a
// list's own page (listPage), its h1 and its line under it. A line is read
// up to its date (" · ").
func listLabels(t *testing.T, name string, b []byte, listPage bool) []string {
	doc := parsePage(t, name, b)
	var labels []string
	add := func(ns ...*html.Node) {
		for _, n := range ns {
			s, _, _ := strings.Cut(nodeText(n), " · ")
			labels = append(labels, strings.TrimSpace(s))
		}
	}
	for _, n := range findAll(doc, tagIs("title")) {
		if n.Namespace != "" { // a picture's <svg><title>, not the page's
			continue
		}
		s := nodeText(n)
		if i := strings.LastIndex(s, " - "); i >= 0 {
			s = s[i+len(" - "):]
		}
		labels = append(labels, s)
	}
	add(findAll(doc, func(n *html.Node) bool { return n.Data == "a" && hasClass(n, "brand") })...)
	home := strings.Count(name, "/") == 1
	if home || listPage {
		add(findAll(doc, tagIs("h1"))...)
	}
	if listPage {
		add(findAll(doc, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "meta") })...)
	}
	if home {
		for _, h := range findAll(doc, func(n *html.Node) bool { return n.Data == "h2" && attr(n, "id") == "lists" }) {
			ul := h.NextSibling
			for ul != nil && ul.Type != html.ElementNode {
				ul = ul.NextSibling
			}
			if ul == nil || !hasClass(ul, "cards") {
				t.Fatalf("%s: no directory of lists after h2#lists", name)
			}
			for _, li := range findAll(ul, tagIs("li")) {
				add(findAll(li, tagIs("a"))[0], findAll(li, tagIs("p"))[0])
			}
		}
	}
	return labels
}

// TestNoInventedLabels: the site names itself and its lists only in words
// the list or the publisher's site.toml gives. The series title the site
// once showed ("…市级部门责任清单第N号") is not in the seed, so it is on no
// page; every Chinese label that names the site or a list is in
// the seed or in site.toml; every decree or document number the registry
// gives is printed so in the seed.
func TestNoInventedLabels(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	seed := seedText(t)
	c := realContent(t)
	invented := map[string][]string{
		"zh": {"市级部门责任清单", "责任清单第"},
		"en": {"Responsibility Lists, No.", "municipal departments' Responsibility Lists"},
	}
	for _, s := range invented["zh"] {
		if strings.Contains(seed, s) {
			t.Fatalf("the seed does contain %q: this test's list of invented labels is wrong", s)
		}
	}
	publisher := map[string]bool{normalize(c.Site.Name.Zh): true, normalize(c.Site.Owner.Zh): true}
	listPage := map[string]bool{}
	for _, d := range c.Departments {
		listPage["zh/"+d.Slug+"/index.html"] = true
	}
	seen := 0
	for _, lang := range []string{"zh", "en"} {
		for _, p := range htmlPages(out, lang) {
			text := pageText(out.Files[p])
			for _, s := range invented[lang] {
				if strings.Contains(text, s) {
					t.Errorf("%s: says %q, which the list does not", p, s)
				}
			}
			if lang != "zh" {
				continue
			}
			for _, m := range decreeNumbers(normalize(text)) {
				if !strings.Contains(seed, m) {
					t.Errorf("%s: %q is not in the seed", p, m)
				}
			}
			for _, l := range listLabels(t, p, out.Files[p], listPage[p]) {
				seen++
				if n := normalize(l); n != "" && !publisher[n] && !strings.Contains(seed, n) {
					t.Errorf("%s: the label %q is neither in the seed nor in site.toml", p, l)
				}
			}
		}
	}
	if seen < 2*len(htmlPages(out, "zh")) {
		t.Errorf("only %d labels read: the label reader is broken", seen)
	}
	for _, in := range c.Registry.Instruments {
		if n := in.Number.Zh; n != "" && !strings.Contains(seed, normalize(n)) {
			t.Errorf("instrument %s: number %q is not printed so in the seed", in.ID, n)
		}
	}
}

// TestInventedLabelsCaught: the label check fails on the series title the
// site once showed.
func TestInventedLabelsCaught(t *testing.T) {
	t.Parallel()
	seed := seedText(t)
	page := []byte(`<html><head><title>临沂市质量技术监督局责任清单</title></head><body><main><h2 id="lists">责任清单</h2><ul class="cards"><li><a href="x/">临沂市质量技术监督局责任清单</a><p>临沂市市级部门责任清单第35号 · <time>二〇一五年七月</time></p></li></ul></main></body></html>`)
	var bad []string
	for _, l := range listLabels(t, "zh/index.html", page, false) {
		if !strings.Contains(seed, normalize(l)) {
			bad = append(bad, l)
		}
	}
	if !slices.Equal(bad, []string{"临沂市市级部门责任清单第35号"}) {
		t.Errorf("labels not in the seed = %q, want only the series title", bad)
	}
}

// placeLines lists, for each list of places on a page (a law's citations,
// a body's boundaries and the places that name it), the label of each of
// its lines: the text of the line's first link.
func placeLines(t *testing.T, name string, b []byte) [][]string {
	doc := parsePage(t, name, b)
	var lists [][]string
	for _, ul := range findAll(doc, func(n *html.Node) bool {
		return n.Data == "ul" && (hasClass(n, "citations") || hasClass(n, "plain"))
	}) {
		var lines []string
		for li := ul.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode || li.Data != "li" {
				continue
			}
			if as := findAll(li, tagIs("a")); len(as) > 0 {
				lines = append(lines, strings.TrimSpace(nodeText(as[0])))
			}
		}
		lists = append(lists, lines)
	}
	return lists
}

// TestPlacesReadDifferently: on every law and body page, no two lines of a
// list of places read the same, so that a reader can tell the places apart.
func TestPlacesReadDifferently(t *testing.T) {
	t.Parallel()
	// The labels of places are made in Go (the site graph): a section's
	// label repeats its system's, a boundary's line repeats once per row.
	out := realSite(t)
	lines, dups := 0, 0
	for _, lang := range []string{"zh", "en"} {
		for _, p := range htmlPages(out, lang) {
			if !strings.Contains(p, "/laws/") && !strings.Contains(p, "/bodies/") {
				continue
			}
			for _, list := range placeLines(t, p, out.Files[p]) {
				count := map[string]int{}
				for _, l := range list {
					lines++
					count[l]++
				}
				for _, l := range list {
					if count[l] > 1 {
						dups++
						t.Errorf("%s: %d lines read %q", p, count[l], l)
						count[l] = 0
					}
				}
			}
		}
	}
	if lines < 500 {
		t.Errorf("only %d lines of places read: the reader is broken", lines)
	}
	if dups > 0 {
		t.Logf("%d labels are repeated", dups)
	}
}

// TestDutyPagesCarryNote: the note (注) that qualifies the accountability
// bases, as the seed prints it, is on every duty page in both languages,
// after the bases and before the related links.
func TestDutyPagesCarryNote(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	seed := seedText(t)
	c := realContent(t)
	ix := content.NewIndex(c)
	pages := 0
	for _, d := range c.Departments {
		if d.DutiesNote.Zh == "" {
			continue
		}
		note := map[string]string{
			"zh": "注：" + markup.Plain(Zh, d.DutiesNote.Zh, ix),
			"en": "Note: " + markup.Plain(En, d.DutiesNote.En, ix),
		}
		if d.Slug == "linyi-qts" && !strings.Contains(seed, normalize(note["zh"])) {
			t.Errorf("%s: the note %q is not the seed's", d.Slug, note["zh"])
		}
		for _, du := range d.Duties {
			for _, lang := range []string{"zh", "en"} {
				p := fmt.Sprintf("%s/%s/duties/%s/index.html", lang, d.Slug, du.ID)
				b, ok := out.Files[p]
				if !ok {
					t.Errorf("no page %s", p)
					continue
				}
				pages++
				notes := findAll(parsePage(t, p, b), func(n *html.Node) bool { return attr(n, "id") == "bases-note" })
				if len(notes) != 1 || nodeText(notes[0]) != note[lang] {
					t.Errorf("%s: no note on the bases reading %q", p, note[lang])
					continue
				}
				s := string(b)
				bases, at, related := strings.Index(s, `id="bases"`), strings.Index(s, `id="bases-note"`), strings.Index(s, `id="related"`)
				if !(bases >= 0 && bases < at && (related < 0 || at < related)) {
					t.Errorf("%s: the note is not between the bases and the related links", p)
				}
			}
		}
	}
	if pages != 16 {
		t.Errorf("%d duty pages checked, want 16", pages)
	}
}

var contactRE = regexp.MustCompile(`(?m)^contact = .*$`)

// siteWithContact builds the real site with site.toml's contact replaced.
func siteWithContact(t *testing.T, zh, en string) *Output {
	t.Helper()
	b, err := os.ReadFile("../../content/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !contactRE.Match(b) {
		t.Fatal("site.toml has no contact line")
	}
	b = contactRE.ReplaceAll(b, []byte(fmt.Sprintf("contact = { zh = %q, en = %q }", zh, en)))
	out, err := Build(overlay{os.DirFS("../../content"), fstest.MapFS{"site.toml": {Data: b}}}, os.DirFS("../../layouts"))
	if err != nil {
		t.Fatalf("building with contact %q: %v", zh, err)
	}
	return out
}

// TestFooterContact: the footer shows the contact line only when site.toml
// gives one, and site.toml does not take a public service's office or
// telephone for the site's contact.
func TestFooterContact(t *testing.T) {
	long(t)
	t.Parallel()
	c := realContent(t)
	for _, d := range c.Departments {
		for _, s := range d.Services {
			if s.Phone != "" && (strings.Contains(c.Site.Contact.Zh, s.Phone) || strings.Contains(c.Site.Contact.En, s.Phone)) {
				t.Errorf("site.toml contact %q is service %s's telephone, not a contact the publisher gave", c.Site.Contact.Zh, s.ID)
			}
		}
	}
	label := map[string]string{"zh": "<p>" + c.UI["footer.contact"].Zh, "en": "<p>" + c.UI["footer.contact"].En}
	empty := realSite(t) // content/ gives no contact
	if c.Site.Contact.Zh != "" || c.Site.Contact.En != "" {
		empty = siteWithContact(t, "", "")
	}
	set := siteWithContact(t, "办公室 0539-0000000", "General Office, 0539-0000000")
	want := map[string]string{"zh": "办公室 0539-0000000", "en": "General Office, 0539-0000000"}
	for _, lang := range []string{"zh", "en"} {
		for _, p := range htmlPages(empty, lang) {
			if bytes.Contains(empty.Files[p], []byte(label[lang])) {
				t.Errorf("%s: a contact line in the footer, though site.toml gives no contact", p)
			}
		}
		for _, p := range htmlPages(set, lang) {
			footer := set.Files[p][bytes.LastIndex(set.Files[p], []byte("<footer")):]
			if !bytes.Contains(footer, []byte(label[lang]+want[lang]+"</p>")) {
				t.Errorf("%s: no contact line %q in the footer, though site.toml gives it", p, want[lang])
			}
		}
	}
}

// TestServicesAsPrinted: each public service's office and telephone are
// the seed's, on the services page as printed, with no remark of the
// site's: service 5 gives the same telephone as service 3 because the list
// does.
func TestServicesAsPrinted(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	raw, err := os.ReadFile("../../seeds/000_57c99018d0e71c00.txt")
	if err != nil {
		t.Fatal(err)
	}
	seed := string(raw)
	part := seed[strings.LastIndex(seed, "\n四、公共服务事项\n"):]
	part = part[:strings.Index(part, "\n五、")]
	rows := map[string][]string{}
	for _, l := range strings.Split(part, "\n") {
		if cells := strings.Split(l, "\t"); len(cells) == 5 && regexp.MustCompile(`^\d+$`).MatchString(cells[0]) {
			rows[cells[0]] = cells
		}
	}
	c := realContent(t)
	d := c.Departments[0]
	if len(rows) != len(d.Services) || len(rows) < 5 {
		t.Fatalf("%d service rows in the seed, %d services in content", len(rows), len(d.Services))
	}
	for _, lang := range []string{"zh", "en"} {
		p := lang + "/" + d.Slug + "/services/index.html"
		doc := parsePage(t, p, out.Files[p])
		for _, s := range d.Services {
			r := rows[s.ID]
			if r == nil || r[3] != s.Office.Zh || r[4] != s.Phone {
				t.Errorf("service %s: office %q, phone %q; the seed prints %q", s.ID, s.Office.Zh, s.Phone, r)
				continue
			}
			tr := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == "service-"+s.ID })
			if len(tr) != 1 {
				t.Errorf("%s: no row service-%s", p, s.ID)
				continue
			}
			cells := findAll(tr[0], func(n *html.Node) bool { return n.Data == "td" || n.Data == "th" })
			if len(cells) != 5 || strings.TrimSpace(nodeText(cells[4])) != s.Phone {
				t.Errorf("%s: service %s's telephone cell is not %q alone", p, s.ID, s.Phone)
			}
		}
	}
}
