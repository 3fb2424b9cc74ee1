package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/export"
	"qingdan/generator/graph"
	"qingdan/generator/search"
)

// Output is a built site: file contents by slash-separated path.
type Output struct {
	Files map[string][]byte
	// Pending lists the fields awaiting English in a draft build.
	Pending content.Errors
}

// Names lists the output files in order.
func (o *Output) Names() []string {
	return slices.Sorted(maps.Keys(o.Files))
}

// Option configures a build.
type Option func(*options)

type options struct {
	minify bool
	draft  bool
}

// WithoutMinify leaves HTML, CSS and JS as the templates wrote them
// (useful when reading output in tests).
func WithoutMinify() Option { return func(o *options) { o.minify = false } }

// Draft builds a preview in which a field with Chinese and no English yet is
// pending translation (check.Draft): English pages show its Chinese, marked
// lang="zh-CN" and labelled. A build without it fails on such fields.
func Draft() Option { return func(o *options) { o.draft = true } }

// Build runs the load, check and render stages on a content tree and a
// layouts tree and returns the whole site in memory. Nothing is written.
func Build(contentFS, layouts fs.FS, opts ...Option) (*Output, error) {
	o := options{minify: true}
	for _, f := range opts {
		f(&o)
	}
	c, err := content.Load(contentFS)
	if err != nil {
		return nil, err
	}
	g, pending, err := checkStage(c, o.draft)
	if err != nil {
		return nil, err
	}
	t, err := LoadTemplates(layouts)
	if err != nil {
		return nil, err
	}
	if err := t.checkUI(c); err != nil {
		return nil, err
	}
	m := newModel(g)
	m.draft = o.draft
	pages := m.pages()
	files, err := m.render(t, pages)
	if err != nil {
		return nil, err
	}
	if err := addAssets(layouts, files); err != nil {
		return nil, err
	}
	if err := m.addHostFiles(layouts, pages, files); err != nil {
		return nil, err
	}
	bundle, err := search.Bundle(m.regimeIDs(), m.searchEditions(pages), search.SplitAt)
	if err != nil {
		return nil, fmt.Errorf("render search bundle: %w", err)
	}
	maps.Copy(files, bundle)
	data, err := export.Files(g)
	if err != nil {
		return nil, fmt.Errorf("render open data: %w", err)
	}
	maps.Copy(files, data)
	if o.minify {
		if err := minifyAll(files); err != nil {
			return nil, err
		}
	}
	return &Output{Files: files, Pending: pending}, nil
}

// checkStage runs the check stage, as a draft (pending translations allowed
// and returned) or for publishing.
func checkStage(c *content.Content, draft bool) (*graph.Graph, content.Errors, error) {
	if draft {
		return check.Draft(c)
	}
	g, err := check.Check(c)
	return g, nil, err
}

// addAssets copies layouts/assets/ to assets/.
func addAssets(layouts fs.FS, files map[string][]byte) error {
	return fs.WalkDir(layouts, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(layouts, p)
		if err != nil {
			return fmt.Errorf("load layouts/%s: %w", p, err)
		}
		files[p] = b
		return nil
	})
}

// addHostFiles adds what hosts, browsers and search engines look for
// beside the pages: favicon.ico, sitemap.xml and robots.txt, and the
// badge's image from content/.
func (m *model) addHostFiles(layouts fs.FS, pages []*Page, files map[string][]byte) error {
	icon, err := faviconICO(layouts)
	if err != nil {
		return err
	}
	files["favicon.ico"] = icon
	maps.Copy(files, m.hostFiles(pages))
	if b := m.c.Site.Badge; b.Image != "" {
		files[b.File()] = b.Data
	}
	return nil
}
