package site

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

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
		// A Buffer, having Bytes, is read in place; the output is at most
		// the input's size.
		b := bytes.NewBuffer(make([]byte, 0, len(files[n])))
		if err := minifier.Minify(mt, b, bytes.NewBuffer(files[n])); err != nil {
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
	if err := writeFiles(tmp, out.Files); err != nil {
		return fail(err)
	}
	if err := swap(tmp, target); err != nil {
		return fail(err)
	}
	os.RemoveAll(tmp) // the old site, now in the temp folder
	return nil
}

// writeFiles writes the files and the marker into dir, making each folder
// once (in name order a folder's files come together), on one worker per
// core; the first error, in name order, is returned.
func writeFiles(dir string, files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	made := map[string]bool{".": true}
	for _, n := range names {
		if d := path.Dir(n); !made[d] {
			if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
				return err
			}
			made[d] = true
		}
	}
	errs := make([]error, len(names))
	next := make(chan int, 256)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				errs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), files[names[i]], 0o644)
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
}
