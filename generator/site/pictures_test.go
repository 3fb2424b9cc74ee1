package site

// Whole-site tests of the pictures: their numbers and links are asserted
// against the content, counted here independently of pictures.go.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"qingdan/generator/benchsite"
	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// deptCounts counts a department's parts from its records, in the order
// of the list at a glance, with the page each count links to.
func deptCounts(t *testing.T, c *content.Content, d *content.Department) (ns []int, pages []string) {
	t.Helper()
	g, err := check.Check(c)
	if err != nil {
		t.Fatal(err)
	}
	var items, bases, circs int
	for _, du := range d.Duties {
		items += len(du.Items)
		bases += len(du.Bases)
		for _, b := range du.Bases {
			for _, a := range b.Articles {
				circs += len(a.Circumstances)
			}
		}
	}
	cited := 0
	for _, in := range c.Registry.Instruments {
		if slices.ContainsFunc(g.CitedBy(in), func(ct graph.Citation) bool { return ct.Dept == d }) {
			cited++
		}
	}
	ns = []int{len(d.Duties), items, bases, circs, len(d.Boundaries), len(d.Systems), len(d.Services), cited}
	base := d.Slug + "/"
	pages = []string{base + "duties/", base + "duties/", base + "duties/", base + "duties/", base + "boundaries/",
		base + "systems/", base + "services/", "laws/"}
	return ns, pages
}

// glanceOn reads the list at a glance on a page: each count's number and
// the file its link leads to ("" without a link).
func glanceOn(t *testing.T, out *Output, p string) (ns []int, targets []string) {
	t.Helper()
	doc := parsePage(t, p, out.Files[p])
	uls := findAll(doc, func(n *html.Node) bool { return n.Data == "ul" && hasClass(n, "chart-counts") })
	if len(uls) != 1 {
		t.Fatalf("%s: %d lists of counts, want 1", p, len(uls))
	}
	for _, li := range findAll(uls[0], tagIs("li")) {
		num := findAll(li, func(n *html.Node) bool { return hasClass(n, "chart-n") })
		n, err := strconv.Atoi(nodeText(num[0]))
		if err != nil {
			t.Fatalf("%s: count %q: %v", p, nodeText(num[0]), err)
		}
		target := ""
		if as := findAll(li, tagIs("a")); len(as) > 0 {
			target = resolve(p, attr(as[0], "href"))
		}
		ns, targets = append(ns, n), append(targets, target)
	}
	return ns, targets
}

// TestGlanceCounts: the counts on a department's home page are its
// records' and link to its parts.
func TestGlanceCounts(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	for _, d := range c.Departments {
		want, pages := deptCounts(t, c, d)
		if want[1] != 43 { // the seed's list numbers its items 1 to 43
			t.Errorf("%s: %d items counted, the list has 43", d.Slug, want[1])
		}
		for _, l := range []string{"zh", "en"} {
			p := l + "/" + d.Slug + "/index.html"
			got, targets := glanceOn(t, out, p)
			if !slices.Equal(got, want) {
				t.Errorf("%s: counts %v, want %v", p, got, want)
			}
			for i, target := range targets {
				if w := l + "/" + pages[i] + "index.html"; target != w {
					t.Errorf("%s: count %d links to %s, want %s", p, i+1, target, w)
				}
			}
		}
	}
}

// TestItemsPerRegime: each bar's number is the count of the department's
// items that name the regime, and the bar links to the regime's page.
func TestItemsPerRegime(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	d := c.Departments[0]
	for _, l := range []string{"zh", "en"} {
		p := l + "/" + d.Slug + "/index.html"
		rows := dataRows(t, out, p, "glance-regimes")
		if len(rows) != len(c.Registry.Regimes) {
			t.Fatalf("%s: %d bars, want one per regime (%d)", p, len(rows), len(c.Registry.Regimes))
		}
		for i, g := range c.Registry.Regimes {
			want := 0
			for _, du := range d.Duties {
				for _, it := range du.Items {
					if slices.Contains(it.Regimes, g.ID) {
						want++
					}
				}
			}
			th, td := rows[i][0], rows[i][1]
			if got := strings.TrimSpace(nodeText(td)); got != strconv.Itoa(want) {
				t.Errorf("%s: regime %s has %s items in the bars, want %d", p, g.ID, got, want)
			}
			as := findAll(th, tagIs("a"))
			if len(as) != 1 || resolve(p, attr(as[0], "href")) != l+"/regimes/"+g.ID+"/index.html" {
				t.Errorf("%s: the bar of %s does not link to its regime", p, g.ID)
			}
		}
	}
}

// dataRows reads the rows (th, then tds) of the data table of the picture
// id on page p.
func dataRows(t *testing.T, out *Output, p, id string) [][]*html.Node {
	t.Helper()
	doc := parsePage(t, p, out.Files[p])
	figs := findAll(doc, func(n *html.Node) bool { return n.Data == "figure" && attr(n, "id") == id })
	if len(figs) != 1 {
		t.Fatalf("%s: %d pictures #%s, want 1", p, len(figs), id)
	}
	var rows [][]*html.Node
	for _, tb := range findAll(figs[0], tagIs("tbody")) {
		for _, tr := range findAll(tb, tagIs("tr")) {
			rows = append(rows, findAll(tr, func(n *html.Node) bool { return n.Data == "th" || n.Data == "td" }))
		}
	}
	return rows
}

// TestSecondDepartmentGlance: with two departments the site's home shows
// every list at a glance, each count the sum of the departments' own.
func TestSecondDepartmentGlance(t *testing.T) {
	long(t)
	t.Parallel()
	out := secondDeptSite(t)
	for _, l := range []string{"zh", "en"} {
		a, _ := glanceOn(t, out, l+"/linyi-qts/index.html")
		b, _ := glanceOn(t, out, l+"/linyi-fda/index.html")
		home, _ := glanceOn(t, out, l+"/index.html")
		for i := range home {
			// an instrument cited by both lists is counted once
			if i == len(home)-1 && (home[i] < max(a[i], b[i]) || home[i] > a[i]+b[i]) || i < len(home)-1 && home[i] != a[i]+b[i] {
				t.Errorf("%s home: count %d is %d; the departments have %d and %d", l, i+1, home[i], a[i], b[i])
			}
		}
	}
	if p := "zh/index.html"; !strings.Contains(string(out.Files[p]), `id="glance-regimes"`) {
		t.Errorf("%s: no items per regime", p)
	}
	if p := "zh/index.html"; strings.Contains(string(realSite(t).Files[p]), "chart-counts") {
		t.Errorf("%s: the site with one list repeats its glance on the home page", p)
	}
}

// matrixCells reads the cells of a matrix's data: for each link, the role
// column it is in and the file#fragment it leads to, by the link's text.
func matrixCells(t *testing.T, out *Output, p, id string) map[string][]string {
	t.Helper()
	cells := map[string][]string{}
	for _, row := range dataRows(t, out, p, id) {
		matter := strings.TrimSpace(nodeText(row[0]))
		for _, td := range row[1:] {
			for _, a := range findAll(td, tagIs("a")) {
				href := attr(a, "href")
				_, frag, _ := strings.Cut(href, "#")
				cells[matter] = append(cells[matter], fmt.Sprintf("%s|%s|%s#%s", nodeText(a), attr(td, "data-label"), resolve(p, href), frag))
			}
		}
	}
	return cells
}

// TestBoundaryMatrix: on each boundary page, each division is a cell of the
// matrix under its role, linking to the division's anchor on the page; the
// boundaries index has every matter's cells, linking to the same anchors.
func TestBoundaryMatrix(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	ix := content.NewIndex(c)
	role := map[string]map[string]string{}
	for _, l := range content.Langs {
		role[string(l)] = map[string]string{}
		for _, r := range content.DivisionRoles {
			role[string(l)][r] = c.UI["role."+r].In(l)
		}
	}
	for _, d := range c.Departments {
		for _, l := range content.Langs {
			index := matrixCells(t, out, fmt.Sprintf("%s/%s/boundaries/index.html", l, d.Slug), "matrix")
			for _, b := range d.Boundaries {
				p := fmt.Sprintf("%s/%s/boundaries/%s/index.html", l, d.Slug, b.ID)
				var want []string
				for k, dv := range b.Divisions {
					name := ix.Body(dv.Body).ShortOr().In(l)
					want = append(want, fmt.Sprintf("%s|%s|%s#division-%d", name, role[string(l)][dv.DivisionRole()], p, k+1))
					if !strings.Contains(string(out.Files[p]), fmt.Sprintf(`id="division-%d"`, k+1)) {
						t.Errorf("%s: no anchor division-%d", p, k+1)
					}
				}
				title := b.Title.In(l)
				got := matrixCells(t, out, p, "matrix-"+b.ID)[title]
				slices.Sort(got)
				slices.Sort(want)
				if !slices.Equal(got, want) {
					t.Errorf("%s: cells\n%v\nwant\n%v", p, got, want)
				}
				if g := index[title]; !slices.Equal(slices.Sorted(slices.Values(g)), want) {
					t.Errorf("%s/%s/boundaries/: the row of %s has cells\n%v\nwant\n%v", l, d.Slug, b.ID, g, want)
				}
			}
		}
	}
	// The list's own words: 市安监局 leads the hazardous chemicals matter (its
	// division says 牵头), and its cell leads to its division.
	got := matrixCells(t, out, "zh/linyi-qts/boundaries/3/index.html", "matrix-3")["危险化学品安全管理"]
	if !slices.Contains(got, "市安监局|牵头|zh/linyi-qts/boundaries/3/index.html#division-4") {
		t.Errorf("boundary 3: 市安监局 does not lead at #division-4: %v", got)
	}
}

// TestTimelineDeadlines: the major-case procedure is drawn with the
// list's deadlines, in both languages, from the section's steps.
func TestTimelineDeadlines(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	var sec *content.Section
	for _, s := range c.Departments[0].Systems {
		for _, x := range s.Sections {
			if len(x.Steps) > 0 {
				sec = x
			}
		}
	}
	if sec == nil || len(sec.Steps) != 6 {
		t.Fatalf("no procedure of 6 steps in the content")
	}
	wants := map[string][]string{
		"zh": {"自发现之日起 15 日内", "自立案之日起 3 个月内", "经质量技术监督部门主要负责人批准，可以延长 30 日", "自作出之日起 7 日内"},
		"en": {"within 15 days from the date of discovery", "within 3 months from the date of opening a case",
			"may be extended by 30 days with the approval of the principal person in charge of the quality and technical supervision department",
			"within 7 days from the date the decision is made"},
	}
	for l, want := range wants {
		p := l + "/linyi-qts/systems/8/index.html"
		doc := parsePage(t, p, out.Files[p])
		figs := findAll(doc, func(n *html.Node) bool { return n.Data == "figure" && attr(n, "id") == "timeline-"+sec.ID })
		if len(figs) != 1 {
			t.Fatalf("%s: no timeline", p)
		}
		var got []string
		for _, dd := range findAll(figs[0], tagIs("dd")) {
			got = append(got, nodeText(dd))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: deadlines %q, want %q", p, got, want)
		}
		svg := findAll(figs[0], tagIs("svg"))[0]
		if steps := findAll(svg, func(n *html.Node) bool { return hasClass(n, "chart-marker") }); len(steps) != len(sec.Steps) {
			t.Errorf("%s: %d steps drawn, want %d", p, len(steps), len(sec.Steps))
		}
		flat := func(s string) string { return strings.ReplaceAll(s, " ", "") } // lines wrap at spaces
		if s := flat(nodeText(svg)); !strings.Contains(s, flat(want[0])) || !strings.Contains(s, flat(want[1])) {
			t.Errorf("%s: the drawing does not show the deadlines", p)
		}
	}
}

// TestBenchSitePictures builds a small benchmark site (package benchsite:
// the department and copies of it) and wants the site's home to count each
// part once per copy, and the copies' instruments once.
func TestBenchSitePictures(t *testing.T) {
	long(t)
	t.Parallel()
	const n = 3
	dst := filepath.Join(t.TempDir(), "content")
	if err := benchsite.Write("../../content", dst, n); err != nil {
		t.Fatal(err)
	}
	out, err := Build(os.DirFS(dst), os.DirFS("../../layouts"))
	if err != nil {
		t.Fatalf("building the benchmark site: %v", err)
	}
	one, _ := glanceOn(t, realSite(t), "en/linyi-qts/index.html")
	home, _ := glanceOn(t, out, "en/index.html")
	for i := range one {
		want := n * one[i]
		if i == len(one)-1 {
			want = one[i]
		}
		if home[i] != want {
			t.Errorf("benchmark home: count %d is %d, want %d", i+1, home[i], want)
		}
	}
	for _, slug := range benchsite.Slugs(n) {
		if got := len(matrixCells(t, out, "zh/"+slug+"/boundaries/index.html", "matrix")); got != 5 {
			t.Errorf("%s: the matrix has %d matters, want 5", slug, got)
		}
	}
}
