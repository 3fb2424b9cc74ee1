package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// importer holds the state of one import: the department being built,
// the registry it resolves names in and the report.
type importer struct {
	rep *Report
	reg *registry
	d   *content.Department
	toc []string // the titles of the supervision systems, from the contents
	// open is the duties of the matter's division (or joint duties) the
	// last row wrote, which a page break may have split.
	open *[]content.Text
}

// parse reads the list as text in the 2015 Shandong template into a
// department, resolving instruments and bodies in reg (and adding the
// unseen ones). The department is nil when the report has errors.
func parse(file string, data []byte, reg *registry) (*content.Department, *Report) {
	rep := &Report{File: file}
	if off, msg := content.NotUTF8Text(data); msg != "" { // a .docx, UTF-16 or GBK: no part would be found
		if strings.HasPrefix(msg, "the file is a zip") {
			msg += "; the site's workbook imports too, as a file named .xlsx"
		}
		rep.fail(1+strings.Count(string(data[:max(off, 0)]), "\n"), "%s", msg)
		return nil, rep
	}
	var lines []line
	for i, s := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		lines = append(lines, line{i + 1, s})
	}
	im := &importer{rep: rep, reg: reg, d: &content.Department{}}
	cover, parts, ok := splitParts(lines, rep)
	if !ok {
		return nil, rep
	}
	im.cover(cover)
	im.duties(parts[0])
	im.boundaries(parts[1])
	im.systems(parts[2])
	im.services(parts[3])
	im.accountability(parts[4])
	im.propose()
	if len(rep.Errors) > 0 {
		return nil, rep
	}
	return im.d, rep
}

var (
	headRe       = regexp.MustCompile(`^(\d+)、(.+)$`)
	dateRe       = regexp.MustCompile(`^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]+)月$`)
	arabicDateRe = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月$`)
	tocRe        = regexp.MustCompile(`^[（(]([一二三四五六七八九十]+)[)）]\s*(.+?)\s*\t`)
)

// cover reads the lines before part 一: the series number and department
// (35、临沂市质量技术监督局), the title, the date and the contents.
func (im *importer) cover(ls []line) {
	var texts []line
	for _, l := range ls {
		if m := tocRe.FindStringSubmatch(l.text); m != nil {
			im.toc = append(im.toc, m[2])
		}
		if t := strings.TrimSpace(l.text); t != "" && !strings.Contains(l.text, "\t") {
			texts = append(texts, line{l.n, t})
		}
	}
	if len(texts) < 3 {
		im.rep.fail(1, "the cover must give the series number and department (35、临沂市质量技术监督局), the title (责任清单) and the date (二〇一五年七月)")
		return
	}
	m := headRe.FindStringSubmatch(texts[0].text)
	if m == nil {
		im.rep.fail(texts[0].n, "%q is not the list's number and department: write it as 35、临沂市质量技术监督局", short(texts[0].text))
		return
	}
	im.d.Series, _ = strconv.Atoi(m[1])
	im.d.Body = im.reg.body(m[2], texts[0].n, im.rep)
	im.d.Title.Zh = strings.ReplaceAll(texts[1].text, " ", "")
	im.date(texts[2])
}

// date reads the list's date (二〇一五年七月).
func (im *importer) date(l line) {
	year, month := "", 0
	if m := dateRe.FindStringSubmatch(l.text); m != nil {
		month = cnValue(m[2])
		for _, r := range strings.ReplaceAll(m[1], "零", "〇") {
			year += strconv.Itoa(slices.Index(cnDigits, r))
		}
	} else if m := arabicDateRe.FindStringSubmatch(l.text); m != nil {
		year, month = m[1], atoi(m[2])
	}
	if month < 1 || month > 12 {
		im.rep.fail(l.n, "%q is not the list's date: write it as 二〇一五年七月 or 2015年7月", short(l.text))
		return
	}
	im.d.DateText.Zh = l.text
	im.d.Date = fmt.Sprintf("%s-%02d", year, month)
}
