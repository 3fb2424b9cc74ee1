package content

// This file holds the load stage's cache, for loading the same tree again
// and again as it is edited (the preview).

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
)

// A Cache loads a content tree again and again, re-reading every file but
// decoding again only the departments whose folder changed: a department
// whose files, folders and their listings are byte for byte as at the last
// Load keeps the records, positions and problems that load made of it.
// Its Load gives what Load gives, errors and positions included. The site
// files (site.toml, i18n.toml, registry/, glossary.toml) are kept the same
// way, as one. A Cache is safe for one Load at a time; its records are shared
// between the Contents it returns, which must not change them.
type Cache struct {
	mu    sync.Mutex
	depts map[string]*deptLoad // by folder name
	site  *deptLoad            // the files of the whole site (loader.siteFiles)
	// changed are the paths told changed since the last Load (Changed),
	// cleaned once there rather than at each department; told is whether
	// Changed was called since, unknown whether it was told it does not
	// know.
	changed       []string
	told, unknown bool
}

// deptLoad is what loading one department's folder asked of the file
// system and made of the answers.
type deptLoad struct {
	asked []fsAnswer
	sub   *loader
}

// An fsAnswer is one question a load asked of the file system and its
// answer: the bytes of a file read whole, a file's kind and size, a
// folder's listing, or the error.
type fsAnswer struct {
	op     byte // 'l' Lstat, 'r' ReadDir, 'o' Open and read
	name   string
	answer []byte
}

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{depts: map[string]*deptLoad{}} }

// Changed tells the next Load which paths (slash-separated, relative to
// the content folder: a file or a folder) changed since the last Load, as
// a watcher of the folder saw them: a department whose folder holds none
// of them is then taken as it was without reading it again. The paths of
// several calls before a Load add up. Without a call, or after a
// Changed(nil) (a watcher that may have missed changes), every
// department's files are read again and compared.
func (c *Cache) Changed(paths []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.told = true
	c.unknown = c.unknown || paths == nil
	for _, p := range paths {
		c.changed = append(c.changed, path.Clean(p))
	}
}

// Load is the package's Load, reusing what the last Load made of the
// departments that did not change.
func (c *Cache) Load(fsys fs.FS) (*Content, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	defer func() { c.changed, c.told, c.unknown = nil, false, false }()
	return load(fsys, c)
}

// department loads the department in folder name, from the cache when
// the file system answers as it did (or, told what changed, when nothing
// in its folder did).
func (c *Cache) department(fsys fs.FS, name string) (*loader, *deptLoad) {
	if d := c.depts[name]; d != nil && (c.untouched(name) || d.same(fsys)) {
		return d.sub, d
	}
	rec := &recorder{inner: fsys}
	sub := &loader{fsys: rec, c: &Content{locs: map[any]Loc{}}}
	sub.department(name)
	sub.fsys, sub.last = nil, nil // hold no file system or source beyond the load
	return sub, &deptLoad{asked: rec.asked, sub: sub}
}

// untouched reports whether the changes told (Changed) are known and
// leave the department folder name alone: none is in it, it, or a folder
// above it.
func (c *Cache) untouched(name string) bool {
	if !c.told || c.unknown {
		return false
	}
	dir := "departments/" + name
	for _, p := range c.changed {
		if p == "." || p == "departments" || p == dir || strings.HasPrefix(p, dir+"/") {
			return false
		}
	}
	return true
}

// siteFiles loads the files of the whole site (site.toml, i18n.toml,
// registry/, glossary.toml and what they name), from the cache when the
// file system answers as it did or, told what changed, when all of it is
// under departments/.
func (c *Cache) siteFiles(fsys fs.FS) *loader {
	if c.site != nil && (c.sitesAlone() || c.site.same(fsys)) {
		return c.site.sub
	}
	rec := &recorder{inner: fsys}
	sub := &loader{fsys: rec, c: &Content{locs: map[any]Loc{}}}
	sub.siteFiles()
	sub.fsys, sub.last = nil, nil
	c.site = &deptLoad{asked: rec.asked, sub: sub}
	return sub
}

// sitesAlone reports whether the changes told (Changed) are known and
// all in the departments' folders.
func (c *Cache) sitesAlone() bool {
	if !c.told || c.unknown {
		return false
	}
	for _, p := range c.changed {
		if !strings.HasPrefix(p, "departments/") {
			return false
		}
	}
	return true
}

// keep makes loaded the departments the next Load starts from.
func (c *Cache) keep(loaded map[string]*deptLoad) { c.depts = loaded }

// same reports whether fsys answers every question as it did.
func (d *deptLoad) same(fsys fs.FS) bool {
	for _, a := range d.asked {
		if !bytes.Equal(answer(fsys, a.op, a.name), a.answer) {
			return false
		}
	}
	return true
}

// answer asks fsys question op about name again, as the recorder does.
func answer(fsys fs.FS, op byte, name string) []byte {
	switch op {
	case 'l':
		fi, err := fs.Lstat(fsys, name)
		return statAnswer(fi, err)
	case 'r':
		es, err := fs.ReadDir(fsys, name)
		return dirAnswer(es, err)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return errAnswer(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	return readAnswer(b, err)
}

func errAnswer(err error) []byte {
	return fmt.Appendf(nil, "error %t %s", errors.Is(err, fs.ErrNotExist), err)
}

func statAnswer(fi fs.FileInfo, err error) []byte {
	if err != nil {
		return errAnswer(err)
	}
	return fmt.Appendf(nil, "%d %d", fi.Mode(), fi.Size())
}

func dirAnswer(es []fs.DirEntry, err error) []byte {
	var b []byte
	if err != nil {
		b = errAnswer(err)
	}
	for _, e := range es {
		b = fmt.Appendf(b, "\n%d %q", e.Type(), e.Name())
	}
	return b
}

func readAnswer(b []byte, err error) []byte {
	out := append([]byte("ok "), b...)
	if err != nil {
		out = append(errAnswer(err), b...)
	}
	return out
}

// A recorder is a file system that notes every question asked of it and
// its answer. It passes on what it does not answer itself as fs.Lstat and
// fs.ReadDir would.
type recorder struct {
	inner fs.FS
	asked []fsAnswer
}

func (r *recorder) note(op byte, name string, a []byte) {
	r.asked = append(r.asked, fsAnswer{op, name, a})
}

func (r *recorder) Lstat(name string) (fs.FileInfo, error) {
	fi, err := fs.Lstat(r.inner, name)
	r.note('l', name, statAnswer(fi, err))
	return fi, err
}

func (r *recorder) ReadLink(name string) (string, error) { return fs.ReadLink(r.inner, name) }

func (r *recorder) ReadDir(name string) ([]fs.DirEntry, error) {
	es, err := fs.ReadDir(r.inner, name)
	r.note('r', name, dirAnswer(es, err))
	return es, err
}

// Open opens a file whose bytes are noted as they are read, when it is
// closed.
func (r *recorder) Open(name string) (fs.File, error) {
	f, err := r.inner.Open(name)
	if err != nil {
		r.note('o', name, errAnswer(err))
		return nil, err
	}
	return &recordedFile{File: f, r: r, name: name}, nil
}

type recordedFile struct {
	fs.File
	r    *recorder
	name string
	read []byte
	err  error
}

func (f *recordedFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.read = append(f.read, p[:n]...)
	if err != nil && err != io.EOF && f.err == nil {
		f.err = err
	}
	return n, err
}

func (f *recordedFile) Close() error {
	f.r.note('o', f.name, readAnswer(f.read, f.err))
	return f.File.Close()
}
