package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/export"
	"qingdan/generator/importer"
)

const (
	contentDir = "../../content"
	seed       = "../../seeds/000_57c99018d0e71c00.txt"
	slug       = "linyi-qts"
)

// workbook writes the workbook the site publishes for the curated list
// into a temporary file and returns its path. The workbook is made once
// for the tests that read it (a load, a check and an export: a second
// under the race detector).
func workbook(t *testing.T) string {
	t.Helper()
	wbOnce.Do(func() { wbBytes, wbErr = makeWorkbook() })
	if wbErr != nil {
		t.Fatal(wbErr)
	}
	p := filepath.Join(t.TempDir(), slug+".xlsx")
	if err := os.WriteFile(p, wbBytes, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

var (
	wbOnce  sync.Once
	wbBytes []byte
	wbErr   error
)

func makeWorkbook() ([]byte, error) {
	c, err := content.Load(os.DirFS(contentDir))
	if err != nil {
		return nil, err
	}
	g, err := check.Check(c)
	if err != nil {
		return nil, err
	}
	return export.Workbook(g, c.Departments[0])
}

// copyContent copies content/ into a temporary folder; without drops the
// curated department.
func copyContent(t *testing.T, without bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS(contentDir)); err != nil {
		t.Fatal(err)
	}
	if without {
		os.RemoveAll(filepath.Join(dir, "departments", slug))
	}
	return dir
}

func run(t *testing.T, dir, file string, want int) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := importer.Run([]string{"-department", slug, "-out", dir, file}, &out, &errb); code != want {
		t.Fatalf("import of %s exited %d, want %d:\n%s%s", filepath.Base(file), code, want, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// fields loads a department and indexes its fields by file and name.
func fields(t *testing.T, dir string) map[string]importer.Field {
	t.Helper()
	c, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]importer.Field{}
	for _, f := range importer.Fields(c.Departments[0]) {
		m[f.File+" "+f.Name()] = f
	}
	return m
}

// TestWorkbookRoundTrip: importing the built workbook into the list it
// was built from changes nothing; importing it into the list imported
// from the seed (Chinese only) gives back every Chinese and English
// string of the curated list (Markdown's Chinese up to its layout, as the
// seed gives it).
func TestWorkbookRoundTrip(t *testing.T) {
	t.Parallel()
	wb := workbook(t)
	dir := copyContent(t, false)
	if out := run(t, dir, wb, 0); !strings.Contains(out, "0 changes") {
		t.Errorf("importing the workbook into its own list changed it:\n%s", out)
	}
	for _, name := range []string{"duties/3.toml", "systems/1.toml", "services.toml", "accountability.toml", "department.toml"} {
		a, _ := os.ReadFile(filepath.Join(contentDir, "departments", slug, name))
		b, _ := os.ReadFile(filepath.Join(dir, "departments", slug, name))
		if !bytes.Equal(a, b) {
			t.Errorf("%s changed", name)
		}
	}

	dir = copyContent(t, true)
	run(t, dir, seed, 0)
	run(t, dir, wb, 0)
	got, want := fields(t, dir), fields(t, contentDir)
	if len(got) != len(want) {
		t.Errorf("%d fields after the round trip, want %d", len(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if g.Text.En != w.Text.En || g.Text.Zh != w.Text.Zh && !w.Prose {
			t.Errorf("%s: %q / %q, want %q / %q", k, g.Text.Zh, g.Text.En, w.Text.Zh, w.Text.En)
		}
	}
}

// editCell opens a workbook, sets the cell of the row whose record and
// field are rec and key in column col (C Chinese, D English) to v, and
// saves it under a new name.
func editCell(t *testing.T, wb, rec, key, col, v string) string {
	t.Helper()
	f, err := excelize.OpenFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			if len(r) > 1 && r[0] == rec && r[1] == key {
				cell := col + strconv.Itoa(i+1)
				if err := f.SetCellStr(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
				out := filepath.Join(t.TempDir(), "edited.xlsx")
				if err := f.SaveAs(out); err != nil {
					t.Fatal(err)
				}
				return out
			}
		}
	}
	t.Fatalf("no row %s %s in the workbook", rec, key)
	return ""
}

// diffLines lists the lines of b that differ from a's, which must have as
// many.
func diffLines(t *testing.T, a, b string) []string {
	t.Helper()
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		t.Fatalf("%d lines became %d", len(al), len(bl))
	}
	var out []string
	for i := range al {
		if al[i] != bl[i] {
			out = append(out, bl[i])
		}
	}
	return out
}

// TestWorkbookOneCell: editing one cell of the workbook and importing it
// changes exactly that one value in the TOML, in place.
func TestWorkbookOneCell(t *testing.T) {
	t.Parallel()
	wb := workbook(t)
	for _, c := range []struct{ rec, key, col, value, file, line string }{
		{"duties/3.toml item 12", "text", "D", "An edited translation.", "duties/3.toml", `text.en = "An edited translation."`},
		{"services.toml service 2", "office", "C", "市标准化研究院", "services.toml", `office.zh = "市标准化研究院"`},
	} {
		dir := copyContent(t, false)
		out := run(t, dir, editCell(t, wb, c.rec, c.key, c.col, c.value), 0)
		if !strings.Contains(out, "1 changes") {
			t.Errorf("%s %s: the import reports:\n%s", c.rec, c.key, out)
		}
		for _, f := range []string{"department.toml", "duties/3.toml", "services.toml", "systems/1.toml", "accountability.toml"} {
			a, _ := os.ReadFile(filepath.Join(contentDir, "departments", slug, f))
			b, _ := os.ReadFile(filepath.Join(dir, "departments", slug, f))
			d := diffLines(t, string(a), string(b))
			switch {
			case f != c.file && len(d) > 0:
				t.Errorf("%s changed: %q", f, d)
			case f == c.file && (len(d) != 1 || !strings.HasPrefix(strings.TrimSpace(d[0]), c.line)):
				t.Errorf("%s: changed lines %q, want one starting %q", f, d, c.line)
			}
		}
	}
}

// TestWorkbookErrors: a row that names no field of the list is an error
// at its sheet and row, and nothing is written.
func TestWorkbookErrors(t *testing.T) {
	t.Parallel()
	wb := editCell(t, workbook(t), "duties/3.toml item 12", "text", "A", "duties/3.toml item 99")
	dir := copyContent(t, false)
	out := run(t, dir, wb, 1)
	if !strings.Contains(out, `sheet "主要职责 Duties" row`) || !strings.Contains(out, "item 99 text: the department has no such field") {
		t.Errorf("the import does not place the error:\n%s", out)
	}
	a, _ := os.ReadFile(filepath.Join(contentDir, "departments", slug, "duties/3.toml"))
	b, _ := os.ReadFile(filepath.Join(dir, "departments", slug, "duties/3.toml"))
	if !bytes.Equal(a, b) {
		t.Error("a workbook with errors was written")
	}
}
