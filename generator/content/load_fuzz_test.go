package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/check"
	"qingdan/generator/content"
)

// fuzzSite is a small whole content tree; the fuzzer replaces one file.
var fuzzSite = map[string]string{
	"site.toml": `name = { zh = "站", en = "Site" }
owner = { zh = "局", en = "Bureau" }
base_url = "/"
`,
	"i18n.toml":     "[ui]\n\"nav.home\" = { zh = \"首页\", en = \"Home\" }\n",
	"glossary.toml": "[[term]]\nid = \"t\"\nterm = { zh = \"词\", en = \"term\" }\n",
	"registry/r.toml": `[[kind]]
id = "law"
name = { zh = "法律", en = "Law" }
[[instrument]]
id = "pql"
kind = "law"
name = { zh = "产品质量法", en = "Product Quality Law" }
aliases = { zh = [], en = [] }
[[body]]
id = "b"
name = { zh = "市局", en = "Bureau" }
aliases = { zh = [], en = [] }
[[regime]]
id = "r"
name = { zh = "领域", en = "Regime" }
summary = { zh = "概要", en = "Summary" }
`,
	"departments/d/department.toml": "body = \"b\"\ntitle = { zh = \"清单\", en = \"List\" }\nseries = 1\ndate = \"2015-07\"\n" +
		"date_text = { zh = \"二〇一五年七月\", en = \"July 2015\" }\nduties_note = { zh = \"注\", en = \"Note\" }\n",
	"departments/d/duties/1.toml": `id = "1"
title = { zh = "职责", en = "Duty" }
regimes = ["r"]
[[item]]
n = 1
text = { zh = "依据《产品质量法》。", en = "Under the 《pql》." }
regimes = ["r"]
`,
	"departments/d/boundaries/1.toml": `id = "1"
title = { zh = "事项", en = "Matter" }
regimes = ["r"]
[[division]]
body = "b"
duties = [{ zh = "职责", en = "Duty" }]
`,
	"departments/d/systems/1.toml": `id = "1"
title = { zh = "制度", en = "System" }
regimes = ["r"]
items = [1]
purpose = { zh = "目的", en = "Purpose" }
body = { zh = "1. 依据《产品质量法》。\n2. [链接](https://example.org/)", en = "1. Under the 《pql》.\n2. [A link](https://example.org/)" }
`,
	"departments/d/services.toml": `[[service]]
id = "1"
title = { zh = "服务", en = "Service" }
content = { zh = "内容", en = "Content" }
office = { zh = "科", en = "Office" }
phone = "0539-1234"
regimes = ["r"]
`,
	"departments/d/accountability.toml": `intro = { zh = "引言", en = "Intro" }
[[body]]
id = "a"
body = "b"
name = { zh = "机关", en = "Organ" }
duties = { zh = "职责", en = "Duties" }
procedure = { zh = "程序", en = "Procedure" }
`,
}

var fuzzFiles = []string{"site.toml", "i18n.toml", "glossary.toml", "registry/r.toml", "departments/d/department.toml",
	"departments/d/duties/1.toml", "departments/d/boundaries/1.toml", "departments/d/systems/1.toml",
	"departments/d/services.toml", "departments/d/accountability.toml"}

// FuzzLoad: the load and check stages, with one file of a small content
// tree replaced by any bytes, never panic, and every error names a file
// of the tree (or one that is missing) at a line the file has, in a
// message of sane length.
func FuzzLoad(f *testing.F) {
	for i, name := range fuzzFiles {
		f.Add(uint8(i), []byte(fuzzSite[name]))
	}
	f.Add(uint8(5), []byte("\uFEFF\x05"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for name, text := range fuzzSite {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		name := fuzzFiles[int(which)%len(fuzzFiles)]
		fsys[name] = &fstest.MapFile{Data: data}
		c, err := content.Load(fsys)
		if err == nil {
			_, err = check.Check(c)
		}
		for _, e := range content.AsErrors(err) {
			text := fuzzSite[e.Pos.File]
			if e.Pos.File == name {
				text = string(data)
			}
			if e.Pos.Line < 0 || e.Pos.Line > strings.Count(text, "\n")+1 || e.Pos.Line > 0 && e.Pos.Col < 1 {
				t.Errorf("error outside its file: %v", e)
			}
			if len(e.Msg) > 2000 {
				t.Errorf("a %d-byte message: %.200s", len(e.Msg), e.Msg)
			}
		}
	})
}

// TestFuzzSiteIsValid: FuzzLoad starts from content that passes, so that
// its mutations reach the check stage.
func TestFuzzSiteIsValid(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for name, text := range fuzzSite {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := content.Load(fsys)
	if err == nil {
		_, err = check.Check(c)
	}
	if err != nil {
		t.Fatal(err)
	}
}
