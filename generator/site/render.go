package site

import (
	"bytes"

	"fmt"
	"html/template"
	"io/fs"
	"strings"
)

// Templates are the layouts/ files: base.html wraps every page; each page
// kind has its own file, named by its path so that errors say which.
type Templates struct {
	byName map[string]*template.Template
}

// LoadTemplates parses layouts/: every *.html except base.html and the
// partials (_*.html) is a page template, parsed together with them.
func LoadTemplates(fsys fs.FS) (*Templates, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("load layouts: %w", err)
	}
	var shared []string
	var pages []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case !strings.HasSuffix(n, ".html"):
		case n == "base.html" || strings.HasPrefix(n, "_"):
			shared = append(shared, n)
		default:
			pages = append(pages, n)
		}
	}
	t := &Templates{byName: map[string]*template.Template{}}
	for _, p := range pages {
		tp := template.New(p).Option("missingkey=error")
		for _, n := range append(shared, p) {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				return nil, fmt.Errorf("load layouts/%s: %w", n, err)
			}
			if _, err := tp.New("layouts/" + n).Parse(string(b)); err != nil {
				return nil, fmt.Errorf("load layouts: %w", err)
			}
		}
		t.byName[p] = tp
	}
	return t, nil
}

// render executes every page's template, concurrently, and returns the
// pages' bytes by output file.
func (m *model) render(t *Templates, pages []*Page) (map[string][]byte, error) {
	out := make([][]byte, len(pages))
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		out[i], errs[i] = m.renderPage(t, pages[i])
	})
	files := make(map[string][]byte, len(pages))
	for i, p := range pages {
		if errs[i] != nil {
			return nil, fmt.Errorf("render %s: %w", p.URL, errs[i])
		}
		files[p.File()] = out[i]
	}
	return files, nil
}

func (m *model) renderPage(t *Templates, p *Page) ([]byte, error) {
	tp := t.byName[p.Template]
	if tp == nil {
		return nil, fmt.Errorf("no template layouts/%s", p.Template)
	}
	var b bytes.Buffer
	v := &View{Page: p, m: m}
	name := "layouts/base.html"
	if tp.Lookup("standalone") != nil { // a whole document of its own (root, 404)
		name = "standalone"
	}
	if err := tp.ExecuteTemplate(&b, name, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
