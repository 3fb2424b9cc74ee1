package site

import (
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// linkTargets lists the files and anchors a page links to, as
// "file#fragment" and "file".
func linkTargets(out *Output, page string) map[string]bool {
	key := linkKey{out, page}
	if set, ok := linkCache.Load(key); ok {
		return set.(map[string]bool)
	}
	set := map[string]bool{}
	for _, m := range hrefRE.FindAllStringSubmatch(string(out.Files[page]), -1) {
		f := resolve(page, m[1])
		set[f] = true
		if _, frag, ok := strings.Cut(m[1], "#"); ok {
			set[f+"#"+frag] = true
		}
	}
	linkCache.Store(key, set)
	return set
}

// The link sets of pages already read (the tests only read them).
var (
	hrefRE    = regexp.MustCompile(`href="([^"]*)"`)
	linkCache sync.Map
)

type linkKey struct {
	out  *Output
	page string
}

// TestRegimeIndexes: every duty, item, system, boundary and service is
// linked from the index page of each regime it names, in both languages,
// and no regime index is empty.
func TestRegimeIndexes(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	c := realContent(t)
	for _, l := range []string{"zh", "en"} {
		pages := map[string]map[string]bool{}
		for _, g := range c.Registry.Regimes {
			pages[g.ID] = linkTargets(out, l+"/regimes/"+g.ID+"/index.html")
		}
		want := func(regimes []string, target, what string) {
			for _, g := range regimes {
				if !pages[g][target] {
					t.Errorf("%s regime %s does not link to %s (%s)", l, g, target, what)
				}
			}
		}
		for _, d := range c.Departments {
			base := l + "/" + d.Slug + "/"
			for _, du := range d.Duties {
				want(du.Regimes, base+"duties/"+du.ID+"/index.html", "duty "+du.ID)
				for _, it := range du.Items {
					want(it.Regimes, base+"duties/"+du.ID+"/index.html#item-"+strconv.Itoa(it.N), "item "+strconv.Itoa(it.N))
				}
			}
			for _, s := range d.Systems {
				want(s.Regimes, base+"systems/"+s.ID+"/index.html", "system "+s.ID)
			}
			for _, b := range d.Boundaries {
				want(b.Regimes, base+"boundaries/"+b.ID+"/index.html", "boundary "+b.ID)
			}
			for _, s := range d.Services {
				want(s.Regimes, base+"services/index.html#service-"+s.ID, "service "+s.ID)
			}
		}
	}
}

// secondDeptSite builds the site with a small second department (a
// fixture, testdata/second-dept), once for the tests that read it.
func secondDeptSite(t *testing.T) *Output {
	t.Helper()
	secondOnce.Do(func() { secondOut, secondErr = buildSecondDept() })
	if secondErr != nil {
		t.Fatalf("build with a second department: %v", secondErr)
	}
	return secondOut
}

var (
	secondOnce sync.Once
	secondOut  *Output
	secondErr  error
)

func buildSecondDept() (*Output, error) {
	files := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/second-dept"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("testdata/second-dept/" + p)
		files[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		return nil, err
	}
	return Build(overlay{os.DirFS("../../content"), files}, os.DirFS("../../layouts"))
}

// TestSecondDepartment builds the site with a small second department (a
// fixture) and checks that the shared instrument, body and regime pages
// gather from both departments.
func TestSecondDepartment(t *testing.T) {
	long(t)
	t.Parallel()
	out := secondDeptSite(t)
	for _, l := range []string{"zh", "en"} {
		for _, tc := range []struct{ page, link string }{
			{"laws/food-safety-law/", "linyi-qts/duties/8/index.html#basis-1"},
			{"laws/food-safety-law/", "linyi-fda/duties/1/index.html#basis-1"},
			{"laws/product-quality-law/", "linyi-fda/boundaries/1/index.html#bases"},
			{"laws/administrative-supervision-law/", "linyi-fda/accountability/index.html#supervisory-organs"},
			{"bodies/linyi-fda/", "linyi-qts/boundaries/1/index.html"},
			{"bodies/linyi-fda/", "linyi-fda/boundaries/1/index.html"},
			{"bodies/linyi-fda/", "linyi-fda/index.html"},
			{"bodies/supervisory-organs/", "linyi-fda/accountability/index.html#supervisory-organs"},
			{"bodies/supervisory-organs/", "linyi-qts/accountability/index.html#supervisory-organs"},
			{"regimes/food-related/", "linyi-qts/duties/8/index.html"},
			{"regimes/food-related/", "linyi-fda/duties/1/index.html#item-1"},
			{"regimes/food-related/", "linyi-fda/services/index.html#service-1"},
			{"", "linyi-fda/index.html"},
			{"", "linyi-qts/index.html"},
		} {
			page := l + "/" + tc.page + "index.html"
			if !linkTargets(out, page)[l+"/"+tc.link] {
				t.Errorf("%s does not link to %s", page, l+"/"+tc.link)
			}
		}
	}
}

// TestBoundaryBodyLinks: the bodies a boundary row names link to their
// pages, in both languages; the generic 公安部门 does not.
func TestBoundaryBodyLinks(t *testing.T) {
	t.Parallel()
	out := realSite(t)
	for _, l := range []string{"zh", "en"} {
		page := l + "/linyi-qts/boundaries/4/index.html"
		links := linkTargets(out, page)
		for _, b := range []string{"linyi-housing", "linyi-construction", "linyi-urban-management", "linyi-price", "linyi-psb", "linyi-aic"} {
			if !links[l+"/bodies/"+b+"/index.html"] {
				t.Errorf("%s does not link to body %s", page, b)
			}
		}
	}
	if strings.Contains(string(out.Files["zh/linyi-qts/boundaries/2/index.html"]), `bodies/mps/">公安部</a>门`) {
		t.Error("公安部门 was linked as 公安部")
	}
}
