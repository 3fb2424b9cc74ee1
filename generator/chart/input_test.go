package chart

import (
	"html/template"
	"strings"
	"testing"
)

// nasty is text that must come out as text, in every language.
const nasty = `<script>alert("x")</script> & 'q' ]]> 《法》`

// TestEveryTextIsEscaped feeds markup in every text and label of every
// picture: the output has no element it did not make, and every text reads
// back (decoded) exactly as given.
func TestEveryTextIsEscaped(t *testing.T) {
	t.Parallel()
	l := labels(t, "en")
	l.Data, l.Regime, l.Lead, l.Matter, l.Deadline = nasty, nasty, nasty, nasty, nasty
	l.Within = "{from} " + nasty
	url := `a/?q=1&r=<2>`[:7] + "&r=2"
	outs := map[string]func() (template.HTML, error){
		"bars": func() (template.HTML, error) {
			return RenderBars(Bars{ID: "b", Title: nasty, Desc: nasty, Bars: []Count{{Label: nasty, N: 3, URL: url}}}, l)
		},
		"counts": func() (template.HTML, error) { return RenderCounts([]Count{{Label: nasty, N: 3, URL: url}}) },
		"matrix": func() (template.HTML, error) {
			return RenderMatrix(Matrix{ID: "m", Title: nasty, Desc: nasty, Columns: []Header{{Label: nasty, URL: url}},
				Rows: []Row{{Label: nasty, URL: url, Cells: []Cell{{Column: 0, Role: Lead, URL: url}}}}}, l)
		},
		"timeline": func() (template.HTML, error) {
			return RenderTimeline(Timeline{ID: "t", Title: nasty, Desc: nasty, Steps: []Step{{Name: nasty, Label: nasty,
				Deadline: &Deadline{N: 2, Unit: Days, From: nasty, Extension: nasty}}}}, l)
		},
	}
	for kind, draw := range outs {
		out, err := draw()
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		s := string(out)
		if strings.Contains(s, "<script") || strings.Contains(s, "]]>") || strings.Contains(s, `"x"`) {
			t.Errorf("%s: unescaped text in the output:\n%s", kind, s)
		}
		root := parse(t, s)
		checkWellMade(t, root)
		texts := root.all(func(n *node) bool { return len(n.kids) == 0 && n.Text() != "" })
		found := 0
		for _, n := range texts {
			if strings.Contains(n.Text(), nasty) {
				found++
			}
		}
		if found == 0 {
			t.Errorf("%s: no element reads back the text as given:\n%s", kind, s)
		}
		for _, a := range root.all(tag("a")) {
			if a.attr["href"] != url {
				t.Errorf("%s: a link reads back as %q, want %q", kind, a.attr["href"], url)
			}
		}
		if root.all(tag("script")) != nil {
			t.Errorf("%s: a <script> element came out of the text", kind)
		}
	}
}

func TestBadInputIsAnError(t *testing.T) {
	t.Parallel()
	l := labels(t, "zh")
	bars := func(b Bars) error { _, err := RenderBars(b, l); return err }
	matrix := func(m Matrix) error { _, err := RenderMatrix(m, l); return err }
	steps := func(s ...Step) error {
		_, err := RenderTimeline(Timeline{ID: "t", Title: "程序", Steps: s}, l)
		return err
	}
	cols := []Header{{Label: "市质监局"}}
	noLead := l
	noLead.Lead = " "
	for want, err := range map[string]error{
		"never negative":           bars(Bars{ID: "b", Title: "x", Bars: []Count{{Label: "计量", N: -1}}}),
		"only relative, http":      bars(Bars{ID: "b", Title: "x", Bars: []Count{{Label: "计量", URL: "javascript:alert(1)"}}}),
		"percent-encode":           bars(Bars{ID: "b", Title: "x", Bars: []Count{{Label: "计量", URL: "a b/"}}}),
		"lower-case letters":       bars(Bars{ID: "B 1", Title: "x", Bars: []Count{{Label: "计量"}}}),
		"no bars":                  bars(Bars{ID: "b", Title: "x"}),
		"count 1 has no label":     bars(Bars{ID: "b", Title: "x", Bars: []Count{{N: 1}}}),
		"but there are columns 0…": matrix(Matrix{ID: "m", Title: "x", Columns: cols, Rows: []Row{{Label: "事项", Cells: []Cell{{Column: 1, Role: Lead}}}}}),
		"one role per matter":      matrix(Matrix{ID: "m", Title: "x", Columns: cols, Rows: []Row{{Label: "事项", Cells: []Cell{{Role: Lead}, {Role: Shares}}}}}),
		"use Lead, Shares":         matrix(Matrix{ID: "m", Title: "x", Columns: cols, Rows: []Row{{Label: "事项", Cells: []Cell{{}}}}}),
		"Labels.Lead is empty": func() error {
			_, err := RenderMatrix(Matrix{ID: "m", Title: "x", Columns: cols, Rows: []Row{{Label: "事项"}}}, noLead)
			return err
		}(),
		"positive number":        steps(Step{Label: "立案。", Deadline: &Deadline{N: 0, Unit: Days, From: "发现之日"}}),
		"what it counts from":    steps(Step{Label: "立案。", Deadline: &Deadline{N: 15, Unit: Days}}),
		"step 2 has no sentence": steps(Step{Label: "立案。"}, Step{Name: "结案"}),
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got error %v, want one saying %q", err, want)
		}
	}
}

func TestWrap(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"食品相关产品监管", 4 * fontSize, "食品相关|产品监管"},
		// A closing mark stays with the character before it; an opening one with the one after.
		{"立案、调查《规定》", 3 * fontSize, "立案、|调查|《规|定》"},
		{"Supervision of food-related products", 12 * fontSize, "Supervision of|food-related products"},
		{"中文 and English 混排", 6 * fontSize, "中文 and|English 混|排"},
		{"  spaces   collapse  ", 20 * fontSize, "spaces collapse"},
	} {
		if got := strings.Join(wrap(c.in, c.width), "|"); got != c.want {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
	if em("市质监局") != 4 || em("ab") != 1.24 {
		t.Errorf("em: CJK should be 1em, Latin about 0.6em: %v %v", em("市质监局"), em("ab"))
	}
}
