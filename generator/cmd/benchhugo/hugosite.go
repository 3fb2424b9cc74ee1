package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The Hugo site: zh and en editions, each a home page, one section per
// department listing its pages, and the pages; Hugo adds the root's
// redirect to /zh/. Taxonomies, feeds and sitemaps are off; both tools
// minify.
const hugoConfig = `baseURL = "http://example.org/"
title = "Bench"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[languages.zh]
languageName = "中文"
weight = 1
contentDir = "content/zh"
[languages.en]
languageName = "English"
weight = 2
contentDir = "content/en"
`

var hugoLayouts = map[string]string{
	"_default/baseof.html": `<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title><link rel="stylesheet" href="{{ "site.css" | relURL }}"></head>
<body><a class="skip" href="#main">Skip</a><header><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>
<ol class="crumbs">{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}<li>{{ .Title }}</li></ol></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ .Site.Title }} · {{ .Lastmod.Format "2006-01-02" }}</p></footer></body></html>
`,
	"_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>{{ end }}
`,
	"_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 80 }}</li>{{ end }}</ul>{{ end }}
`,
}

// hugoSite writes a Hugo site at src whose build has the pages of q and
// bytes per page near q's: it calibrates the length of the pages'
// Markdown on two trial builds (Hugo's output grows linearly with it).
func (b *bench) hugoSite(src string, q siteStats, n int) (siteStats, error) {
	pool, err := sentences(b.content)
	if err != nil {
		return siteStats{}, err
	}
	leaves := q.pages - 3 - 2*n // home ×2, sections ×2n, the root's redirect
	target := q.htmlBytes / q.pages
	trial := func(size int) (siteStats, error) {
		if err := writeHugo(src, pool, n, leaves, size); err != nil {
			return siteStats{}, err
		}
		out := filepath.Join(b.dir, "hugo-out")
		var t timing
		if err := t.timed(out, b.hugo, b.hugoArgs(src, out)...); err != nil {
			return siteStats{}, err
		}
		return count(out)
	}
	s1, s2 := target/4, target/2
	a1, err := trial(s1)
	if err != nil {
		return a1, err
	}
	a2, err := trial(s2)
	if err != nil {
		return a2, err
	}
	if a2.pages != q.pages {
		leaves += q.pages - a2.pages
	}
	per1, per2 := a1.htmlBytes/a1.pages, a2.htmlBytes/a2.pages
	size := s2 + (target-per2)*(s2-s1)/max(1, per2-per1)
	return trial(max(size, 100))
}

// writeHugo writes the Hugo site: config, layouts, and per language a
// home, n sections and the leaves shared among them (zh gets the odd one).
func writeHugo(src string, pool map[string][]string, n, leaves, size int) error {
	os.RemoveAll(src)
	files := map[string]string{"config.toml": hugoConfig, "static/site.css": "body{font-family:sans-serif}"}
	for p, t := range hugoLayouts {
		files["layouts/"+p] = t
	}
	for li, lang := range []string{"zh", "en"} {
		count := leaves / 2
		if li == 0 {
			count += leaves % 2
		}
		files["content/"+lang+"/_index.md"] = "---\ntitle: Home\n---\n" + body(pool[lang], 0, size/4)
		for d := range n {
			files[fmt.Sprintf("content/%s/d%04d/_index.md", lang, d)] = fmt.Sprintf("---\ntitle: \"%s %d\"\n---\n%s", lang, d, body(pool[lang], d, size/4))
		}
		for i := range count {
			title, _ := json.Marshal(fmt.Sprintf("%.60s", pool[lang][i%len(pool[lang])]))
			files[fmt.Sprintf("content/%s/d%04d/p%05d.md", lang, i%n, i)] =
				fmt.Sprintf("{\"title\": %s, \"weight\": %d, \"date\": \"2015-07-01\"}\n%s", title, i, body(pool[lang], i, size))
		}
	}
	for p, t := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(src, p)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(src, p), []byte(t), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// body is Markdown of about size bytes from the sentences, from the i-th
// on: headings, paragraphs, lists and now and then a table.
func body(pool []string, i, size int) string {
	var b strings.Builder
	for k := 0; b.Len() < size; k++ {
		s := pool[(i*7+k)%len(pool)]
		switch k % 9 {
		case 0:
			fmt.Fprintf(&b, "\n## %.40s\n\n", s)
		case 3, 4:
			fmt.Fprintf(&b, "- %s\n", s)
		case 5:
			fmt.Fprintf(&b, "\n| %d | %s |\n|---|---|\n| %d | **%.30s** |\n\n", k, s, k+1, s)
		default:
			fmt.Fprintf(&b, "\n%s *%d*\n", s, k)
		}
	}
	return b.String()
}

var textRE = regexp.MustCompile(`\b(zh|en) = "([^"]{8,})"`)

// sentences gathers the Chinese and English strings of the content
// folder's TOML files, in file order.
func sentences(dir string) (map[string][]string, error) {
	pool := map[string][]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return err
		}
		b, err := os.ReadFile(p)
		for _, m := range textRE.FindAllStringSubmatch(string(b), -1) {
			pool[m[1]] = append(pool[m[1]], strings.NewReplacer("《", "", "》", "", "<", "", ">", "", "|", "/").Replace(m[2]))
		}
		return err
	})
	if err == nil && (len(pool["zh"]) == 0 || len(pool["en"]) == 0) {
		err = fmt.Errorf("%s: no zh and en strings to write pages with", dir)
	}
	return pool, err
}
