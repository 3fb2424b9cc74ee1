package site

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/export"
	"qingdan/generator/search"
)

// A Builder builds a site again and again as its content and layouts
// change, for the preview (package serve). Each Build loads and checks the
// whole content, as Build does, through caches that keep what an
// unchanged department gave (content.Cache, check.Cache; see the package
// documentation), and then renders only what changed since its last good
// build: a page whose fingerprint (what it shows, see hasher)
// is the same reuses the bytes it had; the search bundle is rebuilt only
// when a search entry changed, a list's open data only when the list
// changed; a change in layouts/ renders every page. The result equals
// Build's, byte for byte. A failed Build keeps the last good one as the
// base of the next.
type Builder struct {
	content, layouts fs.FS
	o                options
	seed             maphash.Seed
	t                *Templates
	tSum             uint64 // layouts the templates were parsed from
	a                *Assets
	aSum             uint64 // layouts the assets were published from
	icon             []byte // favicon.ico
	iconSum          uint64 // layouts it was drawn from
	prev             *built
	stats            Rebuilt
	kept             map[memoKey]keptHash // content records' hashes (see hasher)
}

// Rebuilt says what a Builder's last Build did.
type Rebuilt struct {
	Pages    int // pages in the site
	Rendered int // pages rendered (the others reused)
	Search   bool
	Data     int // lists whose open data was made again
}

// built is what a good build leaves for the next.
type built struct {
	layouts  uint64
	global   uint64
	pages    map[string]uint64 // page file → fingerprint
	depts    map[*Department]bool
	skel     map[*Department]uint64 // what pages of no department show of each list (skeleton)
	records  map[recKey]keptHash    // hashes of the lists' graph records (see hasher)
	exports  map[string]uint64      // department slug → fingerprint
	search   uint64
	searchAt []string // the bundle's files
	assetsAt []string // the files published from layouts/assets/
	files    map[string][]byte
}

// NewBuilder returns a Builder of the content and layouts trees; the
// options are Build's.
func NewBuilder(contentFS, layouts fs.FS, opts ...Option) *Builder {
	o := buildOptions(opts)
	o.cache, o.checks = content.NewCache(), check.NewCache()
	return &Builder{content: contentFS, layouts: layouts, o: o, seed: maphash.MakeSeed()}
}

// Changed tells the next Build which paths under the content folder
// (slash-separated, relative to it) changed since the last Build, as a
// watcher saw them (content.Cache.Changed): the departments whose folders
// hold none of them are not read again. nil, or no call, means not known.
func (b *Builder) Changed(contentPaths []string) { b.o.cache.Changed(contentPaths) }

// Stats is what the last Build did.
func (b *Builder) Stats() Rebuilt { return b.stats }

// Build builds the site from the trees as they are now.
func (b *Builder) Build() (*Output, error) { return b.BuildPagesFirst(nil) }

// BuildPagesFirst is Build, which first, when early is not nil and the
// pages are rendered, calls early with the new pages and assets beside the
// last good build's search bundle and open data (a site that holds
// together, whose search and downloads are one edit behind), and only then
// makes the search bundle and the open data. The preview serves that
// early site, so an edited page shows without waiting for them.
func (b *Builder) BuildPagesFirst(early func(files map[string][]byte)) (*Output, error) {
	lsum, err := b.layoutsSum()
	if err != nil {
		return nil, err
	}
	m, t, pending, err := prepare(b.content, func() (*Templates, error) { return b.templates(lsum) }, b.o)
	if err != nil {
		return nil, err
	}
	h := newHasher(b.seed)
	h.kept, h.made = b.kept, map[memoKey]keptHash{}
	pages := m.pages()
	next := &built{layouts: lsum, pages: map[string]uint64{}, exports: map[string]uint64{}, files: map[string][]byte{},
		depts: map[*Department]bool{}}
	for _, d := range m.c.Departments {
		next.depts[d] = true
	}
	next.global = h.of(lsum, b.o.draft, m.c.Site, m.c.UI, m.c.Glossary, m.c.Registry, pageSummary(pages))
	prev := b.prev
	if prev == nil {
		prev = &built{}
	}
	b.stats = Rebuilt{Pages: len(pages)}
	for _, step := range []func(*model, *Templates, *hasher, []*Page, *built, *built) error{b.assets, b.renderPages, b.hostFiles} {
		if err := step(m, t, h, pages, prev, next); err != nil {
			return nil, err
		}
	}
	if early != nil {
		early(withLastData(next.files, prev))
	}
	data := make(chan error, 1) // the open data alongside the search bundle, on a hasher of its own
	dataFiles := map[string][]byte{}
	go func() {
		dh := newHasher(b.seed)
		dh.kept = b.kept
		data <- b.openData(m, dh, prev, next, dataFiles)
	}()
	err = b.searchFiles(m, t, h, pages, prev, next)
	if derr := <-data; err == nil {
		err = derr
	}
	if err != nil {
		return nil, err
	}
	maps.Copy(next.files, dataFiles)
	date, err := siteDate(m.c, b.layouts)
	if err != nil {
		return nil, err
	}
	b.prev, b.kept = next, h.made
	return &Output{Files: maps.Clone(next.files), Pending: pending, Date: date, Assets: m.assets.names}, nil
}

// withLastData is the pages and assets of files with the search bundle and
// open data of prev.
func withLastData(files map[string][]byte, prev *built) map[string][]byte {
	out := maps.Clone(files)
	for f, c := range prev.files {
		if strings.HasPrefix(f, "search/") || strings.HasPrefix(f, "data/") {
			out[f] = c
		}
	}
	return out
}

// layoutsSum fingerprints every file of layouts/.
func (b *Builder) layoutsSum() (uint64, error) {
	var w maphash.Hash
	w.SetSeed(b.seed)
	err := fs.WalkDir(b.layouts, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		c, err := fs.ReadFile(b.layouts, p)
		if err != nil {
			return err
		}
		w.WriteString(p)
		writeUint(&w, uint64(len(c)))
		w.Write(c)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load layouts: %w", err)
	}
	return w.Sum64(), nil
}

// templates parses layouts/ when it changed.
func (b *Builder) templates(sum uint64) (*Templates, error) {
	if b.t != nil && b.tSum == sum {
		return b.t, nil
	}
	t, err := LoadTemplates(b.layouts)
	if err != nil {
		return nil, err
	}
	b.t, b.tSum = t, sum
	return t, nil
}

// pageSummary is what every page may show of the others: which pages there
// are (a body's or a law's page decides whether its name is a link), their
// titles and places.
func pageSummary(pages []*Page) []any {
	out := make([]any, 0, 4*len(pages))
	for _, p := range pages {
		out = append(out, p.URL, p.Template, p.Title, p.Crumbs)
	}
	return out
}

// fingerprint is what a page shows: the site-wide inputs, the page itself
// and its data (a department's own index pages show all of it; pages of
// no department show the skeleton of every list).
func (h *hasher) fingerprint(p *Page, global, skeleton uint64, byDept map[*Department]uint64) uint64 {
	var data uint64
	switch d := p.Data.(type) {
	case DeptData:
		data = h.deptIndex(p.Template, d.Dept, byDept[d.Dept])
	case LawData:
		data = h.of(d.Instrument, d.Kind, h.citations(d.Groups))
	case BodyData:
		data = h.of(d.Body, d.Roles, h.citations(d.Named))
	default:
		data = h.of(p.Data)
	}
	if p.Dept != nil {
		skeleton = 0
	}
	return h.of(global, skeleton, p.Lang, p.URL, p.Template, p.Title, p.Crumbs, p.Dept, data)
}

// renderPages renders the pages whose fingerprint changed. When the
// site-wide inputs are as at the last build, a page of a list that the
// content.Cache kept (the same *Department: its files did not change) keeps
// its fingerprint and bytes unhashed: its fingerprint reads nothing else.
// Pages of no list are fingerprinted every time, reusing the hashes of
// the kept lists' records and skeletons.
func (b *Builder) renderPages(m *model, t *Templates, h *hasher, pages []*Page, prev, next *built) error {
	same := prev.files != nil && prev.global == next.global
	h.records = map[recKey]keptHash{}
	var keptSkel map[*Department]uint64
	if same {
		h.keptDepts, h.keptRecords, keptSkel = prev.depts, prev.records, prev.skel
	}
	skeleton, byDept := h.skeleton(m, keptSkel)
	next.skel = byDept
	var todo []*Page
	for _, p := range pages {
		f := p.File()
		if old, ok := prev.files[f]; ok && same && p.Dept != nil && prev.depts[p.Dept] {
			next.pages[f], next.files[f] = prev.pages[f], old
			continue
		}
		fp := h.fingerprint(p, next.global, skeleton, byDept)
		next.pages[f] = fp
		if old, ok := prev.files[f]; ok && prev.pages[f] == fp {
			next.files[f] = old
			continue
		}
		todo = append(todo, p)
	}
	next.records = h.records
	files, err := m.render(t, todo, false, nil)
	if err != nil {
		return err
	}
	b.stats.Rendered = len(todo)
	return b.minified(files, next)
}

// minified adds files to next, minified as Build minifies them.
func (b *Builder) minified(files map[string][]byte, next *built) error {
	if b.o.minify {
		if err := minifyAll(files); err != nil {
			return err
		}
	}
	maps.Copy(next.files, files)
	return nil
}

// assets publishes layouts/assets/ (loadAssets), again only when layouts/
// changed, and gives the model their names before any page is rendered.
func (b *Builder) assets(m *model, t *Templates, h *hasher, pages []*Page, prev, next *built) error {
	if b.a == nil || b.aSum != next.layouts {
		a, err := loadAssets(b.layouts, b.o.minify)
		if err != nil {
			return err
		}
		b.a, b.aSum = a, next.layouts
	}
	m.assets = b.a
	next.assetsAt = slices.Sorted(maps.Keys(b.a.files))
	maps.Copy(next.files, b.a.files)
	return nil
}

// hostFiles makes the files for hosts (addHostFiles), drawing favicon.ico
// again only when layouts/ changed (drawing it is most of their time).
func (b *Builder) hostFiles(m *model, t *Templates, h *hasher, pages []*Page, prev, next *built) error {
	if b.icon == nil || b.iconSum != next.layouts {
		icon, err := faviconICO(b.layouts)
		if err != nil {
			return err
		}
		b.icon, b.iconSum = icon, next.layouts
	}
	m.addHostFiles(b.icon, pages, next.files)
	return nil
}

// searchFiles makes the search bundle again when an entry changed.
func (b *Builder) searchFiles(m *model, t *Templates, h *hasher, pages []*Page, prev, next *built) error {
	eds := m.searchEditions(pages)
	regimes := m.regimeIDs()
	next.search = h.of(regimes, eds)
	if prev.files != nil && prev.search == next.search {
		next.searchAt = prev.searchAt
		for _, f := range prev.searchAt {
			next.files[f] = prev.files[f]
		}
		return nil
	}
	bundle, err := search.Bundle(regimes, eds, search.SplitAt)
	if err != nil {
		return fmt.Errorf("render search bundle: %w", err)
	}
	next.searchAt = slices.Sorted(maps.Keys(bundle))
	b.stats.Search = true
	return b.minified(bundle, next)
}

// openData makes a list's open data again, into out, when the list or the
// registry, glossary, interface strings or site settings changed (as
// export.Files makes it). It runs alongside the other steps: it writes
// only out, next.exports and stats.Data.
func (b *Builder) openData(m *model, h *hasher, prev, next *built, out map[string][]byte) error {
	files := map[string][]byte{"data/schema.json": export.Schema}
	shared := h.of(b.o.draft, m.c.Site, m.c.UI, m.c.Glossary, m.c.Registry)
	for _, d := range m.c.Departments {
		fp := h.of(shared, h.deptDeep(d))
		next.exports[d.Slug] = fp
		if prev.files != nil && prev.exports[d.Slug] == fp {
			for _, n := range export.FilesOf(d) {
				out[n] = prev.files[n]
			}
			continue
		}
		b.stats.Data++
		err := export.Department(m.g, d, func(name string, c []byte) error {
			files[name] = c
			return nil
		})
		if err != nil {
			return fmt.Errorf("render open data: %w", err)
		}
	}
	if b.o.minify {
		if err := minifyAll(files); err != nil {
			return err
		}
	}
	maps.Copy(out, files)
	return nil
}
