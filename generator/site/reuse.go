package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// A build into the folder an earlier build wrote takes the .gz and .br
// twins of each unchanged text file from it instead of compressing the
// file again: compressing is a third of a build's work, and a publisher
// rebuilds the whole site after each edit. A twin is taken only when
//
//   - the earlier build's Marker names the same compressors (twinStamp:
//     a digest of what the writers make of a sample at this build's
//     levels and of which files take which quality, and the compressing
//     modules' versions), so that the twin is the bytes this build would
//     make of the file, and
//   - the file there has the new file's bytes, and both twins there
//     decompress to them (decompressing is four to five times as fast as
//     compressing at these levels).
//
// Anything else (no earlier build, an older Qingdan, a file changed or
// missing, a twin damaged) compresses as a first build does. The earlier
// folder is only read: its files are copied, never linked, so that a build
// that fails leaves it exactly as it was.

// twinStamp is the line the Marker carries about the twins' compressors:
// a digest of what the three writers (gzip, Brotli for pages and for
// assets) make of a sample of some 9 KB of pages' text and of which files
// take which Brotli quality (brotliRules), and, when the binary records
// them (not test binaries), the compressing modules' versions.
var twinStamp = sync.OnceValue(func() string { return stampOf(brotliRules) })

// stampOf is the stamp of twins made with Brotli rules rules.
func stampOf(rules []brotliRule) string {
	var sample bytes.Buffer
	for i := range 100 {
		fmt.Fprintf(&sample, "<li><a href=\"../d%d/#item-%d\">清单 %d responsibility list</a> 第%d项</li>\n", i%37, i*7%101, i*i, i%13)
	}
	h := sha256.New()
	for _, tw := range []func([]byte) ([]byte, error){
		gzipTwin,
		func(b []byte) ([]byte, error) { return brotliTwin(b, brotliPages) },
		func(b []byte) ([]byte, error) { return brotliTwin(b, brotliBest) },
	} {
		b, err := tw(sample.Bytes())
		if err != nil {
			return ""
		}
		h.Write(b)
	}
	fmt.Fprintf(h, "Brotli %v, else %d", rules, brotliPages)
	stamp := fmt.Sprintf("twins: sample %x", h.Sum(nil)[:12])
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Replace != nil {
				d = d.Replace
			}
			if d.Path == "github.com/klauspost/compress" || d.Path == "github.com/andybalholm/brotli" {
				stamp += ", " + d.Path + " " + d.Version
			}
		}
	}
	return stamp
}

// marker is the Marker's text: markerText and, when known, the stamp.
func marker() string {
	if s := twinStamp(); s != "" {
		return markerText + s + "\n"
	}
	return markerText
}

// earlierBuild is the output folder target if an earlier build wrote it
// with the compressors of this one, or "".
func earlierBuild(target string) string {
	b, err := os.ReadFile(filepath.Join(target, Marker))
	if err != nil || twinStamp() == "" || string(b) != marker() {
		return ""
	}
	return target
}

// earlierTwins returns the twins of the file name holding b from the
// earlier build in dir, or nil when they cannot be taken from it.
func earlierTwins(dir, name string, b []byte) map[string][]byte {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if old, err := os.ReadFile(p); err != nil || !bytes.Equal(old, b) {
		return nil
	}
	gz, err := os.ReadFile(p + ".gz")
	if err != nil || !gunzipsTo(gz, b) {
		return nil
	}
	br, err := os.ReadFile(p + ".br")
	if err != nil || !unbrotlisTo(br, b) {
		return nil
	}
	return map[string][]byte{name + ".gz": gz, name + ".br": br}
}

var (
	gunzips   = sync.Pool{New: func() any { return new(gzip.Reader) }} // ready once Reset
	unbrotlis = sync.Pool{New: func() any { return brotli.NewReader(nil) }}
)

// gunzipsTo says whether gz is a gzip stream of want, and nothing more.
func gunzipsTo(gz, want []byte) bool {
	in := bytes.NewReader(gz)
	r := gunzips.Get().(*gzip.Reader)
	defer gunzips.Put(r)
	if err := r.Reset(in); err != nil {
		return false
	}
	r.Multistream(false)
	return readsAs(r, want) && in.Len() == 0
}

// unbrotlisTo says whether br is a Brotli stream of want.
func unbrotlisTo(br, want []byte) bool {
	r := unbrotlis.Get().(*brotli.Reader)
	defer unbrotlis.Put(r)
	if err := r.Reset(bytes.NewReader(br)); err != nil {
		return false
	}
	return readsAs(r, want)
}

// readsAs says whether r reads exactly want, then ends.
func readsAs(r io.Reader, want []byte) bool {
	w := &sameAs{want: want}
	if _, err := io.Copy(w, r); err != nil {
		return false
	}
	return len(w.want) == 0
}

// sameAs is a writer that fails at the first byte that differs from want,
// or beyond it; what is left of want is what was not written yet.
type sameAs struct{ want []byte }

var errDiffers = errors.New("differs")

func (s *sameAs) Write(p []byte) (int, error) {
	if len(p) > len(s.want) || !bytes.Equal(p, s.want[:len(p)]) {
		return 0, errDiffers
	}
	s.want = s.want[len(p):]
	return len(p), nil
}
