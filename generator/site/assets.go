package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"qingdan/generator/search"
)

// Assets are layouts/assets/, as the site serves them. A stylesheet or a
// script is published under a name holding the hash of its final
// (minified) bytes, assets/site.3f2a9c1b0d.css, so that a host may cache
// it for a year: a changed file is a new name, and the pages that use it
// change with it. Other assets keep their names. Templates name an asset
// by its file name in layouts/assets/ ({{.Asset "site.css"}}, the URL
// relative to the page), and a script learns the names of the files it
// loads from data- attributes (search.js: data-parts on its script
// element), never from a name written in it.
type Assets struct {
	files map[string][]byte // published path → bytes
	names map[string]string // layouts/assets/ name → published path
}

// hashed says which assets get content-hashed names.
func hashed(name string) bool {
	return strings.HasSuffix(name, ".css") || strings.HasSuffix(name, ".js")
}

// loadAssets reads layouts/assets/, minified if min, and names each file.
func loadAssets(layouts fs.FS, min bool) (*Assets, error) {
	raw := map[string][]byte{}
	err := fs.WalkDir(layouts, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "assets" {
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
		raw[strings.TrimPrefix(p, "assets/")] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load layouts/assets: %w", err)
	}
	if min {
		if err := minifyAll(raw); err != nil {
			return nil, err
		}
	}
	a := &Assets{files: map[string][]byte{}, names: map[string]string{}}
	for _, n := range slices.Sorted(maps.Keys(raw)) {
		p := "assets/" + n
		if hashed(n) {
			ext := path.Ext(n)
			p = "assets/" + strings.TrimSuffix(n, ext) + "." + search.ContentHash(raw[n]) + ext
		}
		a.names[n] = p
		a.files[p] = raw[n]
	}
	return a, nil
}

// Path is the published path of the asset named name in layouts/assets/
// ("site.css" → "assets/site.3f2a9c1b0d.css"), or an error naming it.
func (a *Assets) Path(name string) (string, error) {
	p, ok := a.names[name]
	if !ok {
		return "", fmt.Errorf("no asset %q in layouts/assets/", name)
	}
	return p, nil
}

// Asset is the URL, relative to the page, of the asset named name in
// layouts/assets/ (see Assets).
func (v *View) Asset(name string) (string, error) {
	p, err := v.m.assets.Path(name)
	if err != nil {
		return "", err
	}
	return v.Rel("/" + p), nil
}

// AssetPath is the published path of an asset from the site's root
// ("assets/site.3f2a9c1b0d.css"), for the pages served at any depth.
func (v *View) AssetPath(name string) (string, error) { return v.m.assets.Path(name) }
