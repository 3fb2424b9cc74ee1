package export

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"sync"

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
	var b bytes.Buffer
	x := newXLSX(&b, ColumnWidths)
	fields := importer.Fields(d)
	rows := make([][]string, 0, len(fields)+1)
	for _, sh := range Sheets {
		rows = append(rows[:0], WorkbookHeader)
		for _, fl := range fields {
			if strings.HasPrefix(fl.File, sh.Files) {
				rows = append(rows, []string{strings.TrimSpace(fl.File + " " + fl.Record), fl.Key, fl.Text.Zh, fl.Text.En})
			}
		}
		if err := x.Sheet(sh.Name, rows); err != nil {
			return nil, err
		}
	}
	// The list's own date, not the clock's, so the bytes stay the same.
	date := d.Date + "T00:00:00Z"
	if len(d.Date) == len("2006-01") {
		date = d.Date + "-01T00:00:00Z"
	}
	err := x.Close(xlsxProps{Creator: g.Content.Site.Owner.Zh, Title: d.Title.Zh, Language: "zh-CN", Date: date})
	return b.Bytes(), err
}

// ColumnWidths are the widths of the workbook's columns, in characters:
// wide enough to read the record, the key and each language's text.
var ColumnWidths = []float64{28, 22, 60, 60}

// fastZip is the workbook's zip: deflate at its fastest level, which
// makes the parts about a fifth larger than the default level in a
// fraction of the time (the open data were a sixth of a large site's
// build), its writers reused (a new one clears over half a megabyte). The
// bytes stay the same for the same rows: a reset writer is a new one.
func fastZip(w io.Writer) *zip.Writer {
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
