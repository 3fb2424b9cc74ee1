package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
)

// The frame every page repeats (header, menu, footer) is mostly the same
// for every page of a language at a depth, and executing it again on each
// page was much of the rendering time. A layout marks such a part with
// {{.Shared "NAME"}}: the defined template NAME, executed with a Frame, is
// rendered once per template set, language and place in the site, and
// reused as HTML. A Frame offers only what cannot differ between those
// pages, so a shared part that asks for more fails to render, by name,
// instead of showing another page's text.

// frames caches shared parts for one render (a build, or the pages an
// edit re-renders).
type frames struct{ m sync.Map }

// frameKey is what a shared part's bytes depend on: the template set, the
// part, the language and where links start from (relURL compares at most
// sharedDirs leading folders of the page's folder, and counts the rest).
type frameKey struct {
	set      *template.Template
	name     string
	lang     Lang
	anyDepth bool
	depth    int
	dirs     string
}

// sharedDirs is how many folders of a target a shared part's link may
// have; a link with more makes the part uncacheable for that page.
const sharedDirs = 2

// Frame is what a shared part of the layout sees.
type Frame struct {
	v     *View
	Lang  Lang
	local bool // a link depended on more than frameKey holds
}

// Shared renders the defined template name with a Frame, or reuses it.
func (v *View) Shared(name string) (template.HTML, error) {
	k := v.frameKey(name)
	if v.frames != nil {
		if h, ok := v.frames.m.Load(k); ok {
			return h.(template.HTML), nil
		}
	}
	var b bytes.Buffer
	f := &Frame{v: v, Lang: v.Lang}
	if err := v.set.ExecuteTemplate(&b, name, f); err != nil {
		return "", fmt.Errorf("shared part %q: %w", name, err)
	}
	h := template.HTML(b.String())
	if v.frames != nil && !f.local {
		v.frames.m.Store(k, h)
	}
	return h, nil
}

func (v *View) frameKey(name string) frameKey {
	dir := v.URL
	if !strings.HasSuffix(dir, "/") {
		dir = dir[:strings.LastIndexByte(dir, '/')+1]
	}
	segs := strings.Split(strings.Trim(dir, "/"), "/")
	if dir == "/" {
		segs = nil
	}
	k := frameKey{set: v.set, name: name, lang: v.Lang, anyDepth: v.AnyDepth, depth: len(segs)}
	k.dirs = strings.Join(segs[:min(len(segs), sharedDirs)], "/")
	return k
}

// Rel is View.Rel, for targets in at most sharedDirs folders.
func (f *Frame) Rel(target string) string {
	t, _, _ := strings.Cut(target, "#")
	if strings.Count(strings.TrimPrefix(t, "/"), "/") > sharedDirs {
		f.local = true
	}
	return f.v.Rel(target)
}

// Path is View.Path.
func (f *Frame) Path(rest string) string { return f.Rel("/" + string(f.Lang) + "/" + rest) }

// UI, UIIn, UIOther, OtherLang, Plain, Site, RootPath, ICPRegister,
// PoliceRegister and BadgeSrc are the View's.
func (f *Frame) UI(key string) (string, error)      { return f.v.UI(key) }
func (f *Frame) UIIn(key, l string) (string, error) { return f.v.UIIn(key, l) }
func (f *Frame) UIOther(key string) (string, error) { return f.v.UIOther(key) }
func (f *Frame) OtherLang() string                  { return f.v.OtherLang() }
func (f *Frame) Plain(t Text) any                   { return f.v.Plain(t) }
func (f *Frame) Site() *Site                        { return f.v.Site() }
func (f *Frame) RootPath(p string) string           { return f.v.RootPath(p) }
func (f *Frame) ICPRegister() string                { return icpRegister }
func (f *Frame) PoliceRegister() string             { return f.v.PoliceRegister() }
func (f *Frame) BadgeSrc() string                   { return f.Rel("/" + f.Site().Badge.File()) }
func (f *Frame) PoliceIconSrc() string              { return f.Rel("/" + f.Site().PoliceIcon.File()) }

// Asset is View.Asset: an asset's published (fingerprinted) name, relative
// to the page.
func (f *Frame) Asset(name string) (string, error) {
	p, err := f.v.AssetPath(name)
	if err != nil {
		return "", err
	}
	return f.Rel("/" + p), nil
}
