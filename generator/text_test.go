package generator

import (
	"testing"
)

type stubLinks struct{}

func (stubLinks) Resolve(l Lang, title string) *Instrument {
	if title == "产品质量法" || title == "product-quality-law" {
		return &Instrument{ID: "product-quality-law", Name: Text{Zh: "产品质量法", En: "Product Quality Law"}}
	}
	return nil
}
func (stubLinks) Link(in *Instrument) string { return "/laws/" + in.ID + "/" }

// TestTextHTML: mentions become links, the rest is escaped, and body names
// link only as whole names.
func TestTextHTML(t *testing.T) {
	bodies := newBodyNames(Zh, []*Body{
		{ID: "mps", Name: Text{Zh: "公安部"}},
		{ID: "psb", Name: Text{Zh: "临沂市公安局"}, Short: Text{Zh: "市公安局"}},
	}, func(b *Body) string { return "/bodies/" + b.ID + "/" })
	for _, tc := range []struct {
		lang   Lang
		in     string
		bodies *bodyNames
		want   string
	}{
		{Zh, "依据《产品质量法》处理<b>", nil, `依据<a href="/laws/product-quality-law/">《产品质量法》</a>处理&lt;b&gt;`},
		{En, "Under 《product-quality-law》 & more", nil, `Under <a href="/laws/product-quality-law/">Product Quality Law</a> &amp; more`},
		{Zh, "《未知》照旧", nil, `《未知》照旧`},
		{Zh, "公安部门和市公安局、公安部", bodies, `公安部门和<a href="/bodies/psb/">市公安局</a>、<a href="/bodies/mps/">公安部</a>`},
		{Zh, "《产品质量法》中的市公安局", bodies, `<a href="/laws/product-quality-law/">《产品质量法》</a>中的<a href="/bodies/psb/">市公安局</a>`},
	} {
		if got := string(textHTML(tc.lang, tc.in, stubLinks{}, stubLinks{}, tc.bodies)); got != tc.want {
			t.Errorf("textHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}
