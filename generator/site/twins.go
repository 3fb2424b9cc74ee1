package site

import (
	"bytes"
	"io"
	"path"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// The write stage writes beside every text file (Compressible) its gzip
// and Brotli twins, name.gz and name.br, for hosts that send a file
// pre-compressed when the browser accepts it (nginx's gzip_static and
// brotli_static): same bytes when decompressed, and the same bytes on
// every build (no name or time in the gzip header).

// compressible lists the extensions of the text files that get twins.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".xml": true,
	".svg": true, ".txt": true, ".csv": true,
}

// Compressible says whether the file at name gets .gz and .br twins.
func Compressible(name string) bool {
	return compressible[strings.ToLower(path.Ext(name))]
}

// Brotli qualities: the best (11) for assets/ (the style sheet and
// scripts: small, on every page, cached for a year), and 5 for the rest,
// the search bundle included. Brotli 11 takes some 15 to 40 times as long
// as 5 (half a second a megabyte, on one core) for files about 14%
// smaller (this site's search bundle: 42.8 KB at 11, 48.9 KB at 5, 235 KB
// raw); on the search bundle of a hundred lists that was most of the
// build's CPU, and at a thousand over half of it. 5 still beats gzip's
// best by some 15%.
const (
	brotliBest  = brotli.BestCompression
	brotliPages = 5
)

func brotliQuality(name string) int {
	for _, r := range brotliRules {
		if strings.HasPrefix(name, r.prefix) {
			return r.quality
		}
	}
	return brotliPages
}

// brotliRules give the Brotli quality of a file by the start of its name,
// the first that matches; the rest take brotliPages. They are part of the
// stamp that says whether an earlier build's twins may be reused
// (reuse.go).
var brotliRules = []brotliRule{{"assets/", brotliBest}}

type brotliRule struct {
	prefix  string
	quality int
}

// The gzip twins are made by github.com/klauspost/compress at level 6:
// on this site's pages and search parts it is 2 to 3 times as fast as the
// standard library's best (level 9) for files about 1% larger, and half
// again as fast as the standard library at 6. gzip is the fallback for
// browsers without Brotli; the .br twin is the one most readers get.
const gzipLevel = 6

// The compressors are reused (Reset), one pool for gzip and one for each
// Brotli quality: a new Brotli writer at quality 11 allocates and clears
// a 32 MB match tree, and a gzip writer some hundreds of KB, which for a
// site of small files cost more than the compressing. A writer once
// Reset writes the bytes a new one writes (TestReusedTwins).
var (
	gzips   = sync.Pool{New: func() any { w, _ := gzip.NewWriterLevel(nil, gzipLevel); return w }}
	brotlis = map[int]*sync.Pool{brotliBest: brotliPool(brotliBest), brotliPages: brotliPool(brotliPages)}
)

func brotliPool(q int) *sync.Pool {
	return &sync.Pool{New: func() any { return newBrotli(q) }}
}

// assetWindow is the Brotli window (log2 bytes) at quality 11: 256 KB,
// over ten times the largest asset. The default (4 MB) has each new
// quality-11 writer allocate and clear a 32 MB match tree, 2 MB at this
// size; the compressed bytes differ only in the window named in their
// header for files smaller than the window.
const assetWindow = 18

// newBrotli is a new Brotli writer at quality q.
func newBrotli(q int) *brotli.Writer {
	o := brotli.WriterOptions{Quality: q}
	if q == brotliBest {
		o.LGWin = assetWindow
	}
	return brotli.NewWriterOptions(nil, o)
}

// A compressor is a gzip or Brotli writer, reused through Reset.
type compressor interface {
	io.WriteCloser
	Reset(w io.Writer)
}

// compress is b compressed by a writer of pool, which it returns there.
// The buffer starts at a third of b, more than a page or search part
// takes compressed (a fifth to a quarter), so it is not grown and copied
// on the way.
func compress(pool *sync.Pool, b []byte) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, len(b)/3+64))
	w := pool.Get().(compressor)
	defer pool.Put(w)
	w.Reset(buf)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gzipTwin is b compressed with gzip at gzipLevel, with an empty header
// (no name, no time).
func gzipTwin(b []byte) ([]byte, error) { return compress(&gzips, b) }

// brotliTwin is b compressed with Brotli at quality q, one of brotliBest
// and brotliPages.
func brotliTwin(b []byte, q int) ([]byte, error) { return compress(brotlis[q], b) }

// twins returns the .gz and .br twins of the file name holding b.
func twins(name string, b []byte) (map[string][]byte, error) {
	gz, err := gzipTwin(b)
	if err != nil {
		return nil, err
	}
	br, err := brotliTwin(b, brotliQuality(name))
	if err != nil {
		return nil, err
	}
	return map[string][]byte{name + ".gz": gz, name + ".br": br}, nil
}
