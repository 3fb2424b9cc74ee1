package main

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
)

// report prints the table of the first queries, the runs query by query,
// and the targets met or not.
func report(sites []*site, qs []query, res results) {
	printTable(sites, qs, res)
	printPerQuery(sites, qs, res)
	printTargets(sites, qs, res)
}

// printTable prints, for each site and engine, what the first query cost
// and found.
func printTable(sites []*site, qs []query, res results) {
	fmt.Println()
	fmt.Printf("First query in a fresh tab, %d queries (%d zh, %d en); KB of response bodies as transferred (gzip), script included.\n",
		len(qs), count(qs, "zh"), count(qs, "en"))
	tw := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "site\tengine\tKB median\tKB max\trequests\tfirst ms median\tthen ms median\tthen ms max\ttop-5 exact\ttop-5 page\t")
	for si, s := range sites {
		for ei, e := range engines {
			rs := res.cold[key{si, ei}]
			var by, req, ms []float64
			exact, page := 0, 0
			for _, r := range rs {
				by = append(by, float64(r.Bytes))
				req = append(req, float64(r.Requests))
				ms = append(ms, r.MS)
				if r.Found {
					exact++
				}
				if r.Page {
					page++
				}
			}
			w := res.warm[key{si, ei}]
			fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.1f\t%s\t%.0f\t%.1f\t%.1f\t%d/%d\t%d/%d\t\n", s.name, e.name,
				median(by)/1024, slices.Max(by)/1024, minMax(req), median(ms), median(w), slices.Max(w), exact, len(rs), page, len(rs))
		}
	}
	tw.Flush()
}

// printPerQuery prints each query's bytes, requests and hit or miss, for
// the record.
func printPerQuery(sites []*site, qs []query, res results) {
	fmt.Println()
	tw := tabwriter.NewWriter(os.Stdout, 2, 4, 1, ' ', 0)
	fmt.Fprintln(tw, "query\tlang\t"+strings.Join(columnNames(sites, engines), "\t")+"\t")
	for qi, q := range qs {
		row := []string{fmt.Sprintf("%q", q.Q), q.Lang}
		for si := range sites {
			for ei := range engines {
				r := res.cold[key{si, ei}][qi]
				mark := "miss"
				if r.Found {
					mark = "hit"
				} else if r.Page {
					mark = "page"
				}
				row = append(row, fmt.Sprintf("%.1fKB/%d %s", float64(r.Bytes)/1024, r.Requests, mark))
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	tw.Flush()
}

// printTargets prints the targets, met or not: bytes and requests
// of the first query, results found, time once loaded.
func printTargets(sites []*site, qs []query, res results) {
	fmt.Println()
	med, mx := res.byteRatios(0, qs)
	target(med <= 0.25, "first query on this site at most 1/4 of Pagefind's bytes, query by query: median ours/Pagefind %.2f", med)
	target(mx <= 0.25, "  … and for every query: worst %.2f", mx)
	maxReq := 0
	for _, r := range res.cold[key{0, 0}] {
		maxReq = max(maxReq, r.Requests)
	}
	target(maxReq <= 3, "first query on this site in at most 3 requests: at most %d", maxReq)
	med, mx = res.byteRatios(1, qs)
	target(med <= 0.5, "first query on the %s site at most 1/2 of Pagefind's bytes, query by query: median %.2f", sites[1].name, med)
	target(mx <= 0.5, "  … and for every query: worst %.2f", mx)
	for si, s := range sites {
		ours, theirs := 0, 0
		for _, r := range res.cold[key{si, 0}] {
			if r.Found {
				ours++
			}
		}
		for _, r := range res.cold[key{si, 1}] {
			if r.Page {
				theirs++
			}
		}
		target(ours == len(qs) && ours > theirs, "%s: every query finds its result in the top 5, more than Pagefind: %d/%d (anchor included) against Pagefind's %d/%d (page only)", s.name, ours, len(qs), theirs, len(qs))
	}
	w := res.warm[key{0, 0}]
	target(slices.Max(w) <= 50, "results within 50 ms of the keystroke on this site once loaded: median %.1f ms, worst %.1f ms", median(w), slices.Max(w))
}

// target prints a target, met or not.
func target(ok bool, what string, args ...any) {
	m := "met    "
	if !ok {
		m = "NOT met"
	}
	fmt.Printf("%s  %s\n", m, fmt.Sprintf(what, args...))
}

// byteRatios is, on site si, the median and the worst of ours/Pagefind's
// bytes of the first query, query by query.
func (res results) byteRatios(si int, qs []query) (float64, float64) {
	var ratios []float64
	for qi := range qs {
		ratios = append(ratios, float64(res.cold[key{si, 0}][qi].Bytes)/float64(res.cold[key{si, 1}][qi].Bytes))
	}
	return median(ratios), slices.Max(ratios)
}

func columnNames(sites []*site, engines []engine) []string {
	var out []string
	for _, s := range sites {
		for _, e := range engines {
			out = append(out, s.name+" "+e.name)
		}
	}
	return out
}

func count(qs []query, lang string) int {
	n := 0
	for _, q := range qs {
		if q.Lang == lang {
			n++
		}
	}
	return n
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func minMax(xs []float64) string {
	lo, hi := slices.Min(xs), slices.Max(xs)
	if lo == hi {
		return fmt.Sprintf("%.0f", lo)
	}
	return fmt.Sprintf("%.0f–%.0f", lo, hi)
}
