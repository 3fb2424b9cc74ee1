package chart

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
)

// Labels holds every word the pictures use, in one language. Templates
// take {name} placeholders, filled by the renderer, and {name|one|other}
// plural choices (see Fill).
type Labels struct {
	Data string // summary of the <details> that holds the data

	Regime   string // bars: heading of the name column
	Items    string // bars: heading of the count column
	BarsDesc string // bars: <desc>; {n} bars, {total} their sum, {max} the longest bar's name

	Matter      string // matrix: heading of the matter column
	Lead        string // matrix: the three roles
	Shares      string
	Coordinates string
	Legend      string // matrix: heading of the key to the shapes
	MatrixDesc  string // matrix: <desc>; {rows} matters, {cols} departments, {cells} marked cells

	Deadline     string // timeline: names a step's deadline in the data
	Within       string // timeline: a deadline; {n} number, {unit} one of the four below, {from} what it counts from
	Day          string // the units, for 1 and for more
	Days         string
	Month        string
	Months       string
	TimelineDesc string // timeline: <desc>; {n} steps, {deadlines} steps with a deadline
}

// need reports the first of the named labels that is empty.
func need(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i+1]) == "" {
			return fmt.Errorf("Labels.%s is empty: give the word in the page's language", pairs[i])
		}
	}
	return nil
}

// Fill replaces each {key} of tmpl by its value, and each {key|one|other}
// by one when key's value is 1 and by other when it is not, so that a
// language with plural forms says "1 step" and "2 steps" (a language
// without them writes no such choice); kv alternates key, value. A key
// with no value is left as written.
func Fill(tmpl string, kv ...string) string {
	vals := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		vals[kv[i]] = kv[i+1]
	}
	return placeholder.ReplaceAllStringFunc(tmpl, func(m string) string {
		p := placeholder.FindStringSubmatch(m)
		v, ok := vals[p[1]]
		switch {
		case !ok:
			return m
		case p[2] == "":
			return v
		case v == "1":
			return p[3]
		}
		return p[4]
	})
}

// placeholder is {key} or {key|one|other}.
var placeholder = regexp.MustCompile(`\{(\w+)(\|([^|{}]*)\|([^|{}]*))?\}`)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// checkID reports an ID that cannot prefix the picture's element IDs.
func checkID(id string) error {
	if !idPattern.MatchString(id) {
		return fmt.Errorf("ID %q: use lower-case letters, digits and hyphens, starting with a letter (it prefixes the picture's element IDs)", id)
	}
	return nil
}

// checkHead checks what every picture has: an ID, a title and something
// to draw (empty names what is missing when there is nothing), and the
// labels it uses (name, value pairs, as need takes them).
func checkHead(id, title, empty string, labels ...string) error {
	if err := checkID(id); err != nil {
		return err
	}
	if strings.TrimSpace(title) == "" {
		return fmt.Errorf("no title")
	}
	if empty != "" {
		return fmt.Errorf("%s: leave the picture out when there is nothing to draw", empty)
	}
	return need(labels...)
}

// checkURL accepts a relative URL or an http(s) one; an empty URL means no
// link.
func checkURL(u string) error {
	if u == "" {
		return nil
	}
	if strings.ContainsAny(u, " \t\r\n<>\"'`") {
		return fmt.Errorf("URL %q has a space, quote or angle bracket: percent-encode it", u)
	}
	scheme, _, ok := strings.Cut(u, ":")
	if ok && !strings.ContainsAny(scheme, "/?#") && scheme != "http" && scheme != "https" {
		return fmt.Errorf("URL %q: only relative, http and https URLs may be linked", u)
	}
	return nil
}

// esc escapes text for HTML and XML alike: element content and quoted
// attribute values.
func esc(s string) string { return template.HTMLEscapeString(s) }

func itoa(n int) string { return strconv.Itoa(n) }

// svgOpen writes the opening <svg> of a picture with its <title> and <desc>.
func svgOpen(b *strings.Builder, id, class string, w, h int, title, desc string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg %s" role="img" width="%d" height="%d" viewBox="0 0 %d %d" font-size="%d" aria-labelledby="%s-title" aria-describedby="%s-desc">`,
		class, w, h, w, h, fontSize, id, id)
	fmt.Fprintf(b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, id, esc(title), id, esc(desc))
}

// text writes one line of text at (x, y); anchor is start, middle or end.
func text(b *strings.Builder, x, y int, anchor, class, s string) {
	fmt.Fprintf(b, `<text x="%d" y="%d"`, x, y)
	if anchor != "start" {
		fmt.Fprintf(b, ` text-anchor="%s"`, anchor)
	}
	if class != "" {
		fmt.Fprintf(b, ` class="%s"`, class)
	}
	fmt.Fprintf(b, `>%s</text>`, esc(s))
}

// lines writes wrapped text, one <text> per line, the first baseline at y.
func lines(b *strings.Builder, x, y int, class string, ls []string) {
	for i, l := range ls {
		text(b, x, y+i*lineHeight, "start", class, l)
	}
}

// linkOpen opens an SVG link out of the tab order, for a part of the
// drawing hidden from assistive technology (see the package doc).
func linkOpen(b *strings.Builder, url, class string) {
	fmt.Fprintf(b, `<a href="%s" tabindex="-1" class="%s">`, esc(url), class)
}

// hit is a link's target in a link layer: a clear box over the part of the
// drawing it links, with a tooltip.
type hit struct {
	url, tip   string
	x, y, w, h int
}

// stack writes the picture img with a layer of links over it: an SVG of
// the same size, hidden from assistive technology, whose clear boxes link
// the parts of the picture under them. The links cannot be in img itself:
// the children of role="img" are presentational, so links there would be
// controls nested in an image (axe: nested-interactive).
func stack(b *strings.Builder, img string, w, h int, hits []hit) {
	b.WriteString(`<div class="chart-stack">` + img)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-hits" aria-hidden="true" width="%d" height="%d" viewBox="0 0 %d %d">`, w, h, w, h)
	for _, t := range hits {
		if t.url == "" {
			continue
		}
		linkOpen(b, t.url, "chart-hit")
		fmt.Fprintf(b, `<title>%s</title><rect x="%d" y="%d" width="%d" height="%d" fill="#ffffff" fill-opacity="0"/></a>`, esc(t.tip), t.x, t.y, t.w, t.h)
	}
	b.WriteString(`</svg></div>`)
}

// htmlLink writes s, as a link to url when url is set.
func htmlLink(b *strings.Builder, url, s string) {
	if url == "" {
		b.WriteString(esc(s))
		return
	}
	fmt.Fprintf(b, `<a href="%s">%s</a>`, esc(url), esc(s))
}

// figure wraps a picture and its data: the <details> under the picture.
func figure(kind, id, svg, summary, data string) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="chart chart-%s" id="%s">`, kind, id)
	b.WriteString(svg)
	fmt.Fprintf(&b, `<details class="chart-data"><summary>%s</summary>%s</details></figure>`, esc(summary), data)
	return template.HTML(b.String()) // #nosec: every text and URL above is escaped
}
