// Package deploy holds what a host needs to serve a built site, and runs
// it for the tests. nginx/qingdan.conf serves a site at the root of its
// host, nginx/qingdan-subpath.conf under a sub-folder (SubPath); both send
// the build's pre-compressed twins, cache the content-hashed files for a
// year and the rest not without asking, answer a missing page with
// 404.html, and send a Content-Security-Policy with no inline script or
// style (README, For webmasters, says how to install them).
//
// StartNginx runs Debian's nginx (with libnginx-mod-http-brotli-static) on
// 127.0.0.1 with one of them, unchanged but for its listen, root and alias
// lines, in a temporary prefix of its own, in the foreground: the browser
// tests (package e2e) and the Lighthouse run (cmd/lighthouse) serve the
// site through it.
package deploy

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

//go:embed nginx/*.conf
var confs embed.FS

// The shipped configurations and what StartNginx changes in them.
const (
	RootConf    = "qingdan.conf"
	SubPathConf = "qingdan-subpath.conf"
	// SubPath is the folder qingdan-subpath.conf serves the site under.
	SubPath = "/qingdan/"
)

// Conf is the text of a shipped configuration.
func Conf(name string) (string, error) {
	b, err := confs.ReadFile("nginx/" + name)
	return string(b), err
}

// The Debian paths of nginx and of the Brotli module.
const (
	nginxBin     = "/usr/sbin/nginx"
	brotliModule = "/usr/share/nginx/modules/ngx_http_brotli_static_module.so"
)

// Nginx is a running nginx.
type Nginx struct {
	URL     string // the site's URL, with a trailing slash
	cmd     *exec.Cmd
	prefix  string
	stderr  syncBuffer
	done    chan struct{} // closed when nginx has exited
	exitErr error
}

// syncBuffer is a bytes.Buffer that nginx's output may be written to
// while it is read.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// SiteURL is the URL of the site that the shipped configuration name
// serves on port of 127.0.0.1 (with a trailing slash).
func SiteURL(name string, port int) string {
	u := "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	if name == SubPathConf {
		u = strings.TrimSuffix(u, "/") + SubPath
	}
	return u
}

// StartNginx serves the built site in public with the shipped
// configuration name on port of 127.0.0.1 (a free one if 0; see
// FreePort) and waits until it answers. Stop it with Stop.
func StartNginx(name, public string, port int) (*Nginx, error) {
	for _, f := range []string{nginxBin, brotliModule} {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("nginx: %s is missing: install Debian's nginx and libnginx-mod-http-brotli-static (make tools does)", f)
		}
	}
	public, err := filepath.Abs(public)
	if err != nil {
		return nil, err
	}
	if port == 0 {
		if port, err = FreePort(); err != nil {
			return nil, err
		}
	}
	n := &Nginx{URL: SiteURL(name, port)}
	if n.prefix, err = os.MkdirTemp("", "qingdan-nginx-"); err != nil {
		return nil, err
	}
	if err := os.Chmod(n.prefix, 0o755); err != nil { // for the workers
		os.RemoveAll(n.prefix)
		return nil, err
	}
	if err := n.writeConf(name, public, port); err != nil {
		os.RemoveAll(n.prefix)
		return nil, err
	}
	n.cmd = exec.Command(nginxBin, "-p", n.prefix, "-c", filepath.Join(n.prefix, "nginx.conf"), "-e", "stderr")
	n.cmd.Stdout, n.cmd.Stderr = &n.stderr, &n.stderr
	n.cmd.SysProcAttr = sysProcAttr()
	if err := n.cmd.Start(); err != nil {
		os.RemoveAll(n.prefix)
		return nil, fmt.Errorf("nginx: %w", err)
	}
	n.done = make(chan struct{})
	go func() { n.exitErr = n.cmd.Wait(); close(n.done) }()
	if err := n.wait(); err != nil {
		n.Stop()
		return nil, err
	}
	return n, nil
}

// writeConf writes nginx.conf into the prefix: the shipped configuration
// name, listening on port and serving public, inside a main configuration
// that keeps every file nginx writes in the prefix.
func (n *Nginx) writeConf(name, public string, port int) error {
	site, err := Conf(name)
	if err != nil {
		return err
	}
	swaps := [][2]string{
		{"listen 80;", "listen 127.0.0.1:" + strconv.Itoa(port) + ";"},
		{"listen [::]:80;", ""},
		{"root /var/www/qingdan;", "root " + public + ";"},
		{"alias /var/www/qingdan/;", "alias " + public + "/;"},
		{"root /var/www/html;", "root " + filepath.Join(n.prefix, "html") + ";"},
	}
	for _, s := range swaps {
		switch strings.Count(site, s[0]) {
		case 0:
		case 1:
			site = strings.Replace(site, s[0], s[1], 1)
		default:
			return fmt.Errorf("nginx/%s: %q more than once", name, s[0])
		}
	}
	if strings.Contains(site, ":80;") || strings.Contains(site, "/var/www/qingdan") {
		return fmt.Errorf("nginx/%s: its listen, root or alias lines are not the ones StartNginx replaces", name)
	}
	user := ""
	if os.Geteuid() == 0 { // workers run as nobody: public must be readable by all
		user = "user nobody nogroup;\n"
	}
	p := n.prefix
	main := "load_module " + brotliModule + ";\n" + user +
		"daemon off;\nworker_processes 1;\npid " + p + "/nginx.pid;\nerror_log stderr warn;\n" +
		"events { worker_connections 128; }\n" +
		"http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n" +
		"  client_body_temp_path " + p + "/body;\n  proxy_temp_path " + p + "/proxy;\n  fastcgi_temp_path " + p + "/fastcgi;\n" +
		"  uwsgi_temp_path " + p + "/uwsgi;\n  scgi_temp_path " + p + "/scgi;\n  sendfile on;\n" +
		"  include " + p + "/site.conf;\n}\n"
	if err := os.MkdirAll(filepath.Join(p, "html"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(p, "site.conf"), []byte(site), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(p, "nginx.conf"), []byte(main), 0o644)
}

// wait waits until nginx answers, or says why it does not.
func (n *Nginx) wait() error {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-n.done:
			return fmt.Errorf("nginx exited (%v):\n%s", n.exitErr, n.stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := http.Get(n.URL)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			return fmt.Errorf("nginx answers %s with %s:\n%s", n.URL, resp.Status, n.stderr.String())
		}
	}
	return fmt.Errorf("nginx does not answer at %s after 15 s:\n%s", n.URL, n.stderr.String())
}

// Stop stops nginx (the process StartNginx started) and removes its
// prefix.
func (n *Nginx) Stop() error {
	var err error
	if n.done != nil {
		err = n.cmd.Process.Signal(syscall.SIGTERM) // fast shutdown
		select {
		case <-n.done:
		case <-time.After(10 * time.Second):
			err = errors.New("nginx did not stop within 10 s of SIGTERM: killed")
			n.cmd.Process.Kill()
			<-n.done
		}
	}
	os.RemoveAll(n.prefix)
	return err
}

// Log is what nginx has written to its standard error.
func (n *Nginx) Log() string { return n.stderr.String() }

// FreePort is a TCP port of 127.0.0.1 that nothing listens on (for a
// site to be built for its address before nginx serves it there).
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
