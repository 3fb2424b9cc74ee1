package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// meter counts what a server sent: requests and body bytes by path.
type meter struct {
	mu    sync.Mutex
	reqs  []string
	bytes []int
}

func (m *meter) reset() {
	m.mu.Lock()
	m.reqs, m.bytes = nil, nil
	m.mu.Unlock()
}

func (m *meter) add(p string, n int) {
	m.mu.Lock()
	m.reqs = append(m.reqs, p)
	m.bytes = append(m.bytes, n)
	m.mu.Unlock()
}

// sum adds up the requests for paths with one of the prefixes.
func (m *meter) sum(prefixes []string) (requests, bytes int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, p := range m.reqs {
		if slices.ContainsFunc(prefixes, func(pre string) bool { return strings.HasPrefix(p, pre) }) {
			requests++
			bytes += m.bytes[i]
		}
	}
	return requests, bytes
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// metered counts the body bytes h sends for each request, headers aside
// (they are about the same for every request of either engine).
func metered(m *meter, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		m.add(r.URL.Path, cw.n)
	})
}

// gzipFiles serves dir as a static host would: text compressed with gzip
// for clients that accept it, unless it already is.
func gzipFiles(dir string) http.Handler {
	var mu sync.Mutex
	cache := map[string][]byte{}
	text := map[string]bool{".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".svg": true, ".txt": true, ".xml": true, ".wasm": true}
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		f := filepath.Join(dir, filepath.FromSlash(p))
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				files.ServeHTTP(w, r)
				return
			}
			f = filepath.Join(f, "index.html")
		}
		ext := filepath.Ext(f)
		if !text[ext] || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		z, ok := cache[f]
		mu.Unlock()
		if !ok {
			b, err := os.ReadFile(f)
			if err != nil {
				files.ServeHTTP(w, r)
				return
			}
			if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) { // already gzip
				files.ServeHTTP(w, r)
				return
			}
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
			zw.Write(b)
			zw.Close()
			z = buf.Bytes()
			mu.Lock()
			cache[f] = z
			mu.Unlock()
		}
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
		io.Copy(w, bytes.NewReader(z))
	})
}
