// Command benchsearch compares the site's search with Pagefind, in headless
// Chromium, on this site and on a generated site of many departments:
//
//	benchsearch [-tools .tools] [-n 100] [-queries generator/e2e/testdata/queries.json]
//
// For each site it builds public/ from the content, runs Pagefind (the npm
// package pagefind, installed in -tools by `make bench-search`) over the
// same public/, serves it on 127.0.0.1 with gzip where a host would use it
// (HTML, CSS, JavaScript, JSON and other text not already compressed), and
// runs the query set with each engine. For every query it opens a fresh tab
// in a new browser context (an empty cache), types the query and measures
// what the server sends for the search — response bodies as transferred,
// script included; the page itself, the same for both, is not counted —,
// the number of requests, the time from the keystroke to the results on
// screen, and whether the expected result is in the top 5. Pagefind is
// used through its JavaScript API, the lightest way to use it: search, then
// the data of the first five results (its default UI loads more). It then runs the whole set again in one tab, once the
// index is loaded, for the time from keystroke to results. It prints a
// table, and the targets met or not.
//
// On the generated site an expected result counts in any department: the
// departments are copies, so the same item of another city is as good.
// Pagefind indexes pages, not the items inside them, so for Pagefind a
// result counts when its page is the expected one; the site's search must
// match the anchor too.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

// query is one query of the set, in a language, and the URL (with its
// anchor) of the result it expects; none for a query that should find
// nothing.
type query struct {
	Lang   string `json:"lang"`
	Q      string `json:"q"`
	Expect string `json:"expect"`
}

// run is what one query cost and found.
type run struct {
	Bytes    int
	Requests int
	MS       float64
	URLs     []string
	Count    int
	Found    bool
	Page     bool // the expected page (anchor ignored) is in the top 5
}

func main() {
	tools := flag.String("tools", ".tools", "folder with node_modules/ (pagefind)")
	n := flag.Int("n", 100, "departments of the generated site")
	queries := flag.String("queries", "generator/e2e/testdata/queries.json", "the query set")
	content := flag.String("content", "content", "content folder")
	layouts := flag.String("layouts", "layouts", "layouts folder")
	keep := flag.Bool("keep", false, "keep the built sites (their folder is printed)")
	flag.Parse()
	if err := bench(*tools, *content, *layouts, *queries, *n, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "benchsearch:", err)
		os.Exit(1)
	}
}

// bench builds and serves the two sites, runs the query set on each with
// each engine, and prints the report.
func bench(tools, content, layouts, queriesFile string, n int, keep bool) error {
	qs, err := readQueries(queriesFile)
	if err != nil {
		return err
	}
	pagefind, err := findPagefind(tools)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "qingdan-bench-search-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("sites in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	sites := []*site{{name: "this site", depts: 1}, {name: fmt.Sprintf("%d departments", n), depts: n}}
	for i, s := range sites {
		if err := s.prepare(i, tmp, content, layouts, pagefind); err != nil {
			return err
		}
		srv := s.serve()
		defer srv.Close()
	}

	ctx, cancel, err := startBrowser(tmp)
	if err != nil {
		return err
	}
	defer cancel()

	res, err := measure(ctx, sites, qs)
	if err != nil {
		return err
	}
	report(sites, qs, res)
	return nil
}

// readQueries reads the query set.
func readQueries(file string) ([]query, error) {
	var qs []query
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &qs); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return qs, nil
}
