package site

import (
	"strings"
	"testing"

	"qingdan/generator/export"
)

// TestDataPages: the data page documents every field of the downloads in
// both languages, and every list page links to its downloads and to it.
func TestDataPages(t *testing.T) {
	out := realSite(t)
	for _, l := range []string{"zh", "en"} {
		page := string(out.Files[l+"/data/index.html"])
		if page == "" {
			t.Fatalf("no %s/data/ page", l)
		}
		for _, g := range export.Documented {
			for _, f := range g.Fields {
				if !strings.Contains(page, "<code>"+f+"</code>") {
					t.Errorf("%s/data/ does not document %s field %s", l, g.Group, f)
				}
			}
		}
		for _, d := range []string{"json", "csv", "xlsx"} {
			if !strings.Contains(page, `href="../../data/linyi-qts.`+d+`"`) {
				t.Errorf("%s/data/ does not link the %s download", l, d)
			}
			if !strings.Contains(string(out.Files[l+"/linyi-qts/index.html"]), `href="../../data/linyi-qts.`+d+`"`) {
				t.Errorf("%s/linyi-qts/ does not link its %s download", l, d)
			}
		}
		if !strings.Contains(string(out.Files[l+"/linyi-qts/index.html"]), `href="../data/"`) {
			t.Errorf("%s/linyi-qts/ does not link the data page", l)
		}
	}
	for _, f := range []string{"data/schema.json", "data/linyi-qts.json", "data/linyi-qts.csv", "data/linyi-qts.xlsx"} {
		if len(out.Files[f]) == 0 {
			t.Errorf("the build does not write %s", f)
		}
	}
}
