// Package export is the open data of the lists: for every department,
// built from the record graph, three downloads at stable URLs beside the
// pages (not content-hashed, so a link to them keeps working):
//
//	data/SLUG.json   every record of the list, both languages (schema.json)
//	data/SLUG.csv    one row per responsibility item: its duty, regimes and
//	                 bases (UTF-8 with a byte-order mark, so Excel reads it)
//	data/SLUG.xlsx   the workbook: one sheet per part, a row per field, the
//	                 record in the first column, Chinese and English side
//	                 by side; `qingdan import` reads it back (translators'
//	                 and editors' way in)
//	data/schema.json the JSON Schema the .json files keep
//
// The data licence and the contact are the site's (site.toml); none is
// invented. The same content gives the same bytes, the workbook included.
package export

import (
	_ "embed"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// Schema is the JSON Schema (draft 2020-12) of data/SLUG.json.
//
//go:embed schema.json
var Schema []byte

// Files returns the open data of every department of g, by path under the
// site's root (Each, gathered).
func Files(g *graph.Graph) (map[string][]byte, error) {
	out := map[string][]byte{}
	var mu sync.Mutex
	err := Each(g, func(name string, b []byte) error {
		mu.Lock()
		defer mu.Unlock()
		out[name] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Each hands put every file of the open data of g as soon as it is made:
// data/schema.json, then each department's three files, the departments
// exported concurrently, one worker per core (so put is called from
// several goroutines at once). A build puts each file into its output at
// once instead of holding the open data of every department until the
// last is made (some 420 MB at 1,000 departments). Export stops at the
// first error; it returns the first in department order, or else put's.
func Each(g *graph.Graph, put func(name string, b []byte) error) error {
	if err := put("data/schema.json", Schema); err != nil {
		return err
	}
	ds := g.Content.Departments
	errs := make([]error, len(ds))
	var failed atomic.Bool
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				if failed.Load() {
					continue
				}
				if errs[i] = Department(g, ds[i], put); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	for i := range ds {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstError(errs)
}

// firstError is the first error of errs that is not nil, or nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// formats are a list's three files: their extension and maker.
var formats = []struct {
	ext  string
	make func(*graph.Graph, *content.Department) ([]byte, error)
}{{".json", JSON}, {".csv", CSV}, {".xlsx", Workbook}}

// FilesOf names department d's files, in the order Department puts them.
func FilesOf(d *content.Department) []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = "data/" + d.Slug + f.ext
	}
	return names
}

// Department exports department d, handing put each of its files (FilesOf)
// as it is made.
func Department(g *graph.Graph, d *content.Department, put func(name string, b []byte) error) error {
	for _, f := range formats {
		b, err := f.make(g, d)
		if err != nil {
			return fmt.Errorf("export %s%s: %w", d.Slug, f.ext, err)
		}
		if err := put("data/"+d.Slug+f.ext, b); err != nil {
			return err
		}
	}
	return nil
}

// Documented lists the fields the data page documents, by group: the JSON
// file's (json), a record's (record), the CSV's columns (csv) and the
// workbook's (xlsx). Each has an interface string "data.GROUP.FIELD".
var Documented = []struct {
	Group  string
	Fields []string
}{
	{"json", jsonKeys(reflect.TypeFor[Doc]())},
	{"record", jsonKeys(reflect.TypeFor[Record]())},
	{"csv", CSVHeader},
	{"xlsx", []string{"record", "field", "zh", "en"}},
}

// jsonKeys lists the JSON keys of a struct type, but "$schema".
func jsonKeys(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		k, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if k != "$schema" {
			out = append(out, k)
		}
	}
	return out
}
