package chart

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Role is what a department does in a boundary matter.
type Role int

// The roles, as the content records them.
const (
	Lead Role = iota + 1
	Shares
	Coordinates
)

// Roles lists the roles in their order in the legend and the data table.
var Roles = []Role{Lead, Shares, Coordinates}

// word is the role's name in l.
func (r Role) word(l Labels) string {
	switch r {
	case Lead:
		return l.Lead
	case Shares:
		return l.Shares
	default:
		return l.Coordinates
	}
}

// Header is a column (a department) of a Matrix.
type Header struct {
	Label string
	URL   string // optional: the department's page
}

// Row is a matter of a Matrix and the departments that have a role in it.
type Row struct {
	Label string
	URL   string // optional: the matter's page
	Cells []Cell
}

// Cell is one department's role in a matter, linking to its division.
type Cell struct {
	Column int // index into Matrix.Columns
	Role   Role
	URL    string
}

// Matrix is who does what at the boundaries: matters (rows) × departments
// (columns).
type Matrix struct {
	ID      string // prefixes the picture's element IDs; unique on the page
	Title   string // also names the scrolling box
	Desc    string // the <desc>; empty for Labels.MatrixDesc
	Columns []Header
	Rows    []Row
}

const (
	cellSize   = 28  // a cell: also the smallest target a pointer must hit
	rowLabelW  = 150 // leaves room for cells beside the row labels on a phone
	headerSlop = 10
)

// sin45 turns a column label's length into the header's height (labels
// are drawn at 45°).
var sin45 = math.Sqrt2 / 2

func (m Matrix) check(l Labels) error {
	empty := ""
	if len(m.Rows) == 0 || len(m.Columns) == 0 {
		empty = fmt.Sprintf("%d rows and %d columns", len(m.Rows), len(m.Columns))
	}
	if err := checkHead(m.ID, m.Title, empty, "Data", l.Data, "Matter", l.Matter, "Lead", l.Lead, "Shares", l.Shares,
		"Coordinates", l.Coordinates, "Legend", l.Legend, "MatrixDesc", l.MatrixDesc); err != nil {
		return err
	}
	for j, h := range m.Columns {
		if strings.TrimSpace(h.Label) == "" {
			return fmt.Errorf("column %d has no label", j+1)
		}
		if err := checkURL(h.URL); err != nil {
			return fmt.Errorf("column %d (%s): %w", j+1, h.Label, err)
		}
	}
	for i, r := range m.Rows {
		if err := m.checkRow(r); err != nil {
			return fmt.Errorf("row %d (%s): %w", i+1, r.Label, err)
		}
	}
	return nil
}

func (m Matrix) checkRow(r Row) error {
	if strings.TrimSpace(r.Label) == "" {
		return fmt.Errorf("no label")
	}
	if err := checkURL(r.URL); err != nil {
		return err
	}
	seen := map[int]bool{}
	for _, c := range r.Cells {
		if c.Column < 0 || c.Column >= len(m.Columns) {
			return fmt.Errorf("a cell is in column %d, but there are columns 0…%d", c.Column, len(m.Columns)-1)
		}
		if seen[c.Column] {
			return fmt.Errorf("two cells in column %d (%s): give a department one role per matter", c.Column, m.Columns[c.Column].Label)
		}
		seen[c.Column] = true
		if c.Role < Lead || c.Role > Coordinates {
			return fmt.Errorf("the cell in column %d has role %d: use Lead, Shares or Coordinates", c.Column, c.Role)
		}
		if err := checkURL(c.URL); err != nil {
			return err
		}
	}
	return nil
}

// matrixLayout is the geometry the four parts of the drawing share.
type matrixLayout struct {
	labels  [][]string // each row's label, wrapped
	tops    []int      // each row's top
	heights []int
	labelW  int // the row labels' column
	headerH int // the column labels' band
	slant   int // how far the last column label reaches past the cells
	cellsW  int
	cellsH  int
}

func (m Matrix) layout(l Labels) matrixLayout {
	g := matrixLayout{labelW: px(l.Matter)}
	colW := 0
	for _, h := range m.Columns {
		colW = max(colW, px(h.Label))
	}
	g.slant = int(math.Ceil(float64(colW) * sin45))
	g.headerH = g.slant + headerSlop + fontSize
	for _, r := range m.Rows {
		ls := wrap(r.Label, rowLabelW)
		h := max(cellSize, len(ls)*lineHeight+8)
		g.labels = append(g.labels, ls)
		g.tops = append(g.tops, g.cellsH)
		g.heights = append(g.heights, h)
		g.labelW = max(g.labelW, widest(ls))
		g.cellsH += h
	}
	g.labelW += 2 * barNumGap
	g.cellsW = len(m.Columns) * cellSize
	return g
}

// RenderMatrix draws m as a grid in a box that scrolls on its own (the
// column labels stay on top and the row labels on the left while it
// scrolls), a legend before it and the data as a table under it.
func RenderMatrix(m Matrix, l Labels) (template.HTML, error) {
	if err := m.check(l); err != nil {
		return "", fmt.Errorf("chart matrix %q: %w", m.ID, err)
	}
	g := m.layout(l)
	cells := 0
	for _, r := range m.Rows {
		cells += len(r.Cells)
	}
	desc := m.Desc
	if desc == "" {
		desc = Fill(l.MatrixDesc, "rows", itoa(len(m.Rows)), "cols", itoa(len(m.Columns)), "cells", itoa(cells))
	}
	var b strings.Builder
	m.legend(&b, l)
	fmt.Fprintf(&b, `<div class="chart-scroll" role="region" tabindex="0" aria-label="%s"><div class="chart-grid">`, esc(m.Title))
	fmt.Fprintf(&b, `<div class="chart-corner"><svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="%d" height="%d" viewBox="0 0 %d %d" font-size="%d">`,
		g.labelW, g.headerH, g.labelW, g.headerH, fontSize)
	text(&b, barNumGap, g.headerH-headerSlop, "start", "chart-head", l.Matter)
	b.WriteString(`</svg></div>`)
	m.columnLabels(&b, g)
	m.rowLabels(&b, g)
	m.cells(&b, g, l, desc)
	b.WriteString(`</div></div>`)
	return figure("matrix", m.ID, b.String(), l.Data, m.table(l)), nil
}

// legend is the key to the shapes, in HTML so that it wraps on a phone.
func (m Matrix) legend(b *strings.Builder, l Labels) {
	fmt.Fprintf(b, `<div class="chart-legend"><span class="chart-legend-title">%s</span><ul>`, esc(l.Legend))
	for _, r := range Roles {
		fmt.Fprintf(b, `<li><svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="%d" height="%d" viewBox="0 0 %d %d">`, cellSize, cellSize, cellSize, cellSize)
		key := m.ID + "-key"
		if r == Shares {
			hatch(b, key)
		}
		shape(b, key, r, cellSize/2, cellSize/2)
		fmt.Fprintf(b, `</svg> %s</li>`, esc(r.word(l)))
	}
	b.WriteString(`</ul></div>`)
}

// shape draws a role's mark centred on (x, y): lead a filled square,
// shares a hatched circle, coordinates a hollow triangle. Each reads in
// black and white and without colour. The hatch is the pattern id-hatch.
func shape(b *strings.Builder, id string, r Role, x, y int) {
	switch r {
	case Lead:
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="14" height="14" class="chart-lead" fill="#9e1b1b" stroke="#1a1a1a" stroke-width="1"/>`, x-7, y-7)
	case Shares:
		fmt.Fprintf(b, `<circle cx="%d" cy="%d" r="8" class="chart-shares" fill="url(#%s-hatch)" stroke="#0b4f9c" stroke-width="2"/>`, x, y, id)
	default:
		fmt.Fprintf(b, `<path d="M%d %dL%d %dL%d %dZ" class="chart-coordinates" fill="#ffffff" stroke="#1a1a1a" stroke-width="2"/>`, x, y-8, x+8, y+7, x-8, y+7)
	}
}

// hatch defines the pattern id-hatch that fills the mark of Shares.
func hatch(b *strings.Builder, id string) {
	fmt.Fprintf(b, `<defs><pattern id="%s-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><rect width="2" height="4" fill="#0b4f9c"/></pattern></defs>`, id)
}

func (m Matrix) columnLabels(b *strings.Builder, g matrixLayout) {
	w := g.cellsW + g.slant
	fmt.Fprintf(b, `<div class="chart-cols"><svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="%d" height="%d" viewBox="0 0 %d %d" font-size="%d">`,
		w, g.headerH, w, g.headerH, fontSize)
	y := g.headerH - headerSlop/2
	for j, h := range m.Columns {
		x := j*cellSize + cellSize/2
		if h.URL != "" {
			linkOpen(b, h.URL, "chart-link")
		}
		fmt.Fprintf(b, `<text x="%d" y="%d" transform="rotate(-45 %d %d)">%s</text>`, x, y, x, y, esc(h.Label))
		if h.URL != "" {
			b.WriteString(`</a>`)
		}
	}
	b.WriteString(`</svg></div>`)
}

func (m Matrix) rowLabels(b *strings.Builder, g matrixLayout) {
	fmt.Fprintf(b, `<div class="chart-rows"><svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="%d" height="%d" viewBox="0 0 %d %d" font-size="%d">`,
		g.labelW, g.cellsH, g.labelW, g.cellsH, fontSize)
	for i, r := range m.Rows {
		if i%2 == 1 {
			fmt.Fprintf(b, `<rect x="0" y="%d" width="%d" height="%d" class="chart-zebra" fill="#f5f3ef"/>`, g.tops[i], g.labelW, g.heights[i])
		}
		if r.URL != "" {
			linkOpen(b, r.URL, "chart-link")
		}
		y := g.tops[i] + (g.heights[i]-len(g.labels[i])*lineHeight)/2 + fontSize
		lines(b, barNumGap, y, "", g.labels[i])
		if r.URL != "" {
			b.WriteString(`</a>`)
		}
	}
	b.WriteString(`</svg></div>`)
}

// cells is the picture proper: the grid and a shape per role, under a
// layer of links to the divisions, each with a tooltip naming matter,
// department and role.
func (m Matrix) cells(b *strings.Builder, g matrixLayout, l Labels, desc string) {
	var img strings.Builder
	svgOpen(&img, m.ID, "chart-matrix-svg", g.cellsW, g.cellsH, m.Title, desc)
	hatch(&img, m.ID)
	for i := range m.Rows {
		if i%2 == 1 {
			fmt.Fprintf(&img, `<rect x="0" y="%d" width="%d" height="%d" class="chart-zebra" fill="#f5f3ef"/>`, g.tops[i], g.cellsW, g.heights[i])
		}
	}
	for j := 0; j <= len(m.Columns); j++ {
		fmt.Fprintf(&img, `<path d="M%d 0V%d" class="chart-rule" stroke="#d0d0d0"/>`, j*cellSize, g.cellsH)
	}
	var hits []hit
	for i, r := range m.Rows {
		for _, c := range r.Cells {
			x := c.Column * cellSize
			shape(&img, m.ID, c.Role, x+cellSize/2, g.tops[i]+g.heights[i]/2)
			tip := r.Label + " · " + m.Columns[c.Column].Label + " · " + c.Role.word(l)
			hits = append(hits, hit{url: c.URL, tip: tip, x: x, y: g.tops[i], w: cellSize, h: g.heights[i]})
		}
	}
	img.WriteString(`</svg>`)
	b.WriteString(`<div class="chart-cells">`)
	stack(b, img.String(), g.cellsW, g.cellsH, hits)
	b.WriteString(`</div>`)
}

// table is the data: a row per matter, a column per role listing the
// departments that have it, each linking to its division.
func (m Matrix) table(l Labels) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<table class="chart-table stack"><thead><tr><th scope="col">%s</th>`, esc(l.Matter))
	for _, r := range Roles {
		fmt.Fprintf(&b, `<th scope="col">%s</th>`, esc(r.word(l)))
	}
	b.WriteString(`</tr></thead><tbody>`)
	for _, row := range m.Rows {
		b.WriteString(`<tr><th scope="row">`)
		htmlLink(&b, row.URL, row.Label)
		b.WriteString(`</th>`)
		for _, role := range Roles {
			var names []string
			for _, c := range row.Cells {
				if c.Role == role {
					var n strings.Builder
					htmlLink(&n, c.URL, m.Columns[c.Column].Label)
					names = append(names, `<li>`+n.String()+`</li>`)
				}
			}
			if len(names) == 0 {
				b.WriteString(`<td class="chart-none"></td>`) // hidden when the table stacks on a phone
				continue
			}
			fmt.Fprintf(&b, `<td data-label="%s"><ul class="chart-names">%s</ul></td>`, esc(role.word(l)), strings.Join(names, ""))
		}
		b.WriteString(`</tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}
