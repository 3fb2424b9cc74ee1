package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qingdan/generator/site"
)

// builtDir writes a small built site into a temporary folder, with the
// hostile things issue 12 found: a folder without index.html, and links
// inside it to /etc/passwd and to /etc.
func builtDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":          "<!DOCTYPE html><title>root</title><p>the entry page",
		"404.html":            "<!DOCTYPE html><title>not found</title><p>the site's own 404 page",
		site.Marker:           "qingdan\n",
		"zh/index.html":       "<!DOCTYPE html><title>zh</title>",
		"assets/site.css":     "body{}",
		"assets/site.js":      "1",
		"assets/x.svg":        "<svg/>",
		"data/a.json":         "{}",
		"data/a.csv":          "a,b\n",
		"data/a.xlsx":         "PK",
		"files/a.xml":         "<a/>",
		"files/a.txt":         "a",
		"nolist/readme.txt":   "a folder without index.html",
		"nolist/sub/data.txt": "deeper",
	}
	for n, c := range files {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{"passwd": "/etc/passwd", "etc": "/etc", "zh/up": "../../", "home.html": "index.html"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func dirServer(t *testing.T) *httptest.Server {
	t.Helper()
	d, err := OpenDir(builtDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(&Static{Src: func() Source { return d }})
	t.Cleanup(srv.Close)
	return srv
}

func get(t *testing.T, method, url string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestOnlyGetAndHead: issue 12 finding 6 — POST, PUT, DELETE, TRACE and
// the rest are 405 with Allow; HEAD has the headers and no body.
func TestOnlyGetAndHead(t *testing.T) {
	t.Parallel()
	srv := dirServer(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "TRACE", "PATCH", "OPTIONS", "CONNECT"} {
		resp, _ := get(t, m, srv.URL+"/index.html")
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: %d, Allow %q; want 405 with Allow: GET, HEAD", m, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	resp, body := get(t, "HEAD", srv.URL+"/")
	if resp.StatusCode != 200 || body != "" || resp.ContentLength != int64(len("<!DOCTYPE html><title>root</title><p>the entry page")) {
		t.Errorf("HEAD /: %d, %d bytes of body, Content-Length %d", resp.StatusCode, len(body), resp.ContentLength)
	}
}

// TestNoListingsAnd404: a folder without index.html is not found (never a
// listing), a missing page is the site's 404.html with status 404, and a
// folder's URL without its slash is redirected to it.
func TestNoListingsAnd404(t *testing.T) {
	t.Parallel()
	srv := dirServer(t)
	for _, p := range []string{"/nolist/", "/nolist", "/nolist/sub/", "/assets/", "/missing", "/zh/missing/", "/.qingdan-build"} {
		resp, body := get(t, "GET", srv.URL+p)
		if resp.StatusCode != 404 || !strings.Contains(body, "the site's own 404 page") {
			t.Errorf("GET %s: %d %q; want 404 with 404.html", p, resp.StatusCode, body)
		}
		if strings.Contains(body, "readme.txt") {
			t.Errorf("GET %s lists the folder", p)
		}
	}
	resp, _ := get(t, "GET", srv.URL+"/zh")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/zh/" {
		t.Errorf("GET /zh: %d to %q; want 301 to /zh/", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := get(t, "GET", srv.URL+"/zh/"); resp.StatusCode != 200 || !strings.Contains(body, "<title>zh</title>") {
		t.Errorf("GET /zh/: %d %q", resp.StatusCode, body)
	}
}

// TestNeverOutsideRoot: links inside the folder to /etc/passwd, to /etc
// and above the root are not found; .. in a path stays at the root; a link
// that stays inside is served.
func TestNeverOutsideRoot(t *testing.T) {
	t.Parallel()
	srv := dirServer(t)
	for _, p := range []string{"/passwd", "/etc/passwd", "/etc/", "/zh/up/", "/zh/up/etc/passwd", "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"} {
		resp, body := get(t, "GET", srv.URL+p)
		if resp.StatusCode != 404 || strings.Contains(body, "root:") {
			t.Errorf("GET %s: %d, want 404 (body %.60q)", p, resp.StatusCode, body)
		}
	}
	d, _ := OpenDir(builtDir(t))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	req.URL.Path = "/../../../../etc/passwd" // as a raw client could send it
	(&Static{Src: func() Source { return d }}).ServeHTTP(rec, req)
	if rec.Code != 404 || strings.Contains(rec.Body.String(), "root:") {
		t.Errorf("raw ../ path: %d", rec.Code)
	}
	if resp, body := get(t, "GET", srv.URL+"/home.html"); resp.StatusCode != 200 || !strings.Contains(body, "entry page") {
		t.Errorf("a link inside the root: %d", resp.StatusCode)
	}
}

// TestContentTypes: each kind of file of the site with its media type.
func TestContentTypes(t *testing.T) {
	t.Parallel()
	srv := dirServer(t)
	for p, want := range map[string]string{
		"/": "text/html; charset=utf-8", "/assets/site.css": "text/css; charset=utf-8",
		"/assets/site.js": "text/javascript; charset=utf-8", "/data/a.json": "application/json",
		"/assets/x.svg": "image/svg+xml", "/files/a.xml": "application/xml", "/files/a.txt": "text/plain; charset=utf-8",
		"/data/a.csv": "text/csv; charset=utf-8", "/data/a.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"/missing": "text/html; charset=utf-8",
	} {
		resp, _ := get(t, "GET", srv.URL+p)
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", p, got, want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
}

// TestRefusesWithoutSite: no folder, an empty folder, a folder without
// the build's marker or without index.html is refused.
func TestRefusesWithoutSite(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	noMarker := filepath.Join(tmp, "nomarker")
	os.MkdirAll(noMarker, 0o755)
	os.WriteFile(filepath.Join(noMarker, "index.html"), []byte("x"), 0o644)
	noIndex := filepath.Join(tmp, "noindex")
	os.MkdirAll(noIndex, 0o755)
	os.WriteFile(filepath.Join(noIndex, site.Marker), []byte("x"), 0o644)
	for _, d := range []string{filepath.Join(tmp, "absent"), t.TempDir(), noMarker, noIndex} {
		if _, err := OpenDir(d); err == nil || !strings.Contains(err.Error(), "no built site") {
			t.Errorf("OpenDir(%s): %v, want a refusal", d, err)
		}
	}
}

// TestTimeouts: every timeout of the server is set.
func TestTimeouts(t *testing.T) {
	t.Parallel()
	s := NewServer("127.0.0.1:0", http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("timeouts not all set: %+v", s)
	}
}
