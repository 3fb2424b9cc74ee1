package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"qingdan/generator/benchsite"
	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/importer"
)

// excelizeWorkbook is the workbook as excelize wrote it before the
// streaming writer (its in-memory model), kept to compare what each
// reads back as.
func excelizeWorkbook(sheets []string, rows [][][]string, p xlsxProps) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: p.Creator, Title: p.Title,
		Created: p.Date, Modified: p.Date, Language: p.Language}); err != nil {
		return nil, err
	}
	for i, name := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		for j, r := range rows[i] {
			vals := make([]any, len(r))
			for k, v := range r {
				vals[k] = v
			}
			if err := f.SetSheetRow(name, fmt.Sprintf("A%d", j+1), &vals); err != nil {
				return nil, err
			}
		}
		for k, w := range ColumnWidths {
			col := string(rune('A' + k))
			if err := f.SetColWidth(name, col, col, w); err != nil {
				return nil, err
			}
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	_, err := f.WriteTo(&b)
	return b.Bytes(), err
}

// readBack is what excelize reads from a workbook: its document
// properties, and per sheet its name, rows, column widths and panes.
func readBack(t *testing.T, b []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	var s strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&s, "props %q %q %q %q %q\n", p.Creator, p.Title, p.Language, p.Created, p.Modified)
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		panes, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&s, "sheet %q panes %v %d %q %q\n", name, panes.Freeze, panes.YSplit, panes.TopLeftCell, panes.ActivePane)
		for _, col := range []string{"A", "B", "C", "D", "E"} {
			w, err := f.GetColWidth(name, col)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&s, "width %s %v\n", col, w)
		}
		for i, r := range rows {
			fmt.Fprintf(&s, "%d %q\n", i+1, r)
		}
	}
	return s.String()
}

// sameAsExcelize fails the test where excelize reads the workbook b
// differently from the one it writes of the same sheets.
func sameAsExcelize(t *testing.T, what string, b []byte, sheets []string, rows [][][]string, p xlsxProps) {
	t.Helper()
	old, err := excelizeWorkbook(sheets, rows, p)
	if err != nil {
		t.Fatal(err)
	}
	want, got := readBack(t, old), readBack(t, b)
	if got == want {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range min(len(wl), len(gl)) {
		if wl[i] != gl[i] {
			t.Fatalf("%s: line %d of what excelize reads:\n got %s\nwant %s", what, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s: %d lines read, want %d", what, len(gl), len(wl))
}

// departmentSheets are department d's sheets as Workbook makes them.
func departmentSheets(g *graph.Graph, d *content.Department) ([]string, [][][]string, xlsxProps) {
	var names []string
	var rows [][][]string
	fields := importer.Fields(d)
	for _, sh := range Sheets {
		r := [][]string{WorkbookHeader}
		for _, fl := range fields {
			if strings.HasPrefix(fl.File, sh.Files) {
				r = append(r, []string{strings.TrimSpace(fl.File + " " + fl.Record), fl.Key, fl.Text.Zh, fl.Text.En})
			}
		}
		names, rows = append(names, sh.Name), append(rows, r)
	}
	date := d.Date + "T00:00:00Z"
	if len(d.Date) == len("2006-01") {
		date = d.Date + "-01T00:00:00Z"
	}
	return names, rows, xlsxProps{Creator: g.Content.Site.Owner.Zh, Title: d.Title.Zh, Language: "zh-CN", Date: date}
}

// TestWorkbookReadsAsExcelizes: every department's workbook, of content/
// and of a generated three-department site, reads back in excelize cell
// for cell (and sheet names, column widths, frozen panes and document
// properties) as the workbook excelize itself wrote of the same fields.
func TestWorkbookReadsAsExcelizes(t *testing.T) {
	t.Parallel()
	dirs := []string{"../../content"}
	if !testing.Short() {
		gen := filepath.Join(t.TempDir(), "site")
		if err := benchsite.Write("../../content", gen, 3); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, gen)
	}
	for _, dir := range dirs {
		c, err := content.Load(os.DirFS(dir))
		if err != nil {
			t.Fatal(err)
		}
		g, err := check.Check(c)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range c.Departments {
			b, err := Workbook(g, d)
			if err != nil {
				t.Fatal(err)
			}
			sheets, rows, p := departmentSheets(g, d)
			sameAsExcelize(t, d.Slug, b, sheets, rows, p)
		}
	}
}

// TestXLSXText: text that XML or a spreadsheet treats specially reads
// back in excelize as it does from excelize's own workbook: markup
// characters, leading and trailing white space, line breaks, "_xHHHH_",
// characters XML does not allow, empty cells, ragged rows, a cell longer
// than Excel holds.
func TestXLSXText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("责", 40000)
	rows := [][][]string{
		{{"a", "b", "c"}, {"x & y < z > w", `"quoted" 'single'`, " lead", "trail "},
			{"two\nlines", "crlf\r\nend", "\ttab", ""}, {"ctl\x01\x1f\ufffe end"},
			{"bad \xff utf-8", "😀 astral", "", "tail"}},
		{{"h"}, {"only one"}, {long + "x"}, {strings.Repeat("😀", 20000)}},
	}
	sheets := []string{`A & "B" <C>`, "第二 Sheet"}
	p := xlsxProps{Creator: "A & B", Title: "<title>", Language: "zh-CN", Date: "2015-07-01T00:00:00Z"}
	var b bytes.Buffer
	x := newXLSX(&b, ColumnWidths)
	for i, s := range sheets {
		if err := x.Sheet(s, rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Close(p); err != nil {
		t.Fatal(err)
	}
	sameAsExcelize(t, "edge cases", b.Bytes(), sheets, rows, p)
	if got := readBack(t, b.Bytes()); !strings.Contains(got, `"two\nlines"`) || !strings.Contains(got, `" lead"`) {
		t.Errorf("line breaks or leading space lost:\n%.400s", got)
	}
}

// TestXLSXEscapes: text that looks like an escaped character ("_xHHHH_",
// ECMA-376's ST_Xstring) reads back as written; excelize's own writer
// does not escape it (it reads "_x0041_" back as "A").
func TestXLSXEscapes(t *testing.T) {
	t.Parallel()
	row := []string{"_x0041_", "_x005F_x0041_", "_x004G_ _xABCD_ _x0041", "a_x0041_b_x0042_"}
	var b bytes.Buffer
	x := newXLSX(&b, nil)
	if err := x.Sheet("S", [][]string{row}); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(xlsxProps{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("S")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || !slices.Equal(rows[0], row) {
		t.Errorf("read back %q, want %q", rows, row)
	}
}

// TestXLSXDeterministic: the same rows give the same bytes.
func TestXLSXDeterministic(t *testing.T) {
	t.Parallel()
	write := func() []byte {
		var b bytes.Buffer
		x := newXLSX(&b, ColumnWidths)
		if err := x.Sheet("S", [][]string{{"a", "b"}, {"b", "c"}}); err != nil {
			t.Fatal(err)
		}
		if err := x.Close(xlsxProps{Title: "t"}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if a, b := write(), write(); !slices.Equal(a, b) {
		t.Error("two writes of the same rows differ")
	}
}
