package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/importer"
)

// Sheets are the workbook's sheets, a part of the list each, by the
// prefix of the record files whose fields they hold.
var Sheets = []struct{ Name, Files string }{
	{"清单 List", "department.toml"},
	{"主要职责 Duties", "duties/"},
	{"职责边界 Boundaries", "boundaries/"},
	{"监管制度 Systems", "systems/"},
	{"公共服务 Services", "services.toml"},
	{"责任追究 Accountability", "accountability.toml"},
}

// WorkbookHeader heads every sheet: the record (its file and the record
// in it), the field's key, its Chinese and its English. The importer reads
// the columns in this order (importer/workbook.go).
var WorkbookHeader = []string{"记录 Record", "字段 Field", "中文", "English"}

// Workbook is data/SLUG.xlsx for department d: every Text and Prose field
// of its files as content/ holds them (in English, 《id》 cites an
// instrument by its registry ID), a row each.
func Workbook(g *graph.Graph, d *content.Department) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	// The list's own date, not the clock's, so the bytes stay the same.
	date := d.Date + "T00:00:00Z"
	if len(d.Date) == len("2006-01") {
		date = d.Date + "-01T00:00:00Z"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: g.Content.Site.Owner.Zh, Title: d.Title.Zh,
		Created: date, Modified: date, Language: "zh-CN"}); err != nil {
		return nil, err
	}
	fields := importer.Fields(d)
	for i, sh := range Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		rows := [][]string{WorkbookHeader}
		for _, fl := range fields {
			if strings.HasPrefix(fl.File, sh.Files) {
				rows = append(rows, []string{strings.TrimSpace(fl.File + " " + fl.Record), fl.Key, fl.Text.Zh, fl.Text.En})
			}
		}
		if err := writeSheet(f, sh.Name, rows); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeSheet writes rows of text cells from A1, the columns wide enough
// to read.
func writeSheet(f *excelize.File, sheet string, rows [][]string) error {
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	for i, w := range []float64{28, 22, 60, 60} {
		col := string(rune('A' + i))
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// fastZip is the workbook's zip: deflate at its fastest level, which
// makes the parts about a fifth larger than the default level in a
// fraction of the time (the open data were a sixth of a large site's
// build), its writers reused (a new one clears over half a megabyte). The
// bytes stay the same for the same rows: a reset writer is a new one.
func fastZip(w io.Writer) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw, ok := deflaters.Get().(*flate.Writer); ok {
			fw.Reset(out)
			return pooledDeflater{fw}, nil
		}
		fw, err := flate.NewWriter(out, flate.BestSpeed)
		return pooledDeflater{fw}, err
	})
	return z
}

// deflaters holds idle BestSpeed writers.
var deflaters sync.Pool

// pooledDeflater returns its writer to deflaters when closed.
type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}
