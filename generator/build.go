package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
)

// Output is a built site: file contents by slash-separated path.
type Output struct {
	Files map[string][]byte
}

// Names lists the output files in order.
func (o *Output) Names() []string {
	names := make([]string, 0, len(o.Files))
	for n := range o.Files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Option configures a build.
type Option func(*options)

type options struct {
	minify bool
}

// WithoutMinify leaves HTML, CSS and JS as the templates wrote them
// (useful when reading output in tests).
func WithoutMinify() Option { return func(o *options) { o.minify = false } }

// Build runs the load, check and render stages on a content tree and a
// layouts tree and returns the whole site in memory. Nothing is written.
func Build(content, layouts fs.FS, opts ...Option) (*Output, error) {
	o := options{minify: true}
	for _, f := range opts {
		f(&o)
	}
	c, err := Load(content)
	if err != nil {
		return nil, err
	}
	ix, err := Check(c)
	if err != nil {
		return nil, err
	}
	m := newSiteModel(ix)
	pages, err := m.pages()
	if err != nil {
		return nil, fmt.Errorf("check: %w", err)
	}
	t, err := LoadTemplates(layouts)
	if err != nil {
		return nil, err
	}
	files, err := m.render(t, pages)
	if err != nil {
		return nil, err
	}
	if err := addAssets(layouts, files); err != nil {
		return nil, err
	}
	if bundle, err := m.searchBundle(pages); err != nil {
		return nil, fmt.Errorf("render search bundle: %w", err)
	} else {
		for n, b := range bundle {
			files[n] = b
		}
	}
	if o.minify {
		if err := minifyAll(files); err != nil {
			return nil, err
		}
	}
	return &Output{Files: files}, nil
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

var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	return m
}()

func minifyAll(files map[string][]byte) error {
	for _, n := range slices.Sorted(mapKeys(files)) {
		var mt string
		switch {
		case strings.HasSuffix(n, ".html"):
			mt = "text/html"
		case strings.HasSuffix(n, ".css"):
			mt = "text/css"
		case strings.HasSuffix(n, ".js"):
			mt = "application/javascript"
		case strings.HasSuffix(n, ".json"):
			mt = "application/json"
		default:
			continue
		}
		var b bytes.Buffer
		if err := minifier.Minify(mt, &b, bytes.NewReader(files[n])); err != nil {
			return fmt.Errorf("write %s: minify: %w", n, err)
		}
		files[n] = b.Bytes()
	}
	return nil
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Write is the write stage: it writes the site into a fresh folder beside
// dir and only then puts it in place of dir. If anything fails, dir is left
// exactly as it was.
func Write(out *Output, dir string) error {
	dir = filepath.Clean(dir)
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".build-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	fail := func(err error) error {
		os.RemoveAll(tmp)
		return fmt.Errorf("write: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fail(err)
	}
	for _, n := range out.Names() {
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(p, out.Files[n], 0o644); err != nil {
			return fail(err)
		}
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fail(err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fail(err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
