package chart

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var sample = flag.String("sample", "", "write sample pages with every picture into this folder, for vnu and screenshots")

// TestSamplePage writes, with -sample, a page per language holding every
// case of that language and a 150 × 45 matrix (<lang>.html), and a page per
// picture (<lang>-<kind>.html), styled by the site's CSS.
func TestSamplePage(t *testing.T) {
	t.Parallel()
	if *sample == "" {
		t.Skip("no -sample folder")
	}
	css, err := filepath.Abs("../../layouts/assets")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, lang string, body ...string) {
		html := map[string]string{"zh": "zh-CN", "en": "en"}[lang]
		page := `<!DOCTYPE html><html lang="` + html + `"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>chart sample</title>` +
			`<link rel="stylesheet" href="file://` + css + `/site.css"><link rel="stylesheet" href="file://` + css + `/chart.css"></head>` +
			`<body class="lang-` + lang + `"><main class="wrap">` + strings.Join(body, "") + `<p>End.</p></main></body></html>`
		if err := os.WriteFile(filepath.Join(*sample, name+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"zh", "en"} {
		var all []string
		for _, kind := range []string{"counts", "bars", "timeline", "matrix"} {
			_, out := render(t, kind+"-"+lang)
			part := `<h2>` + kind + `</h2>` + string(out)
			all = append(all, part)
			write(lang+"-"+kind, lang, part)
		}
		out, err := RenderMatrix(sampleBig(lang), labels(t, lang))
		if err != nil {
			t.Fatal(err)
		}
		part := `<h2>150 × 45</h2>` + string(out)
		write(lang+"-big", lang, part)
		write(lang, lang, append(all, part)...)
	}
}

// sampleBig is the 150 × 45 matrix with names of each language's length.
func sampleBig(lang string) Matrix {
	big := bigMatrix(150, 45)
	if lang == "zh" {
		for j := range big.Columns {
			big.Columns[j].Label = "市第" + itoa(j+1) + "局"
		}
		for i := range big.Rows {
			big.Rows[i].Label = "第" + itoa(i+1) + "项职责边界事项名称较长"
		}
	}
	return big
}
