package importer

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"qingdan/generator/content"
)

// The workbook the site publishes (data/SLUG.xlsx, package export) is the
// translators' and editors' way back in: in every sheet, after a header
// row, one field a row — A its file and record ("duties/3.toml item 12"),
// B its key ("text"), C its Chinese, D its English. Importing it into the
// department it was built from writes the values that differ into the
// files in place, the rest of each file as it was. It changes values
// only: a record is added or removed in the files, or by importing the
// list's text.

// A wbRow is one field of a workbook, at its sheet and row.
type wbRow struct {
	row        int
	sheet      string
	file, name string
	text       content.Text
}

// readWorkbook reads the fields of every sheet of a workbook.
func readWorkbook(path string) ([]wbRow, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: not a workbook: %w", path, err)
	}
	defer f.Close()
	var out []wbRow
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %s: %w", path, sheet, err)
		}
		for i, r := range rows {
			r = append(r, make([]string, 4)...)
			if i == 0 || strings.TrimSpace(r[0]) == "" {
				continue
			}
			file, rec, _ := strings.Cut(strings.TrimSpace(r[0]), " ")
			out = append(out, wbRow{row: i + 1, sheet: sheet, file: file,
				name: leaf{rec: rec, key: strings.TrimSpace(r[1])}.name(),
				text: content.Text{Zh: cellText(r[2]), En: cellText(r[3])}})
		}
	}
	return out, nil
}

// cellText is a cell's value with the line breaks a spreadsheet may give.
func cellText(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// importWorkbook imports a workbook into the department folder dept.
func importWorkbook(file, dept string) (*Report, []string, error) {
	if _, err := os.Stat(filepath.Join(dept, "department.toml")); err != nil {
		return nil, nil, fmt.Errorf("%s: a workbook updates a department that exists: import the list's text first", dept)
	}
	rows, err := readWorkbook(file)
	if err != nil {
		return nil, nil, err
	}
	old, err := readDept(dept)
	if err != nil {
		return nil, nil, err
	}
	edited, _ := readDept(dept)
	rep := &Report{File: file}
	if applyRows(rep, rows, edited); len(rep.Errors) > 0 {
		return rep, nil, nil
	}
	var log []string
	for _, name := range slices.Sorted(maps.Keys(edited)) {
		lines, err := writeTexts(filepath.Join(dept, filepath.FromSlash(name)), name, old[name], edited[name])
		log = append(log, lines...)
		if err != nil {
			return rep, log, err
		}
	}
	return rep, log, nil
}

// applyRows sets the fields of the records the rows name to the rows'
// values; a row naming no field, a field named twice and a field left
// without Chinese are errors at their rows.
func applyRows(rep *Report, rows []wbRow, recs map[string]any) {
	fields := map[string]map[string]leaf{}
	for name, rec := range recs {
		fields[name] = textLeaves(rec)
	}
	seen := map[string]bool{}
	for _, r := range rows {
		l, ok := fields[r.file][r.name]
		at := fmt.Sprintf("sheet %q row %d: %s %s", r.sheet, r.row, r.file, r.name)
		switch {
		case !ok:
			rep.fail(r.row, "%s: the department has no such field: a workbook changes values; add records in the files, or import the list's text", at)
		case seen[r.file+" "+r.name]:
			rep.fail(r.row, "%s: the field is in the workbook twice: keep one row", at)
		case r.text.Zh == "":
			rep.fail(r.row, "%s: the Chinese is empty: every field keeps its Chinese", at)
		default:
			seen[r.file+" "+r.name] = true
			l.v.FieldByName("Zh").SetString(r.text.Zh)
			l.v.FieldByName("En").SetString(r.text.En)
		}
	}
}

// textLeaves indexes the Text and Prose fields of a record by name.
func textLeaves(rec any) map[string]leaf {
	m := map[string]leaf{}
	for _, l := range leaves(rec) {
		if l.v.Kind() == reflect.Struct {
			m[l.name()] = l
		}
	}
	return m
}
