package main

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"time"

	"qingdan/generator/benchsite"
	qdsite "qingdan/generator/site"
)

// site is one of the two sites searched: built, indexed and served.
type site struct {
	name  string
	dir   string // public/
	url   string
	depts int
	meter *meter
}

// prepare builds the site's public/ under tmp, has Pagefind index it,
// adds the Pagefind search pages, and prints what that took.
func (s *site) prepare(i int, tmp, content, layouts, pagefind string) error {
	files, built, err := s.build(i, tmp, content, layouts)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := s.index(pagefind); err != nil {
		return err
	}
	ours, _ := dirSize(filepath.Join(s.dir, "search"))
	theirs, _ := dirSize(filepath.Join(s.dir, "pagefind"))
	fmt.Printf("%s: %d files built in %s; Pagefind indexed it in %s. Index on disk: ours %s, Pagefind %s\n",
		s.name, files, built.Round(time.Millisecond), time.Since(start).Round(time.Millisecond), kb(ours), kb(theirs))
	return nil
}

// build writes the site's content (for more than one department, a
// generated copy under tmp) as public-<i> under tmp, and says how many
// files that made and how long it took.
func (s *site) build(i int, tmp, content, layouts string) (int, time.Duration, error) {
	src := content
	if s.depts > 1 {
		src = filepath.Join(tmp, fmt.Sprintf("content-%d", s.depts))
		if err := benchsite.Write(content, src, s.depts); err != nil {
			return 0, 0, err
		}
	}
	start := time.Now()
	out, err := qdsite.Build(os.DirFS(src), os.DirFS(layouts))
	if err != nil {
		return 0, 0, fmt.Errorf("building %s: %w", s.name, err)
	}
	s.dir = filepath.Join(tmp, fmt.Sprintf("public-%d", i))
	if err := qdsite.Write(out, s.dir); err != nil {
		return 0, 0, err
	}
	return len(out.Files), time.Since(start), nil
}

// serve serves the site's public/, metered and with gzip, and sets its URL.
func (s *site) serve() *httptest.Server {
	s.meter = &meter{}
	srv := httptest.NewServer(metered(s.meter, gzipFiles(s.dir)))
	s.url = srv.URL
	return srv
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

func kb(n int64) string {
	if n >= 10<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KB", float64(n)/1024)
}
