package site

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"time"

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
	// Date is the site's date: the newest modification time of the
	// content and layouts files it was built from (zero when the file
	// systems give none). The write stage dates every file with it.
	Date time.Time
	// Assets names the published path of each file of layouts/assets/
	// ("site.css" → "assets/site.3f2a9c1b0d.css"; see Assets).
	Assets map[string]string
}

// Names lists the output files in order.
func (o *Output) Names() []string {
	return slices.Sorted(maps.Keys(o.Files))
}

// Asset is the bytes of the file named name in layouts/assets/, as
// published (nil if there is none).
func (o *Output) Asset(name string) []byte { return o.Files[o.Assets[name]] }

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
	assets, err := loadAssets(layouts, o.minify)
	if err != nil {
		return nil, err
	}
	m := newModel(g)
	m.draft = o.draft
	m.assets = assets
	pages := m.pages()
	files, err := m.render(t, pages)
	if err != nil {
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
	maps.Copy(files, assets.files)
	date, err := newestIn(layouts)
	if err != nil {
		return nil, err
	}
	if c.Modified.After(date) {
		date = c.Modified
	}
	return &Output{Files: files, Pending: pending, Date: date, Assets: assets.names}, nil
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
