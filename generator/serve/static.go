package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"time"

	"qingdan/generator/site"
)

// A Source finds a file of a built site by its slash path under the
// site's root ("zh/index.html"). A folder, or anything that is not a
// regular file inside the site, is fs.ErrNotExist.
type Source interface {
	File(name string) ([]byte, error)
}

// Files is a site in memory (site.Output's files) as a Source.
type Files map[string][]byte

// File implements Source.
func (f Files) File(name string) ([]byte, error) {
	if b, ok := f[name]; ok {
		return b, nil
	}
	return nil, fs.ErrNotExist
}

// Dir is a built site's folder as a Source, opened with os.OpenRoot, so
// that no name, and no symbolic link inside it, reaches outside it.
type Dir struct{ root *os.Root }

// OpenDir opens a folder that holds a built site: its index.html and the
// marker a Qingdan build writes (site.Marker). Anything else is refused.
func OpenDir(dir string) (*Dir, error) {
	for _, f := range []string{"index.html", site.Marker} {
		if fi, err := os.Stat(dir + "/" + f); err != nil || !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("serve %s: no built site there (no %s): build it first with qingdan build -out %s", dir, f, dir)
		}
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", dir, err)
	}
	return &Dir{root: r}, nil
}

// File implements Source: a regular file inside the folder, links followed
// only while they stay inside it.
func (d *Dir) File(name string) ([]byte, error) {
	if name == site.Marker || !fs.ValidPath(name) {
		return nil, fs.ErrNotExist
	}
	f, err := d.root.Open(name)
	if err != nil {
		return nil, fs.ErrNotExist
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(f)
}

// types are the media types of the site's files, by extension.
var types = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".svg":   "image/svg+xml",
	".xml":   "application/xml",
	".txt":   "text/plain; charset=utf-8",
	".csv":   "text/csv; charset=utf-8",
	".xlsx":  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
}

// ContentType is the media type of a file of the site by its name.
func ContentType(name string) string {
	if t, ok := types[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// Static serves a Source carefully: GET and HEAD only, a folder only by its
// index.html (never a listing), 404.html with status 404 for anything
// missing. html, if not nil, may change an HTML page before it is sent.
type Static struct {
	Src  func() Source
	HTML func(name string, page []byte) []byte
}

func (s *Static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed: this site only answers GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	src := s.Src()
	p := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(r.URL.Path, "/") && name != "" {
		name += "/"
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	} else if _, err := src.File(name); errors.Is(err, fs.ErrNotExist) {
		if _, err := src.File(name + "/index.html"); err == nil { // a folder: its URL ends in /
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	b, err := src.File(name)
	status := http.StatusOK
	if err != nil {
		status, name = http.StatusNotFound, "404.html"
		if b, err = src.File(name); err != nil {
			b = []byte("404 page not found\n")
			name = "404.txt"
		}
	}
	s.send(w, r, status, name, b)
}

func (s *Static) send(w http.ResponseWriter, r *http.Request, status int, name string, b []byte) {
	if s.HTML != nil && strings.HasSuffix(name, ".html") {
		b = s.HTML(name, b)
	}
	h := w.Header()
	h.Set("Content-Type", ContentType(name))
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		io.Copy(w, bytes.NewReader(b))
	}
}

// Timeouts of the server: a client gets this long for its request's
// header, for the whole request, for a response, and between requests on
// one connection.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 10 * time.Second
	WriteTimeout      = 30 * time.Second
	IdleTimeout       = 60 * time.Second
)

// NewServer is an http.Server of h on addr with every timeout set and small
// headers.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    32 << 10,
	}
}
