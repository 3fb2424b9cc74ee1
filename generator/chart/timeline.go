package chart

import (
	"fmt"
	"html/template"
	"strings"
)

// Unit is the unit of a Deadline.
type Unit int

// The units of a deadline.
const (
	Days Unit = iota + 1
	Months
)

// Deadline is a time limit: N units counted from From.
type Deadline struct {
	N         int
	Unit      Unit
	From      string // what it counts from ("发现之日", "discovery")
	Extension string // optional ("extendable by 30 days with approval")
}

// Step is a step of a procedure.
type Step struct {
	Name     string    // optional: the step's short name ("立案"), drawn in place of Label
	Label    string    // the list's own sentence
	Deadline *Deadline // optional
	// LabelHTML is optional: Label as trusted HTML for the data beside the
	// picture, where the caller links what Label mentions (the site's
	// 《…》 citations). The picture itself always draws Label.
	LabelHTML template.HTML
}

// Timeline is a procedure drawn as its steps, top to bottom.
type Timeline struct {
	ID    string // prefixes the picture's element IDs; unique on the page
	Title string
	Desc  string // the <desc>; empty for Labels.TimelineDesc
	Steps []Step
}

const (
	markerR   = 13          // the numbered circle of a step
	markerX   = markerR + 1 // its centre, clear of the left edge
	stepText  = 2*markerR + 12
	boxPad    = 6
	stepGap   = 16
	timelineW = barsWidth
)

func (t Timeline) check(l Labels) error {
	empty := ""
	if len(t.Steps) == 0 {
		empty = "no steps"
	}
	if err := checkHead(t.ID, t.Title, empty, "Data", l.Data, "Deadline", l.Deadline, "Within", l.Within,
		"Day", l.Day, "Days", l.Days, "Month", l.Month, "Months", l.Months, "TimelineDesc", l.TimelineDesc); err != nil {
		return err
	}
	for i, s := range t.Steps {
		if strings.TrimSpace(s.Label) == "" {
			return fmt.Errorf("step %d has no sentence (Label)", i+1)
		}
		d := s.Deadline
		if d == nil {
			continue
		}
		if d.N <= 0 || (d.Unit != Days && d.Unit != Months) || strings.TrimSpace(d.From) == "" {
			return fmt.Errorf("step %d: a deadline needs a positive number, a unit (Days or Months) and what it counts from; got %d, unit %d, from %q", i+1, d.N, d.Unit, d.From)
		}
	}
	return nil
}

// within words a deadline in l: "自发现之日起 15 日内", "within 15 days of discovery".
func (d Deadline) within(l Labels) string {
	unit := map[bool]map[Unit]string{true: {Days: l.Day, Months: l.Month}, false: {Days: l.Days, Months: l.Months}}[d.N == 1][d.Unit]
	return Fill(l.Within, "n", itoa(d.N), "unit", unit, "from", d.From)
}

// RenderTimeline draws t as numbered steps on a line, each with its name
// (or sentence) and its deadline in a box (an extension in a dashed box),
// and the steps as an ordered list under it.
func RenderTimeline(t Timeline, l Labels) (template.HTML, error) {
	if err := t.check(l); err != nil {
		return "", fmt.Errorf("chart timeline %q: %w", t.ID, err)
	}
	deadlines := 0
	for _, s := range t.Steps {
		if s.Deadline != nil {
			deadlines++
		}
	}
	desc := t.Desc
	if desc == "" {
		desc = Fill(l.TimelineDesc, "n", itoa(len(t.Steps)), "deadlines", itoa(deadlines))
	}
	return figure("timeline", t.ID, t.svg(l, desc), l.Data, t.list(l)), nil
}

func (t Timeline) svg(l Labels, desc string) string {
	var body strings.Builder
	textW := timelineW - stepText
	y := 0
	var centres []int
	for i, s := range t.Steps {
		centres = append(centres, y+markerR)
		fmt.Fprintf(&body, `<circle cx="%d" cy="%d" r="%d" class="chart-marker" fill="#9e1b1b" stroke="#1a1a1a" stroke-width="1"/>`, markerX, y+markerR, markerR)
		text(&body, markerX, y+markerR+5, "middle", "chart-marker-n", itoa(i+1))
		name := s.Name
		if name == "" {
			name = s.Label
		}
		ls := wrap(name, textW*9/10) // bold runs wider
		lines(&body, stepText, y+markerR+5, "chart-step", ls)
		y += max(2*markerR, len(ls)*lineHeight+markerR-fontSize/2)
		if d := s.Deadline; d != nil {
			y = box(&body, y+boxPad, wrap(d.within(l), textW-2*boxPad), "chart-deadline", "")
			if d.Extension != "" {
				y = box(&body, y+boxPad, wrap(d.Extension, textW-2*boxPad), "chart-extension", ` stroke-dasharray="5 3"`)
			}
		}
		y += stepGap
	}
	var b strings.Builder
	svgOpen(&b, t.ID, "chart-timeline-svg", timelineW, y-stepGap+2, t.Title, desc)
	for i := 1; i < len(centres); i++ {
		fmt.Fprintf(&b, `<path d="M%d %dV%d" class="chart-axis" stroke="#4a4a4a" stroke-width="2"/>`, markerX, centres[i-1]+markerR, centres[i]-markerR)
	}
	b.WriteString(body.String())
	b.WriteString(`</svg>`)
	return b.String()
}

// box draws ls in a framed box whose top is y, and returns its bottom.
func box(b *strings.Builder, y int, ls []string, class, extra string) int {
	h := len(ls)*lineHeight + boxPad
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" rx="4" class="%s" fill="#ffffff" stroke="#1a1a1a" stroke-width="1.5"%s/>`,
		stepText, y, widest(ls)+2*boxPad, h, class, extra)
	lines(b, stepText+boxPad, y+fontSize+boxPad/2+1, "", ls)
	return y + h
}

// list is the data: the steps in order, each with its deadline.
func (t Timeline) list(l Labels) string {
	var b strings.Builder
	b.WriteString(`<ol class="chart-steps">`)
	for _, s := range t.Steps {
		b.WriteString(`<li><p>`)
		if s.Name != "" {
			fmt.Fprintf(&b, `<strong>%s</strong> `, esc(s.Name))
		}
		if s.LabelHTML != "" {
			b.WriteString(string(s.LabelHTML) + `</p>`)
		} else {
			b.WriteString(esc(s.Label) + `</p>`)
		}
		if d := s.Deadline; d != nil {
			fmt.Fprintf(&b, `<dl class="chart-deadline"><dt>%s</dt><dd>%s</dd>`, esc(l.Deadline), esc(d.within(l)))
			if d.Extension != "" {
				fmt.Fprintf(&b, `<dd>%s</dd>`, esc(d.Extension))
			}
			b.WriteString(`</dl>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
}
