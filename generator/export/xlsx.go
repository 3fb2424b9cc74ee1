package export

import (
	"archive/zip"
	"errors"
	"io"
	"strconv"
	"strings"
)

// An xlsx writes a SpreadsheetML workbook (ECMA-376 part 1, the parts a
// workbook of text cells needs: content types, relationships, document
// properties, the workbook, its sheets, the shared strings and a default
// style) into a zip as it goes, a sheet at a time: no document model, so
// a large list costs its bytes and a string table. Every cell is text;
// each sheet has the same column widths and its first row frozen. The
// zip entries carry no time, so the same rows give the same bytes.
type xlsx struct {
	z      *zip.Writer
	widths []float64
	sheets []string
	// The shared strings in order of first use, and each one's index.
	strs  []string
	index map[string]int
	refs  int
	buf   []byte
}

// xlsxProps are the workbook's document properties: its creator, title,
// language and date (W3CDTF, created and modified alike).
type xlsxProps struct{ Creator, Title, Language, Date string }

// maxCellChars is the most UTF-16 units a cell holds in Excel; longer
// text is cut there, as excelize and Excel do.
const maxCellChars = 32767

func newXLSX(w io.Writer, widths []float64) *xlsx {
	return &xlsx{z: fastZip(w), widths: widths, index: map[string]int{}, buf: make([]byte, 0, 64<<10)}
}

const (
	nsMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg   = "http://schemas.openxmlformats.org/package/2006/relationships"
	xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// part writes x.buf as the zip entry name and empties it.
func (x *xlsx) part(name string) error {
	w, err := x.z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return err
	}
	_, err = w.Write(x.buf)
	x.buf = x.buf[:0]
	return err
}

// Sheet writes a sheet of rows of text cells from A1, the first row
// frozen. An empty cell is written as an empty string.
func (x *xlsx) Sheet(name string, rows [][]string) error {
	if len(x.sheets) == 0 && len(rows) == 0 {
		return errors.New("a sheet with no rows")
	}
	x.sheets = append(x.sheets, name)
	b := append(x.buf, xmlHead...)
	b = append(b, `<worksheet xmlns="`+nsMain+`" xmlns:r="`+nsRel+`"><dimension ref="A1`...)
	if cols := maxLen(rows); len(rows) > 0 && cols > 0 {
		b = append(b, ':')
		b = appendRef(b, cols-1, len(rows))
	}
	b = append(b, `"/><sheetViews><sheetView`...)
	if len(x.sheets) == 1 {
		b = append(b, ` tabSelected="1"`...)
	}
	b = append(b, ` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`+
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/>`...)
	if len(x.widths) > 0 {
		b = append(b, "<cols>"...)
		for i, w := range x.widths {
			b = append(b, `<col min="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" max="`...)
			b = strconv.AppendInt(b, int64(i+1), 10)
			b = append(b, `" width="`...)
			b = strconv.AppendFloat(b, w, 'f', -1, 64)
			b = append(b, `" customWidth="1"/>`...)
		}
		b = append(b, "</cols>"...)
	}
	b = append(b, "<sheetData>"...)
	for i, r := range rows {
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `">`...)
		for j, v := range r {
			b = append(b, `<c r="`...)
			b = appendRef(b, j, i+1)
			b = append(b, `" t="s"><v>`...)
			b = strconv.AppendInt(b, int64(x.str(v)), 10)
			b = append(b, "</v></c>"...)
		}
		b = append(b, "</row>"...)
	}
	x.buf = append(b, "</sheetData></worksheet>"...)
	return x.part("xl/worksheets/sheet" + strconv.Itoa(len(x.sheets)) + ".xml")
}

// str is the shared string index of s, cut to a cell's length.
func (x *xlsx) str(s string) int {
	x.refs++
	if i, ok := x.index[s]; ok {
		return i
	}
	i := len(x.strs)
	x.index[s] = i
	x.strs = append(x.strs, s)
	return i
}

// Close writes the parts that list the sheets and the shared strings,
// and closes the zip.
func (x *xlsx) Close(p xlsxProps) error {
	if len(x.sheets) == 0 {
		return errors.New("a workbook with no sheets")
	}
	core := func() string { return x.core(p) }
	for _, f := range []func() string{x.sharedStrings, x.contentTypes, x.rootRels, x.workbook, x.workbookRels, x.styles, x.app, core} {
		if err := x.part(f()); err != nil {
			return err
		}
	}
	return x.z.Close()
}

// sharedStrings fills x.buf with xl/sharedStrings.xml.
func (x *xlsx) sharedStrings() string {
	b := append(x.buf, xmlHead...)
	b = append(b, `<sst xmlns="`+nsMain+`" count="`...)
	b = strconv.AppendInt(b, int64(x.refs), 10)
	b = append(b, `" uniqueCount="`...)
	b = strconv.AppendInt(b, int64(len(x.strs)), 10)
	b = append(b, `">`...)
	for _, s := range x.strs {
		s = cutCell(s)
		b = append(b, "<si><t"...)
		if s != "" && (strings.IndexByte(" \t\n\r", s[0]) >= 0 || strings.IndexByte(" \t\n\r", s[len(s)-1]) >= 0) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = appendEscaped(b, escapeBSTR(s), false)
		b = append(b, "</t></si>"...)
	}
	x.buf = append(b, "</sst>"...)
	return "xl/sharedStrings.xml"
}

func (x *xlsx) contentTypes() string {
	const ct = "application/vnd.openxmlformats-"
	b := append(x.buf, xmlHead+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="`+ct+`package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="`+ct+`officedocument.spreadsheetml.sheet.main+xml"/>`...)
	for i := range x.sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `.xml" ContentType="`+ct+`officedocument.spreadsheetml.worksheet+xml"/>`...)
	}
	x.buf = append(b, `<Override PartName="/xl/styles.xml" ContentType="`+ct+`officedocument.spreadsheetml.styles+xml"/>`+
		`<Override PartName="/xl/sharedStrings.xml" ContentType="`+ct+`officedocument.spreadsheetml.sharedStrings+xml"/>`+
		`<Override PartName="/docProps/core.xml" ContentType="`+ct+`package.core-properties+xml"/>`+
		`<Override PartName="/docProps/app.xml" ContentType="`+ct+`officedocument.extended-properties+xml"/>`+
		`</Types>`...)
	return "[Content_Types].xml"
}

func (x *xlsx) rootRels() string {
	x.buf = append(x.buf, xmlHead+`<Relationships xmlns="`+nsPkg+`">`+
		`<Relationship Id="rId1" Type="`+nsRel+`/officeDocument" Target="xl/workbook.xml"/>`+
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`+
		`<Relationship Id="rId3" Type="`+nsRel+`/extended-properties" Target="docProps/app.xml"/>`+
		`</Relationships>`...)
	return "_rels/.rels"
}

func (x *xlsx) workbook() string {
	b := append(x.buf, xmlHead+`<workbook xmlns="`+nsMain+`" xmlns:r="`+nsRel+`">`+
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`...)
	for i, name := range x.sheets {
		b = append(b, `<sheet name="`...)
		b = appendEscaped(b, name, true)
		b = append(b, `" sheetId="`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `" r:id="rId`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, `"/>`...)
	}
	x.buf = append(b, `</sheets></workbook>`...)
	return "xl/workbook.xml"
}

// workbookRels: the sheets are rId1…rIdN, then the styles and the shared
// strings.
func (x *xlsx) workbookRels() string {
	b := append(x.buf, xmlHead+`<Relationships xmlns="`+nsPkg+`">`...)
	rel := func(id int, typ, target string) {
		b = append(b, `<Relationship Id="rId`...)
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, `" Type="`+nsRel+`/`...)
		b = append(b, typ...)
		b = append(b, `" Target="`...)
		b = append(b, target...)
		b = append(b, `"/>`...)
	}
	for i := range x.sheets {
		rel(i+1, "worksheet", "worksheets/sheet"+strconv.Itoa(i+1)+".xml")
	}
	rel(len(x.sheets)+1, "styles", "styles.xml")
	rel(len(x.sheets)+2, "sharedStrings", "sharedStrings.xml")
	x.buf = append(b, `</Relationships>`...)
	return "xl/_rels/workbook.xml.rels"
}

// styles is the one default style every cell has: Calibri 11.
func (x *xlsx) styles() string {
	x.buf = append(x.buf, xmlHead+`<styleSheet xmlns="`+nsMain+`">`+
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`+
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`+
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`+
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`+
		`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>`+
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`+
		`</styleSheet>`...)
	return "xl/styles.xml"
}

func (x *xlsx) app() string {
	x.buf = append(x.buf, xmlHead+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`+
		`<Application>Qingdan</Application></Properties>`...)
	return "docProps/app.xml"
}

// core is docProps/core.xml: the document properties.
func (x *xlsx) core(p xlsxProps) string {
	b := append(x.buf, xmlHead+`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `+
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" `+
		`xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`...)
	for _, e := range [][3]string{{"dc:title", "", p.Title}, {"dc:creator", "", p.Creator}, {"dc:language", "", p.Language},
		{"dcterms:created", ` xsi:type="dcterms:W3CDTF"`, p.Date}, {"dcterms:modified", ` xsi:type="dcterms:W3CDTF"`, p.Date}} {
		if e[2] == "" {
			continue
		}
		b = append(append(append(append(b, '<'), e[0]...), e[1]...), '>')
		b = appendEscaped(b, e[2], false)
		b = append(append(append(b, "</"...), e[0]...), '>')
	}
	x.buf = append(b, "</cp:coreProperties>"...)
	return "docProps/core.xml"
}
