package markup

import (
	"strings"
	"testing"

	"qingdan/generator/content"
)

type stubLinks struct{}

func (stubLinks) Resolve(l content.Lang, title string) *content.Instrument {
	if title == "产品质量法" || title == "product-quality-law" {
		return &content.Instrument{ID: "product-quality-law", Name: content.Text{Zh: "产品质量法", En: "Product Quality Law"}}
	}
	return nil
}
func (stubLinks) Link(in *content.Instrument) string { return "/laws/" + in.ID + "/" }

var testBodies = []*content.Body{
	{ID: "mps", Name: content.Text{Zh: "公安部"}},
	{ID: "psb", Name: content.Text{Zh: "临沂市公安局"}, Short: content.Text{Zh: "市公安局"}},
	{ID: "gov", Name: content.Text{Zh: "临沂市人民政府"}, Short: content.Text{Zh: "市政府"}},
}

// TestTextHTML: mentions become links, the rest is escaped, and body names
// link only as whole names.
func TestTextHTML(t *testing.T) {
	t.Parallel()
	names := NewNames(content.Zh, testBodies, []string{"公安部门"})
	links := names.Links(func(b *content.Body) string { return "/bodies/" + b.ID + "/" })
	for _, tc := range []struct {
		lang  content.Lang
		in    string
		links *NameLinks
		want  string
	}{
		{content.Zh, "依据《产品质量法》处理<b>", nil, `依据<a href="/laws/product-quality-law/">《产品质量法》</a>处理&lt;b&gt;`},
		{content.En, "Under 《product-quality-law》 & more", nil, `Under <a href="/laws/product-quality-law/">Product Quality Law</a> &amp; more`},
		{content.Zh, "《未知》照旧", nil, `《未知》照旧`},
		{content.Zh, "公安部门和市公安局、公安部", links, `公安部门和<a href="/bodies/psb/">市公安局</a>、<a href="/bodies/mps/">公安部</a>`},
		{content.Zh, "《产品质量法》中的市公安局", links, `<a href="/laws/product-quality-law/">《产品质量法》</a>中的<a href="/bodies/psb/">市公安局</a>`},
		{content.Zh, "《临沂市人民政府办公室关于印发的通知》", links, `《临沂市人民政府办公室关于印发的通知》`},
	} {
		if got := string(TextHTML(tc.lang, tc.in, stubLinks{}, stubLinks{}, tc.links)); got != tc.want {
			t.Errorf("TextHTML(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestNamesLongestMatch: at each position the longest known name wins, a
// term that is no body hides the body names inside it, and nothing inside a
// 《…》 title is a name.
func TestNamesLongestMatch(t *testing.T) {
	t.Parallel()
	names := NewNames(content.Zh, testBodies, []string{"公安部门"})
	for in, want := range map[string]string{
		"公安部门组织警力":            "",
		"公安部令第77号":            "mps",
		"临沂市公安局和市公安局":         "psb",
		"市政府、公安部，临沂市公安局":      "gov mps psb",
		"《临沂市人民政府关于物业的意见》":    "",
		"依据《公安部规定》由临沂市人民政府负责": "gov",
	} {
		var got []string
		for _, b := range names.Bodies(in) {
			got = append(got, b.ID)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("Bodies(%q) = %q, want %q", in, g, want)
		}
	}
}
