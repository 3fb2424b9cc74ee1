package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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

// render executes every page's template, and minifies it, on one worker
// per core, and returns the pages' bytes by output file (renderTo).
func (m *model) render(t *Templates, pages []*Page, minify bool, progress func(done, total int)) (map[string][]byte, error) {
	s := newMemory()
	if err := m.renderTo(s, t, pages, minify, progress); err != nil {
		return nil, err
	}
	return s.files, nil
}

// renderTo executes every page's template, and minifies it, on one worker
// per core, and puts each page into s as soon as it is done. Each worker
// reuses its two buffers; a page's bytes are copied out at their size.
// progress, if not nil, hears how many pages are done, from one goroutine
// at a time. The error is that of the first page, in order, that failed.
func (m *model) renderTo(s Sink, t *Templates, pages []*Page, minify bool, progress func(done, total int)) error {
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	var done atomic.Int64
	var mu sync.Mutex
	fr := &frames{}
	next := make(chan int, 256)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var page, small bytes.Buffer
			for i := range next {
				errs[i] = m.renderOne(s, t, pages[i], fr, &page, &small, minify)
				if n := done.Add(1); progress != nil && (n%100 == 0 || int(n) == len(pages)) {
					mu.Lock()
					progress(int(n), len(pages))
					mu.Unlock()
				}
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// renderOne renders the page p and puts it into s.
func (m *model) renderOne(s Sink, t *Templates, p *Page, fr *frames, page, small *bytes.Buffer, minify bool) error {
	b, err := m.renderPage(t, p, fr, page, small, minify)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.URL, err)
	}
	if err := s.Put(p.File(), b); err != nil {
		return fmt.Errorf("write %s: %w", p.File(), err)
	}
	return nil
}

// renderPage renders a page: its main content first, from which its
// description is drawn, then the page around it (layouts/base.html), into
// page and, with minify, minified into small; it returns a copy of the
// result. A template defining "standalone" is a whole document of its own
// (the bilingual entry page), described by the site's introduction.
func (m *model) renderPage(t *Templates, p *Page, fr *frames, page, small *bytes.Buffer, minify bool) ([]byte, error) {
	tp := t.byName[p.Template]
	if tp == nil {
		return nil, fmt.Errorf("no template layouts/%s", p.Template)
	}
	page.Reset()
	v := &View{Page: p, m: m, set: tp, frames: fr}
	name := "layouts/base.html"
	if tp.Lookup("standalone") != nil {
		name = "standalone"
		v.desc = clipDescription([]string{m.c.UI["home.intro"].Zh}, Zh)
	} else {
		if err := tp.ExecuteTemplate(page, "content", v); err != nil {
			return nil, err
		}
		v.main = template.HTML(page.String())
		v.desc = describe(page.Bytes(), p.Lang)
		if v.desc == "" { // a page of headings and links only
			v.desc = v.PlainText(p.Title) + " - " + m.c.Site.Name.In(p.Lang)
		}
		page.Reset()
	}
	if err := tp.ExecuteTemplate(page, name, v); err != nil {
		return nil, err
	}
	res := page
	if minify {
		small.Reset()
		// page, having Bytes, is read in place (a bytes.Reader is copied).
		if err := minifier.Minify("text/html", small, page); err != nil {
			return nil, fmt.Errorf("minify: %w", err)
		}
		res = small
	}
	return bytes.Clone(res.Bytes()), nil
}
