package site

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
)

var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	return m
}()

func minifyAll(files map[string][]byte) error {
	for _, n := range slices.Sorted(maps.Keys(files)) {
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
			return fmt.Errorf("render %s: minify: %w", n, err)
		}
		files[n] = b.Bytes()
	}
	return nil
}

// Write is the write stage: it writes the site into a fresh folder beside
// dir and only then puts it in place of dir (see outdir.go for which
// folders it writes into and how the swap stays atomic). The folders in
// keep (the content and layouts folders) may be neither dir nor inside it.
// If anything fails, dir is left exactly as it was.
func Write(out *Output, dir string, keep ...string) error {
	target, err := outputFolder(dir, keep)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	removeStaleTemps(target)
	tmp, err := os.MkdirTemp(filepath.Dir(target), tempPrefix(target)+strconv.Itoa(os.Getpid())+"-")
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
	files := maps.Clone(out.Files)
	files[Marker] = []byte(markerText)
	for _, n := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(tmp, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fail(err)
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return fail(err)
		}
	}
	if err := swap(tmp, target); err != nil {
		return fail(err)
	}
	os.RemoveAll(tmp) // the old site, now in the temp folder
	return nil
}
