package content

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// Content is everything under content/, decoded.
type Content struct {
	Site        *Site
	UI          map[string]Text // interface strings, by key
	Glossary    *Glossary
	Registry    *Registry
	Departments []*Department
	// Modified is the newest modification time of the files read (zero
	// when the file system gives none): the site's date, with which the
	// write stage dates every file, so that an unchanged site keeps its
	// files' dates.
	Modified time.Time

	// locs keeps where each record was decoded from, for the check stage.
	locs map[any]Loc
}

// Loc is where a record is: its file and its path in the file.
type Loc struct {
	src  *Source
	path string
}

// Path is the record's path in its file: "" for a whole file,
// "item[3]" for an element of an array of tables.
func (l Loc) Path() string { return l.path }

// At returns the position of sub (a path relative to the record).
func (l Loc) At(sub string) Pos {
	if l.src == nil {
		return Pos{File: "content"}
	}
	return l.src.Pos(JoinPath(l.path, sub))
}

// ValueAt returns the position of the character at byte off of the decoded
// string value sub, as an editor shows it (escapes counted as written).
func (l Loc) ValueAt(sub string, off int) Pos {
	if l.src == nil {
		return Pos{File: "content"}
	}
	return l.src.ValuePos(JoinPath(l.path, sub), off)
}

// InlineTable reports whether sub (a path relative to the record) is a key
// written inside an inline table, { zh = "…" }, rather than as a dotted
// key or under a table header.
func (l Loc) InlineTable(sub string) bool {
	if l.src == nil {
		return false
	}
	off, ok := l.src.keys[JoinPath(l.path, sub)]
	if !ok {
		return false
	}
	start := l.src.lines[l.src.at(off).Line-1]
	return strings.Contains(string(l.src.text[start:off]), "{")
}

// Loc returns where a record was decoded from; a file's own Loc is
// Loc("site.toml").
func (c *Content) Loc(rec any) Loc { return c.locs[rec] }

// Load is the load stage: it reads the content tree in fsys (the content/
// folder) into typed records. Unknown keys, wrong types, malformed TOML and
// missing files are errors naming file:line:column.
func Load(fsys fs.FS) (*Content, error) { return load(fsys, nil) }

// load is Load, with the departments from cache when it is not nil.
func load(fsys fs.FS, cache *Cache) (*Content, error) {
	l := &loader{fsys: fsys, c: &Content{locs: map[any]Loc{}}, cache: cache}
	var site *loader
	if cache != nil {
		site = cache.siteFiles(fsys)
	} else {
		site = &loader{fsys: fsys, c: &Content{locs: map[any]Loc{}}}
		site.siteFiles()
	}
	l.c.Site, l.c.UI, l.c.Glossary, l.c.Registry = site.c.Site, site.c.UI, site.c.Glossary, site.c.Registry
	l.merge(site)

	dirs, err := fs.ReadDir(fsys, "departments")
	if !l.noLink("departments") {
		dirs = nil
	} else if err != nil {
		l.errs.Add(Pos{File: "departments"}, "cannot read the departments folder: %v; each department's list lives in departments/<slug>/", err)
	}
	l.departments(dirs)
	if err := l.errs.Err(); err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	return l.c, nil
}

// merge adds what sub loaded beside l: its positions, problems and date.
func (l *loader) merge(sub *loader) {
	maps.Copy(l.c.locs, sub.c.locs)
	l.errs.errs = append(l.errs.errs, sub.errs.errs...)
	if sub.c.Modified.After(l.c.Modified) {
		l.c.Modified = sub.c.Modified
	}
}

// siteFiles loads the files of the whole site: site.toml, i18n.toml,
// registry/, glossary.toml.
func (l *loader) siteFiles() {
	c := l.c
	c.Site = &Site{}
	if l.file("site.toml", c.Site) {
		l.image("badge.image", c.Site.Badge.Image, &c.Site.Badge.Picture)
		l.image("police_icon", c.Site.PoliceIcon.Path, &c.Site.PoliceIcon.Picture)
	}
	ui := &struct {
		UI map[string]Text `toml:"ui"`
	}{}
	l.file("i18n.toml", ui)
	c.UI = ui.UI
	c.Glossary = &Glossary{}
	c.Registry = &Registry{}
	for _, name := range tomlFiles(l, "registry") {
		var part Registry
		if !l.file("registry/"+name, &part) {
			continue
		}
		c.Registry.Kinds = append(c.Registry.Kinds, part.Kinds...)
		c.Registry.Instruments = append(c.Registry.Instruments, part.Instruments...)
		c.Registry.Bodies = append(c.Registry.Bodies, part.Bodies...)
		c.Registry.Regimes = append(c.Registry.Regimes, part.Regimes...)
		elements(l, "kind", part.Kinds)
		elements(l, "instrument", part.Instruments)
		elements(l, "body", part.Bodies)
		elements(l, "regime", part.Regimes)
	}
	if l.file("glossary.toml", c.Glossary) {
		elements(l, "term", c.Glossary.Terms)
	}
}

type loader struct {
	fsys fs.FS
	c    *Content
	errs ErrorList
	last *Source
	// cache, if not nil, holds the departments of the last load.
	cache *Cache
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// reservedSlugs are the first path segments of the pages every site has
// (see the URL scheme in the package documentation).
var reservedSlugs = map[string]bool{"laws": true, "bodies": true, "regimes": true, "glossary": true, "sitemap": true, "search": true}

// departments loads the department folders concurrently, one worker per
// core, each into a loader of its own, and merges them in folder order:
// the departments, their positions and their problems are as a serial
// load would give them.
func (l *loader) departments(dirs []fs.DirEntry) {
	subs := make([]*loader, len(dirs))
	cached := make([]*deptLoad, len(dirs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				sub := &loader{fsys: l.fsys, c: &Content{locs: map[any]Loc{}}}
				switch d := dirs[i]; {
				case d.Type()&fs.ModeSymlink != 0:
					sub.refuseLink("departments/" + d.Name())
				case d.IsDir() && l.cache != nil:
					sub, cached[i] = l.cache.department(l.fsys, d.Name())
				case d.IsDir():
					sub.department(d.Name())
				}
				subs[i] = sub
			}
		})
	}
	for i := range dirs {
		next <- i
	}
	close(next)
	wg.Wait()
	l.keep(dirs, cached)
	for _, sub := range subs {
		l.c.Departments = append(l.c.Departments, sub.c.Departments...)
		l.merge(sub)
	}
}

// keep leaves the departments loaded in the cache for the next load.
func (l *loader) keep(dirs []fs.DirEntry, cached []*deptLoad) {
	if l.cache == nil {
		return
	}
	loaded := map[string]*deptLoad{}
	for i, d := range cached {
		if d != nil {
			loaded[dirs[i].Name()] = d
		}
	}
	l.cache.keep(loaded)
}

func (l *loader) department(slug string) {
	dir := "departments/" + slug
	if !slugRE.MatchString(slug) {
		l.errs.Add(Pos{File: dir}, "department folder %q is not a valid slug: use lower-case letters, digits and hyphens (it becomes part of every URL)", slug)
		return
	}
	if reservedSlugs[slug] {
		l.errs.Add(Pos{File: dir}, "department folder %q would share its URLs with the site's own /%s/ pages: rename the folder", slug, slug)
		return
	}
	d := &Department{Slug: slug}
	if !l.file(dir+"/department.toml", d) {
		return
	}
	d.Duties = loadDir[Duty](l, dir+"/duties")
	d.Boundaries = loadDir[Boundary](l, dir+"/boundaries")
	d.Systems = loadDir[System](l, dir+"/systems")
	for _, s := range d.Systems {
		nested(l, s, "section", s.Sections)
	}
	var sv Services
	if l.file(dir+"/services.toml", &sv) {
		d.Services = sv.Services
		elements(l, "service", sv.Services)
	}
	d.Accountability = &Accountability{}
	if l.file(dir+"/accountability.toml", d.Accountability) {
		elements(l, "body", d.Accountability.Bodies)
		elements(l, "mechanism", d.Accountability.Mechanisms)
	}
	l.c.Departments = append(l.c.Departments, d)
}

// loadDir decodes every .toml file in dir as one record of type T, in the
// numeric order of the file names (1.toml, 2.toml, …, 10.toml).
func loadDir[T any](l *loader, dir string) []*T {
	var out []*T
	for _, n := range tomlFiles(l, dir) {
		rec := new(T)
		if l.file(dir+"/"+n, rec) {
			out = append(out, rec)
		}
	}
	return out
}

// tomlFiles lists the .toml files in dir in numeric order.
func tomlFiles(l *loader, dir string) []string {
	if !l.noLink(dir) {
		return nil
	}
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		l.errs.Add(Pos{File: dir}, "cannot read the folder: %v", err)
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			l.refuseLink(path.Join(dir, e.Name()))
		} else if !e.IsDir() && strings.HasSuffix(e.Name(), ".toml") {
			names = append(names, e.Name())
		}
	}
	slices.SortFunc(names, compareNumeric)
	return names
}

// elements records the location of each element of an array of tables in
// the file last decoded.
func elements[T any](l *loader, key string, recs []*T) {
	for i, r := range recs {
		l.c.locs[r] = Loc{l.last, fmt.Sprintf("%s[%d]", key, i)}
	}
}

// nested records the location of each element of an array of tables
// inside the record parent.
func nested[T any](l *loader, parent any, key string, recs []*T) {
	pl := l.c.locs[parent]
	for i, r := range recs {
		l.c.locs[r] = Loc{pl.src, JoinPath(pl.path, fmt.Sprintf("%s[%d]", key, i))}
	}
}

// compareNumeric orders file names by their leading number, then by name.
func compareNumeric(a, b string) int {
	na, ea := strconv.Atoi(strings.TrimSuffix(a, ".toml"))
	nb, eb := strconv.Atoi(strings.TrimSuffix(b, ".toml"))
	switch {
	case ea == nil && eb == nil && na != nb:
		if na < nb {
			return -1
		}
		return 1
	case ea == nil && eb != nil:
		return -1
	case ea != nil && eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// file decodes one TOML file into v strictly, recording its key positions.
// It reports whether the file decoded cleanly.
func (l *loader) file(name string, v any) bool {
	b, ok := l.read(name)
	if ok {
		b, ok = l.text(name, b)
	}
	if !ok {
		return false
	}
	md, err := toml.Decode(string(b), v)
	var pe toml.ParseError
	if errors.As(err, &pe) { // malformed: the parser's offset is all there is
		src := &Source{File: name, text: b, lines: lineStarts(b)}
		p, off := src.at(pe.Position.Start), pe.Position.Start
		if pe.Position.Start <= 0 && pe.Position.Line > 0 {
			p, off = Pos{File: name, Line: pe.Position.Line, Col: 1}, -1
		}
		l.errs.Add(p, "%s", malformed(b, pe, off))
		return false
	}
	src := scanSource(name, b)
	l.last = src
	if err != nil {
		l.typeError(src, err, v)
		return false
	}
	ok = l.escapes(src)
	oneNewline(reflect.ValueOf(v))
	if len(md.Keys()) == 0 {
		l.errs.Add(Pos{File: name, Line: 1, Col: 1}, "the file is empty: write its records (see the package documentation for its format), or delete the file")
		return false
	}
	undecoded := md.Undecoded()
	for i, k := range undecoded {
		if i == 4*maxReports {
			l.errs.Add(src.findKey(k.String()), "and %d more unknown keys from here on: correct the ones above first", len(undecoded)-i)
			ok = false
			break
		}
		msg := fmt.Sprintf("unknown key %q: remove it or correct its spelling", clip(k.String()))
		if r, ok := replacedKeys[name+":"+k.String()]; ok {
			msg = r
		} else if keys := knownKeys(reflect.TypeOf(v), k[:len(k)-1]); keys != "" {
			msg += "; this table takes " + keys
		}
		l.errs.Add(src.findKey(k.String()), "%s", msg)
		ok = false
	}
	l.c.locs[v] = Loc{src: src}
	l.c.locs[name] = Loc{src: src}
	return ok
}

// replacedKeys says what took the place of a key an earlier version of
// the format had, by file:key.
var replacedKeys = map[string]string{
	"site.toml:base_path": `base_path is replaced by base_url, the site's full public address: write base_url = "https://www.example.gov.cn/qingdan/" (or, while the host is not known, base_url = "/qingdan/", or leave it out) and remove base_path`,
}

// knownKeys lists the keys the table at path (without array indexes) takes
// in a record of type t, or "" if path leads nowhere.
func knownKeys(t reflect.Type, path []string) string {
	for _, p := range append(slices.Clone(path), "") { // never into the caller's array
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return ""
		}
		if p == "" {
			break
		}
		f, ok := fieldByKey(t, p)
		if !ok {
			return ""
		}
		t = f.Type
	}
	var keys []string
	for i := range t.NumField() {
		if k := tomlKey(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if tomlKey(t.Field(i)) == key {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func tomlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if k == "-" || !f.IsExported() {
		return ""
	}
	if k == "" {
		return strings.ToLower(f.Name)
	}
	return k
}
