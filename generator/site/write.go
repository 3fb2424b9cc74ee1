package site

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

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

// minifyAll minifies, in place, every file of files that minifyFile does.
func minifyAll(files map[string][]byte) error {
	for _, n := range slices.Sorted(maps.Keys(files)) {
		b, err := minifyFile(n, files[n])
		if err != nil {
			return err
		}
		files[n] = b
	}
	return nil
}

// minifyFile is the file name holding b minified if it is HTML, CSS,
// JavaScript or JSON, and b as it is otherwise.
func minifyFile(name string, b []byte) ([]byte, error) {
	var mt string
	switch {
	case strings.HasSuffix(name, ".html"):
		mt = "text/html"
	case strings.HasSuffix(name, ".css"):
		mt = "text/css"
	case strings.HasSuffix(name, ".js"):
		mt = "application/javascript"
	case strings.HasSuffix(name, ".json"):
		mt = "application/json"
	default:
		return b, nil
	}
	// A Buffer, having Bytes, is read in place; the output is at most the
	// input's size.
	out := bytes.NewBuffer(make([]byte, 0, len(b)))
	if err := minifier.Minify(mt, out, bytes.NewBuffer(b)); err != nil {
		return nil, fmt.Errorf("render %s: minify: %w", name, err)
	}
	return out.Bytes(), nil
}

// Write is the write stage of a site built in memory: it writes the site
// into a fresh folder beside dir and only then puts it in place of dir
// (see outdir.go for which folders it writes into and how the swap stays
// atomic). The folders in keep (the content and layouts folders) may be
// neither dir nor inside it. Beside every text file it writes its .gz and
// .br twins (twins.go), in parallel, and it dates every file and folder
// with out.Date, so that an unchanged file keeps its date (and the ETag a
// host makes of it). If anything fails, dir is left exactly as it was.
// Publish does the same while the site is built.
func Write(out *Output, dir string, keep ...string) error {
	_, err := write(out, dir, keep)
	return err
}

// write is Write; it also says of how many files it took the twins from
// the earlier build (reuse.go).
func write(out *Output, dir string, keep []string) (reused int, err error) {
	f, err := openFolder(dir, keep, out.Date)
	if err != nil {
		return 0, err
	}
	if err := putAll(f, out.Files); err != nil {
		return 0, f.fail(err)
	}
	return int(f.reused.Load()), f.commit()
}

// withTwins is the file name holding b and, if it is text, its twins.
func withTwins(name string, b []byte) (map[string][]byte, error) {
	all := map[string][]byte{name: b}
	if Compressible(name) {
		tw, err := twins(name, b)
		if err != nil {
			return nil, fmt.Errorf("compress %s: %w", name, err)
		}
		maps.Copy(all, tw)
	}
	return all, nil
}

// writeAll writes the files under dir, dated date (unless it is zero).
func writeAll(dir string, files map[string][]byte, date time.Time) error {
	for n, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := createFile(p, b); err != nil {
			return err
		}
		if date.IsZero() {
			continue
		}
		if err := os.Chtimes(p, date, date); err != nil {
			return err
		}
	}
	return nil
}

// parallel calls f(0) … f(n-1) on as many goroutines as there are
// processors, and returns when all have returned.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
