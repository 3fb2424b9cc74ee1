package site

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"time"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/export"
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
	stats  *Stats
	cache  *content.Cache // a Builder's: the departments of its last load
	checks *check.Cache   // a Builder's: what the rules found in them
	date   time.Time      // Dated's
	keep   []string       // Keep's
	ctx    context.Context
}

// WithContext has Publish stop when ctx is done (qingdan build on an
// interrupt), leaving the output as it was and no temporary folder.
func WithContext(ctx context.Context) Option { return func(o *options) { o.ctx = ctx } }

// Dated dates the site with t instead of its newest source file's time
// (Output.Date), as SOURCE_DATE_EPOCH asks.
func Dated(t time.Time) Option { return func(o *options) { o.date = t } }

// Keep names the folders (the content and layouts folders) that Publish's
// output may be neither nor hold.
func Keep(dirs ...string) Option { return func(o *options) { o.keep = append(o.keep, dirs...) } }

// WithoutMinify leaves HTML, CSS and JS as the templates wrote them
// (useful when reading output in tests).
func WithoutMinify() Option { return func(o *options) { o.minify = false } }

// Draft builds a preview in which a field with Chinese and no English yet is
// pending translation (check.Draft): English pages show its Chinese, marked
// lang="zh-CN" and labelled. A build without it fails on such fields.
func Draft() Option { return func(o *options) { o.draft = true } }

// WithStats has the build fill in s: how long each stage took and how many
// pages it rendered; s.Progress, if set, hears of the pages as they are
// rendered. Nothing of it reaches the output.
func WithStats(s *Stats) Option { return func(o *options) { o.stats = s } }

// Stats are a build's figures for its summary. Search and Data run
// alongside Render, so the durations overlap. When Publish streams the
// files into the output, Render, Search and Data include writing theirs,
// and Write is the rest: the host files, the folders' dates and the swap.
type Stats struct {
	Load, Check, Graph, Render, Search, Data, Write time.Duration
	Pages                                           int // HTML pages rendered
	// Progress is called with the pages rendered so far and their total,
	// from one goroutine at a time.
	Progress func(done, total int)
}

// Build runs the load, check and render stages on a content tree and a
// layouts tree and returns the whole site in memory. Nothing is written.
// Pages are rendered and minified by one worker per core while the search
// bundle and the open data are made alongside them.
func Build(contentFS, layouts fs.FS, opts ...Option) (*Output, error) {
	s := newMemory()
	r, err := build(contentFS, layouts, buildOptions(opts), func(time.Time) (Sink, error) { return s, nil })
	if err != nil {
		return nil, err
	}
	return &Output{Files: s.files, Pending: r.pending, Date: r.date, Assets: r.assets}, nil
}

// Published is what Publish wrote.
type Published struct {
	Files   int   // files of the site, not counting the twins and the Marker
	Bytes   int64 // their bytes
	Reused  int   // files whose twins were taken from the earlier build (reuse.go)
	Pending content.Errors
	Date    time.Time // the date of every file and folder (Output.Date)
}

// Publish is Build and Write in one, streamed: each file goes into the new
// folder beside dir as soon as it is made (with its twins, dated), while
// the rest is still rendering, so that a build holds the pages being
// rendered, not the whole site, however large. The folder is put in place
// of dir only when every stage succeeded; dir is left exactly as it was
// otherwise. Its files and their bytes are those Write writes of Build's
// Output. Keep names the folders dir may not be or hold. When the context
// of WithContext is done first, Publish removes the new folder and returns
// at once (the stages still running write nothing more).
func Publish(contentFS, layouts fs.FS, dir string, opts ...Option) (*Published, error) {
	o := buildOptions(opts)
	var mu sync.Mutex
	var f *folder
	stopped := false
	type result struct {
		made
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := build(contentFS, layouts, o, func(date time.Time) (Sink, error) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return nil, errClosed
			}
			var err error
			f, err = openFolder(dir, o.keep, date)
			return f, err
		})
		done <- result{r, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-o.ctx.Done():
	}
	// A build stopped is stopped even when it ended in the same instant
	// (select picks either of two ready cases): nothing is swapped in.
	if o.ctx.Err() != nil {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		if f != nil {
			f.close()
		}
		return nil, fmt.Errorf("build stopped: %w", context.Cause(o.ctx))
	}
	if r.err != nil {
		if f != nil {
			f.abort()
		}
		return nil, r.err
	}
	start := time.Now()
	err := f.commit()
	o.stats.Write += time.Since(start)
	if err != nil {
		return nil, err
	}
	return &Published{Files: int(f.files.Load()), Bytes: f.bytes.Load(), Reused: int(f.reused.Load()), Pending: r.pending, Date: r.date}, nil
}

// made is what a build tells beside its files.
type made struct {
	pending content.Errors
	date    time.Time
	assets  map[string]string
}

// build runs every stage and puts the files into the Sink that into
// returns, given the site's date, once the content has passed the check.
func build(contentFS, layouts fs.FS, o options, into func(date time.Time) (Sink, error)) (made, error) {
	m, t, pending, err := prepare(contentFS, func() (*Templates, error) { return LoadTemplates(layouts) }, o)
	if err != nil {
		return made{}, err
	}
	if m.assets, err = loadAssets(layouts, o.minify); err != nil {
		return made{}, err
	}
	date := o.date
	if date.IsZero() {
		if date, err = siteDate(m.c, layouts); err != nil {
			return made{}, err
		}
	}
	s, err := into(date)
	if err != nil {
		return made{}, err
	}
	st := o.stats
	pages := m.pages()
	st.Pages = len(pages)
	if err := m.produce(s, t, pages, o); err != nil {
		return made{}, err
	}
	start := time.Now()
	icon, err := faviconICO(layouts)
	if err != nil {
		return made{}, err
	}
	host := map[string][]byte{}
	m.addHostFiles(icon, pages, host)
	if err := putAll(s, host); err != nil {
		return made{}, fmt.Errorf("write: %w", err)
	}
	st.Write = time.Since(start)
	return made{pending: pending, date: date, assets: m.assets.names}, nil
}

func buildOptions(opts []Option) options {
	o := options{minify: true, stats: &Stats{}, ctx: context.Background()}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// prepare runs the load and check stages, then gets the templates and
// checks the interface strings they use, and makes the render stage's model.
func prepare(contentFS fs.FS, templates func() (*Templates, error), o options) (*model, *Templates, content.Errors, error) {
	st := o.stats
	start := time.Now()
	load := content.Load
	if o.cache != nil {
		load = o.cache.Load
	}
	c, err := load(contentFS)
	if err != nil {
		return nil, nil, nil, err
	}
	st.Load = time.Since(start)
	var tm check.Timing
	timed := check.Timed
	if o.checks != nil {
		timed = o.checks.Timed
	}
	g, pending, err := timed(c, o.draft, &tm)
	if err != nil {
		return nil, nil, nil, err
	}
	st.Check, st.Graph = tm.Rules, tm.Graph
	t, err := templates()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := t.checkUI(c); err != nil {
		return nil, nil, nil, err
	}
	m := newModel(g)
	m.draft = o.draft
	return m, t, pending, nil
}

// searchBundle is the search bundle of the pages.
func (m *model) searchBundle(pages []*Page) (map[string][]byte, error) {
	bundle, err := search.Bundle(m.regimeIDs(), m.searchEditions(pages), search.SplitAt)
	if err != nil {
		return nil, fmt.Errorf("render search bundle: %w", err)
	}
	return bundle, nil
}

// Checked is what the check stage found in a content tree that passed it.
type Checked struct {
	Content *content.Content
	// Pages is how many pages a build would render.
	Pages int
	// Pending lists the fields awaiting English (a draft check lets them
	// through; a check for publishing fails on them).
	Pending content.Errors
}

// Check runs the load and check stages and parses the templates (checking
// the interface strings they use), as Build does, and stops there: nothing
// is rendered or written. It is qingdan check.
func Check(contentFS, layouts fs.FS, opts ...Option) (*Checked, error) {
	m, _, pending, err := prepare(contentFS, func() (*Templates, error) { return LoadTemplates(layouts) }, buildOptions(opts))
	if err != nil {
		return nil, err
	}
	return &Checked{Content: m.c, Pages: len(m.pages()), Pending: pending}, nil
}

// produce renders the pages into s while the search bundle and the open
// data are made, and put into s, on their own goroutines, and adds the
// assets.
func (m *model) produce(s Sink, t *Templates, pages []*Page, o options) error {
	st := o.stats
	var bundleErr, dataErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		start := time.Now()
		bundleErr = putMade(s, "search bundle", o.minify, func() (map[string][]byte, error) {
			return search.Bundle(m.regimeIDs(), m.searchEditions(pages), search.SplitAt)
		})
		st.Search = time.Since(start)
	})
	wg.Go(func() {
		start := time.Now()
		if err := export.Each(m.g, func(name string, b []byte) error { return putOne(s, o.minify, name, b) }); err != nil {
			dataErr = fmt.Errorf("render open data: %w", err)
		}
		st.Data = time.Since(start)
	})
	start := time.Now()
	err := m.renderTo(s, t, pages, o.minify, st.Progress)
	st.Render = time.Since(start)
	wg.Wait()
	if err != nil {
		return err
	}
	if err := putAll(s, m.assets.files); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if bundleErr != nil {
		return bundleErr
	}
	return dataErr
}

// putMade makes a part of the site (the search bundle, the open data),
// minifies it and puts it into s.
func putMade(s Sink, what string, minify bool, make func() (map[string][]byte, error)) error {
	files, err := make()
	if err == nil && minify {
		err = minifyAll(files)
	}
	if err != nil {
		return fmt.Errorf("render %s: %w", what, err)
	}
	if err := putAll(s, files); err != nil {
		return fmt.Errorf("write %s: %w", what, err)
	}
	return nil
}

// putOne minifies the file name holding b and puts it into s.
func putOne(s Sink, minify bool, name string, b []byte) error {
	if minify {
		var err error
		if b, err = minifyFile(name, b); err != nil {
			return err
		}
	}
	if err := s.Put(name, b); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// addHostFiles adds what hosts, browsers and search engines look for
// beside the pages: favicon.ico (icon, drawn from layouts/ by faviconICO),
// sitemap.xml and robots.txt, and the badge's and the public-security
// icon's images from content/.
func (m *model) addHostFiles(icon []byte, pages []*Page, files map[string][]byte) {
	files["favicon.ico"] = icon
	maps.Copy(files, m.hostFiles(pages))
	if b := m.c.Site.Badge; b.Image != "" {
		files[b.File()] = b.Data
	}
	if i := m.c.Site.PoliceIcon; i.Path != "" {
		files[i.File()] = i.Data
	}
}
