package chart

import (
	"fmt"
	"html/template"
	"strings"
)

// Count is a labelled number, linking to URL when it is set.
type Count struct {
	Label string
	N     int
	URL   string
}

// Bars is a horizontal bar chart: one bar per Count, in the given order.
type Bars struct {
	ID    string // prefixes the picture's element IDs; unique on the page
	Title string
	Desc  string // the <desc>; empty for Labels.BarsDesc
	Bars  []Count
}

const (
	barsWidth  = 320 // the picture's width: it fits a phone at scale 1
	barHeight  = 16
	barRowGap  = 12
	barNumGap  = 6
	barMinFill = 2 // a bar of a non-zero count is at least this long
)

func checkCounts(cs []Count) error {
	for i, c := range cs {
		if strings.TrimSpace(c.Label) == "" {
			return fmt.Errorf("count %d has no label", i+1)
		}
		if c.N < 0 {
			return fmt.Errorf("count %d (%s) is %d: counts are never negative", i+1, c.Label, c.N)
		}
		if err := checkURL(c.URL); err != nil {
			return fmt.Errorf("count %d (%s): %w", i+1, c.Label, err)
		}
	}
	return nil
}

// RenderCounts renders labelled counts ("the list at a glance") as a list:
// each number large, its label under it, a link when the Count has a URL.
func RenderCounts(cs []Count) (template.HTML, error) {
	if err := checkCounts(cs); err != nil {
		return "", fmt.Errorf("chart counts: %w", err)
	}
	var b strings.Builder
	b.WriteString(`<ul class="chart-counts">`)
	for _, c := range cs {
		b.WriteString(`<li>`)
		inner := fmt.Sprintf(`<span class="chart-n">%d</span> <span class="chart-label">%s</span>`, c.N, esc(c.Label))
		if c.URL != "" {
			inner = fmt.Sprintf(`<a href="%s">%s</a>`, esc(c.URL), inner)
		}
		b.WriteString(inner + `</li>`)
	}
	b.WriteString(`</ul>`)
	return template.HTML(b.String()), nil // #nosec: escaped above
}

// RenderBars draws c as a bar chart with its data as a table under it.
func RenderBars(c Bars, l Labels) (template.HTML, error) {
	if err := c.check(l); err != nil {
		return "", fmt.Errorf("chart bars %q: %w", c.ID, err)
	}
	total, most := 0, 0
	for i, bar := range c.Bars {
		total += bar.N
		if bar.N > c.Bars[most].N {
			most = i
		}
	}
	desc := c.Desc
	if desc == "" {
		desc = Fill(l.BarsDesc, "n", itoa(len(c.Bars)), "total", itoa(total), "max", c.Bars[most].Label)
	}
	return figure("bars", c.ID, c.svg(c.Bars[most].N, desc), l.Data, c.table(l)), nil
}

func (c Bars) check(l Labels) error {
	empty := ""
	if len(c.Bars) == 0 {
		empty = "no bars"
	}
	if err := checkHead(c.ID, c.Title, empty, "Data", l.Data, "Regime", l.Regime, "Items", l.Items, "BarsDesc", l.BarsDesc); err != nil {
		return err
	}
	return checkCounts(c.Bars)
}

// svg lays the bars out top to bottom: the label's lines, then the bar with
// its number after it; a link over label, bar and number.
func (c Bars) svg(most int, desc string) string {
	numW := px(itoa(most))
	span := barsWidth - numW - barNumGap
	var body strings.Builder
	var hits []hit
	y := 0
	for _, bar := range c.Bars {
		top := y
		body.WriteString(`<g class="chart-row">`)
		ls := wrap(bar.Label, barsWidth)
		class := "chart-bar-label"
		if bar.URL != "" {
			class += " chart-linked"
		}
		lines(&body, 0, y+fontSize, class, ls)
		y += len(ls)*lineHeight + 2
		w := 0
		if most > 0 && bar.N > 0 {
			w = max(barMinFill, bar.N*span/most)
		}
		fmt.Fprintf(&body, `<rect x="0" y="%d" width="%d" height="%d" class="chart-bar" fill="#0b4f9c"/>`, y, w, barHeight)
		text(&body, w+barNumGap, y+barHeight-3, "start", "chart-num", itoa(bar.N))
		body.WriteString(`</g>`)
		y += barHeight + barRowGap
		hits = append(hits, hit{url: bar.URL, tip: bar.Label, y: top, w: barsWidth, h: y - top - barRowGap/2})
	}
	h := y - barRowGap + 2
	var img strings.Builder
	svgOpen(&img, c.ID, "chart-bars-svg", barsWidth, h, c.Title, desc)
	img.WriteString(body.String() + `</svg>`)
	var b strings.Builder
	stack(&b, img.String(), barsWidth, h, hits)
	return b.String()
}

func (c Bars) table(l Labels) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table class="chart-table stack"><thead><tr><th scope="col">%s</th><th scope="col">%s</th></tr></thead><tbody>`, esc(l.Regime), esc(l.Items))
	for _, bar := range c.Bars {
		b.WriteString(`<tr><th scope="row">`)
		htmlLink(&b, bar.URL, bar.Label)
		fmt.Fprintf(&b, `</th><td class="chart-num" data-label="%s">%d</td></tr>`, esc(l.Items), bar.N)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}
