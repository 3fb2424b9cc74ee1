package deploy

import (
	"strings"
	"testing"
)

// TestSetBase: the site's address is set on base_url's line where there is
// one, else base_path gets its path; a site.toml with neither is an error.
func TestSetBase(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"name = 1\nbase_url = \"https://www.example.gov.cn/\"\nx = 2\n", "name = 1\nbase_url = \"http://127.0.0.1:8080/qingdan/\"\nx = 2\n"},
		{"base_url = \"\"\n", "base_url = \"http://127.0.0.1:8080/qingdan/\"\n"},
		{"base_path = \"/\"\n", "base_path = \"/qingdan/\"\n"},
	} {
		got, err := setBase([]byte(c.in), "http://127.0.0.1:8080/qingdan/")
		if err != nil || string(got) != c.want {
			t.Errorf("setBase(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := setBase([]byte("name = 1\n# base_url = \"x\"\n"), "http://127.0.0.1/"); err == nil || !strings.Contains(err.Error(), "no base_url") {
		t.Errorf("a site.toml without base_url: %v", err)
	}
}

// TestConfs: both configurations are shipped, with the lines StartNginx
// replaces, each once.
func TestConfs(t *testing.T) {
	t.Parallel()
	for name, lines := range map[string][]string{
		RootConf:    {"listen 80;", "listen [::]:80;", "root /var/www/qingdan;", "error_page 404 /404.html;", "error_page 403 =404 /404.html;"},
		SubPathConf: {"listen 80;", "listen [::]:80;", "alias /var/www/qingdan/;", "location ^~ " + SubPath + " {", "error_page 403 =404 " + SubPath + "404.html;", "error_page 404 " + SubPath + "404.html;"},
	} {
		conf, err := Conf(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range append(lines, "gzip_static on;", "brotli_static on;", "add_header Content-Security-Policy") {
			if n := strings.Count(conf, l); n != 1 {
				t.Errorf("nginx/%s has %q %d times, want once", name, l, n)
			}
		}
		if strings.Contains(conf, "unsafe-inline") || strings.Contains(conf, "unsafe-eval") {
			t.Errorf("nginx/%s allows unsafe script or style", name)
		}
	}
}
