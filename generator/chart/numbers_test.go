package chart

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// The numbers, links and words drawn are the input's: each test reads the
// output back as XML and compares it with the case file's input.

func TestBarsShowTheirCounts(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"bars-zh", "bars-en"} {
		c, out := render(t, name)
		in := input[Bars](t, c.Input)
		root := parse(t, string(out))
		svg := root.one(t, "the picture", func(n *node) bool { return n.attr["role"] == "img" })
		rows := svg.all(tagClass("g", "chart-row"))
		links := root.one(t, "the link layer", class("chart-hits")).all(tag("a"))
		if len(links) != len(in.Bars) || len(rows) != len(in.Bars) {
			t.Fatalf("%s: %d bars and %d links, want one of each per count (%d)", name, len(rows), len(links), len(in.Bars))
		}
		most, widths := 0, map[int]int{}
		for _, b := range in.Bars {
			most = max(most, b.N)
		}
		for i, row := range rows {
			want := in.Bars[i]
			if links[i].attr["href"] != want.URL || links[i].one(t, "a tooltip", tag("title")).Text() != want.Label {
				t.Errorf("%s: bar %d links to %q, want %q", name, i+1, links[i].attr["href"], want.URL)
			}
			num := row.one(t, "a bar's number", tagClass("text", "chart-num"))
			if num.Text() != strconv.Itoa(want.N) {
				t.Errorf("%s: bar %d (%s) says %q, want %d", name, i+1, want.Label, num.Text(), want.N)
			}
			if label := strings.Join(textsOf(row.all(tagClass("text", "chart-bar-label"))), ""); strings.ReplaceAll(label, " ", "") != strings.ReplaceAll(want.Label, " ", "") {
				t.Errorf("%s: bar %d is labelled %q, want %q", name, i+1, label, want.Label)
			}
			bar := row.one(t, "a bar", tagClass("rect", "chart-bar"))
			widths[want.N] = atoiAttr(t, bar, "width")
			if target := links[i].one(t, "a link's box", tag("rect")); atoiAttr(t, target, "y") > atoiAttr(t, bar, "y") ||
				atoiAttr(t, target, "y")+atoiAttr(t, target, "height") < atoiAttr(t, bar, "y")+barHeight {
				t.Errorf("%s: bar %d's link does not cover its bar", name, i+1)
			}
		}
		if widths[0] != 0 || widths[most] <= widths[most/2] || widths[1] < barMinFill {
			t.Errorf("%s: bar lengths do not follow the counts: %v", name, widths)
		}
		data := root.one(t, "the data", tag("details"))
		for _, row := range data.all(tag("tr"))[1:] {
			cells := row.kids
			i := indexOfLabel(in.Bars, cells[0].Text())
			if i < 0 || cells[1].Text() != strconv.Itoa(in.Bars[i].N) || hrefs(cells[0])[in.Bars[i].Label] != in.Bars[i].URL {
				t.Errorf("%s: the data's row %q/%q does not match the input", name, cells[0].Text(), cells[1].Text())
			}
		}
	}
}

func textsOf(ns []*node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text())
	}
	return out
}

func indexOfLabel(cs []Count, label string) int {
	for i, c := range cs {
		if c.Label == label {
			return i
		}
	}
	return -1
}

func TestCountsShowTheirNumbers(t *testing.T) {
	t.Parallel()
	c, out := render(t, "counts-zh")
	in := input[[]Count](t, c.Input)
	items := parse(t, string(out)).all(tag("li"))
	if len(items) != len(in) {
		t.Fatalf("%d counts shown, want %d", len(items), len(in))
	}
	for i, li := range items {
		n := li.one(t, "the number", class("chart-n")).Text()
		label := li.one(t, "the label", class("chart-label")).Text()
		if n != strconv.Itoa(in[i].N) || label != in[i].Label {
			t.Errorf("count %d shows %s %q, want %d %q", i+1, n, label, in[i].N, in[i].Label)
		}
		links := li.all(tag("a"))
		if (in[i].URL == "") != (len(links) == 0) || (len(links) == 1 && links[0].attr["href"] != in[i].URL) {
			t.Errorf("count %d (%s): links %v, want URL %q", i+1, in[i].Label, len(links), in[i].URL)
		}
	}
}

// TestMatrixCellsLinkTheirDivisions finds each input cell in the picture by
// its position (column from x, row from y), its shape (role) and its link,
// and in the data table under the right role.
func TestMatrixCellsLinkTheirDivisions(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"matrix-zh", "matrix-en"} {
		c, out := render(t, name)
		in := input[Matrix](t, c.Input)
		l := labels(t, c.Lang)
		root := parse(t, string(out))
		svg := root.one(t, "the picture", tagClass("svg", "chart-matrix-svg"))
		roles := map[[2]int]string{}
		for _, role := range []string{"lead", "shares", "coordinates"} {
			for _, mark := range svg.all(class("chart-" + role)) {
				x, y := centre(t, mark)
				roles[[2]int{rowAt(in, l, y), x / cellSize}] = role
			}
		}
		drawn := map[string]bool{}
		for _, a := range root.one(t, "the link layer", class("chart-hits")).all(tag("a")) {
			box := a.one(t, "a cell's box", tag("rect"))
			row, col := rowAt(in, l, atoiAttr(t, box, "y")), atoiAttr(t, box, "x")/cellSize
			drawn[in.Rows[row].Label+"|"+in.Columns[col].Label+"|"+roles[[2]int{row, col}]+"|"+a.attr["href"]] = true
			if tip := a.one(t, "a cell's tooltip", tag("title")).Text(); !strings.Contains(tip, in.Rows[row].Label) || !strings.Contains(tip, in.Columns[col].Label) {
				t.Errorf("%s: tooltip %q does not name matter %q and department %q", name, tip, in.Rows[row].Label, in.Columns[col].Label)
			}
		}
		if len(roles) != len(drawn) {
			t.Errorf("%s: %d marks but %d links", name, len(roles), len(drawn))
		}
		want := 0
		table := root.one(t, "the data", tag("table"))
		for i, r := range in.Rows {
			tds := table.all(tag("tr"))[i+1].all(tag("td"))
			for _, cell := range r.Cells {
				want++
				key := r.Label + "|" + in.Columns[cell.Column].Label + "|" + []string{"", "lead", "shares", "coordinates"}[cell.Role] + "|" + cell.URL
				if !drawn[key] {
					t.Errorf("%s: cell %s is not drawn", name, key)
				}
				if hrefs(tds[cell.Role-1])[in.Columns[cell.Column].Label] != cell.URL {
					t.Errorf("%s: the data does not link %s under its role", name, key)
				}
			}
		}
		if len(drawn) != want {
			t.Errorf("%s: %d cells drawn, want %d", name, len(drawn), want)
		}
		region := root.one(t, "the scrolling box", class("chart-scroll"))
		if region.attr["role"] != "region" || region.attr["tabindex"] != "0" || region.attr["aria-label"] != in.Title {
			t.Errorf("%s: the scrolling box is %v, want role=region tabindex=0 aria-label=title", name, region.attr)
		}
	}
}

// centre is where a role's mark is centred.
func centre(t *testing.T, mark *node) (int, int) {
	t.Helper()
	switch mark.name {
	case "rect":
		return atoiAttr(t, mark, "x") + 7, atoiAttr(t, mark, "y") + 7
	case "circle":
		return atoiAttr(t, mark, "cx"), atoiAttr(t, mark, "cy")
	}
	var x, y int
	if _, err := fmt.Sscanf(mark.attr["d"], "M%d %d", &x, &y); err != nil {
		t.Fatalf("mark %v: %v", mark.attr, err)
	}
	return x, y + 8
}

// rowAt is the row whose band holds y.
func rowAt(m Matrix, l Labels, y int) int {
	g := m.layout(l)
	for i := range g.tops {
		if y >= g.tops[i] && y < g.tops[i]+g.heights[i] {
			return i
		}
	}
	return -1
}

func TestTimelineShowsDeadlines(t *testing.T) {
	t.Parallel()
	for name, want := range map[string][]string{
		"timeline-zh": {"自发现之日起 15 日内", "自立案之日起 3 个月内", "经主要负责人批准，可以延长 30 日", "自作出之日起 7 日内"},
		"timeline-en": {"within 15 days of the date of discovery", "within 3 months of the date the case is opened", "extendable by 30 days with the approval of the principal person in charge", "within 7 days of the date the decision is made"},
	} {
		c, out := render(t, name)
		in := input[Timeline](t, c.Input)
		root := parse(t, string(out))
		svg := root.one(t, "the picture", tag("svg"))
		if got := len(svg.all(tagClass("circle", "chart-marker"))); got != len(in.Steps) {
			t.Errorf("%s: %d step markers, want %d", name, got, len(in.Steps))
		}
		drawn := strings.Join(textsOf(svg.all(tag("text"))), " ")
		listed := textsOf(root.one(t, "the data", tag("ol")).all(tag("dd")))
		if strings.Join(listed, "|") != strings.Join(want, "|") {
			t.Errorf("%s: the data lists deadlines %q, want %q", name, listed, want)
		}
		for _, w := range want {
			if !strings.Contains(strings.ReplaceAll(drawn, " ", ""), strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s: the picture does not show %q; it has %q", name, w, drawn)
			}
		}
		if got := len(svg.all(tagClass("rect", "chart-extension"))); got != 1 {
			t.Errorf("%s: %d dashed extension boxes, want 1", name, got)
		}
	}
}

func TestOneDayIsSingular(t *testing.T) {
	t.Parallel()
	l := labels(t, "en")
	if got := (Deadline{N: 1, Unit: Months, From: "filing"}).within(l); got != "within 1 month of filing" {
		t.Errorf("got %q", got)
	}
}

// TestLargeMatrix draws 150 matters × 45 departments: every cell drawn, the
// picture in its scrolling box, and the row labels no wider than their
// column allows.
func TestLargeMatrix(t *testing.T) {
	t.Parallel()
	m := bigMatrix(150, 45)
	out, err := RenderMatrix(m, labels(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	root := parse(t, string(out))
	checkWellMade(t, root)
	want := 0
	for _, r := range m.Rows {
		want += len(r.Cells)
	}
	if got := len(root.one(t, "the link layer", class("chart-hits")).all(tag("a"))); got != want {
		t.Errorf("%d cells drawn, want %d", got, want)
	}
	svg := root.one(t, "the picture", tagClass("svg", "chart-matrix-svg"))
	if w := atoiAttr(t, svg, "width"); w != 45*cellSize {
		t.Errorf("the cells are %d wide, want %d", w, 45*cellSize)
	}
	rows := root.one(t, "the row labels", class("chart-rows")).kids[0]
	if w := atoiAttr(t, rows, "width"); w > rowLabelW+2*barNumGap {
		t.Errorf("the row labels are %d wide, more than %d", w, rowLabelW+2*barNumGap)
	}
}

func bigMatrix(rows, cols int) Matrix {
	m := Matrix{ID: "big", Title: "Who does what"}
	for j := range cols {
		m.Columns = append(m.Columns, Header{Label: "Municipal Bureau number " + strconv.Itoa(j+1)})
	}
	for i := range rows {
		r := Row{Label: "Boundary matter " + strconv.Itoa(i+1) + " on the supervision of something shared", URL: "b/" + strconv.Itoa(i+1) + "/"}
		for j := range 3 {
			col := (i*7 + j*13) % cols
			r.Cells = append(r.Cells, Cell{Column: col, Role: Roles[j], URL: r.URL + "#d" + strconv.Itoa(col)})
		}
		m.Rows = append(m.Rows, r)
	}
	return m
}
