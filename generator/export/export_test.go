package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/export"
	"qingdan/generator/graph"
	"qingdan/generator/importer"
)

var (
	once  sync.Once
	realG *graph.Graph
	files map[string][]byte
	err   error
)

// real is the record graph of content/ and its open data.
func real(t *testing.T) (*graph.Graph, map[string][]byte) {
	t.Helper()
	once.Do(func() {
		var c *content.Content
		if c, err = content.Load(os.DirFS("../../content")); err != nil {
			return
		}
		if realG, err = check.Check(c); err != nil {
			return
		}
		files, err = export.Files(realG)
	})
	if err != nil {
		t.Fatal(err)
	}
	return realG, files
}

// TestJSONValid: data/SLUG.json validates against data/schema.json (with
// a library that implements JSON Schema 2020-12), and a document missing
// a field does not.
func TestJSONValid(t *testing.T) {
	t.Parallel()
	_, files := real(t)
	schema, err := jsonschema.UnmarshalJSON(bytes.NewReader(files["data/schema.json"]))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://example.invalid/data/schema.json"
	if err := c.AddResource(url, schema); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("schema.json does not compile: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(files["data/linyi-qts.json"]))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("linyi-qts.json is not valid against schema.json: %v", err)
	}
	var d export.Doc
	if err := json.Unmarshal(files["data/linyi-qts.json"], &d); err != nil {
		t.Fatal(err)
	}
	items := 0
	for _, r := range d.Records {
		if r.Kind == "item" {
			items++
		}
	}
	if items != 43 || len(d.Instruments) == 0 || len(d.Regimes) == 0 {
		t.Errorf("linyi-qts.json: %d items, %d instruments, %d regimes; want 43 items and some of each", items, len(d.Instruments), len(d.Regimes))
	}
	broken := doc.(map[string]any)
	delete(broken["records"].([]any)[0].(map[string]any), "kind")
	if sch.Validate(broken) == nil {
		t.Error("a record without its kind validates: the schema checks nothing")
	}
}

// TestCSV: the CSV starts with the UTF-8 byte-order mark and has a row per
// responsibility item with its duty, regimes and bases.
func TestCSV(t *testing.T) {
	t.Parallel()
	g, files := real(t)
	b := files["data/linyi-qts.csv"]
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatal("linyi-qts.csv does not start with the UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], export.CSVHeader) {
		t.Errorf("header %v, want %v", rows[0], export.CSVHeader)
	}
	d := g.Content.Departments[0]
	du := d.Duties[2]
	it := du.Items[0]
	var row []string
	for _, r := range rows[1:] {
		if r[0] == "12" {
			row = r
		}
	}
	if len(rows) != 44 || row == nil {
		t.Fatalf("%d rows, want a header and 43 items (item 12 among them)", len(rows))
	}
	col := func(name string) string { return row[slices.Index(export.CSVHeader, name)] }
	if it.N != 12 || col("duty") != du.ID || col("item_zh") != it.Text.Zh || col("duty_zh") != du.Title.Zh || col("regimes") != strings.Join(it.Regimes, ";") {
		t.Errorf("item 12's row does not match content: %q", row)
	}
	if !strings.Contains(col("bases_zh"), "《") || col("bases_en") == "" || strings.Contains(col("bases_en"), "《") {
		t.Errorf("item 12's bases: %q / %q", col("bases_zh"), col("bases_en"))
	}
}

// TestWorkbook: the workbook opens with excelize, has a sheet per part
// with the header, and holds every field of the list in both languages.
func TestWorkbook(t *testing.T) {
	t.Parallel()
	g, files := real(t)
	f, err := excelize.OpenReader(bytes.NewReader(files["data/linyi-qts.xlsx"]))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	var names []string
	for _, s := range export.Sheets {
		names = append(names, s.Name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, names) {
		t.Errorf("sheets %v, want %v", got, names)
	}
	var cells [][]string
	for _, s := range names {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], export.WorkbookHeader) {
			t.Errorf("sheet %s: header %v", s, rows[0])
		}
		cells = append(cells, rows[1:]...)
	}
	fields := importer.Fields(g.Content.Departments[0])
	if len(cells) != len(fields) || len(fields) < 400 {
		t.Fatalf("%d rows for %d fields", len(cells), len(fields))
	}
	for i, fl := range fields {
		want := []string{strings.TrimSpace(fl.File + " " + fl.Record), fl.Key, fl.Text.Zh, fl.Text.En}
		if got := append(cells[i], "", "", "", "")[:4]; !slices.Equal(got, want) {
			t.Errorf("row %d: %q, want %q", i+2, got, want)
		}
	}
}

// TestDeterministic: the same content gives the same bytes, the workbook's
// zip entries carry no clock.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	g, files := real(t)
	again, err := export.Files(g)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs between two exports", name)
		}
	}
	z, err := zip.NewReader(bytes.NewReader(files["data/linyi-qts.xlsx"]), int64(len(files["data/linyi-qts.xlsx"])))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range z.File {
		if e.Modified.Year() > 1980 {
			t.Errorf("%s in the workbook is dated %v: the bytes would change with the clock", e.Name, e.Modified)
		}
	}
}

func BenchmarkFiles(b *testing.B) {
	c, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		b.Fatal(err)
	}
	g, err := check.Check(c)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := export.Files(g); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEachStreams: Each hands over exactly the files Files returns, each
// once, and stops at the first file put refuses, returning its error.
func TestEachStreams(t *testing.T) {
	t.Parallel()
	g, files := real(t)
	var mu sync.Mutex
	var names []string
	err := export.Each(g, func(name string, b []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if !bytes.Equal(b, files[name]) {
			t.Errorf("%s: Each and Files made other bytes", name)
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	if want := slices.Sorted(maps.Keys(files)); !slices.Equal(names, want) {
		t.Errorf("Each put %q, Files made %q", names, want)
	}
	refused := errors.New("disk full")
	var after []string
	err = export.Each(g, func(name string, b []byte) error {
		if strings.HasSuffix(name, ".csv") {
			return refused
		}
		if strings.HasSuffix(name, ".xlsx") {
			after = append(after, name)
		}
		return nil
	})
	if !errors.Is(err, refused) {
		t.Errorf("Each returned %v, not put's error", err)
	}
	if len(after) > 0 {
		t.Errorf("Each went on after put failed: %q", after)
	}
}
