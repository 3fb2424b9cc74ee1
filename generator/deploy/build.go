package deploy

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"qingdan/generator/site"
)

// BuildFor builds the site of the content and layouts folders as it is
// published at u, a loopback address for the tests, into the folder out:
// a copy of the content with site.toml's base_url set to u (base_path to
// u's path in content that predates base_url). Its folder is readable by
// nginx's workers.
func BuildFor(contentDir, layouts, u, out string) error {
	tmp, err := os.MkdirTemp("", "qingdan-content-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	copied := filepath.Join(tmp, "content")
	if err := os.CopyFS(copied, os.DirFS(contentDir)); err != nil {
		return fmt.Errorf("copy %s: %w", contentDir, err)
	}
	toml := filepath.Join(copied, "site.toml")
	b, err := os.ReadFile(toml)
	if err != nil {
		return err
	}
	if b, err = setBase(b, u); err != nil {
		return fmt.Errorf("%s: %w", toml, err)
	}
	if err := os.WriteFile(toml, b, 0o644); err != nil {
		return err
	}
	built, err := site.Build(os.DirFS(copied), os.DirFS(layouts))
	if err != nil {
		return fmt.Errorf("build for %s: %w", u, err)
	}
	if err := site.Write(built, out); err != nil {
		return err
	}
	return os.Chmod(filepath.Dir(out), 0o755)
}

var (
	baseURLLine  = regexp.MustCompile(`(?m)^base_url *=.*$`)
	basePathLine = regexp.MustCompile(`(?m)^base_path *=.*$`)
)

// setBase sets the site's address in the text of a site.toml to u.
func setBase(toml []byte, u string) ([]byte, error) {
	if baseURLLine.Match(toml) {
		return baseURLLine.ReplaceAllLiteral(toml, []byte(fmt.Sprintf("base_url = %q", u))), nil
	}
	pu, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if basePathLine.Match(toml) {
		return basePathLine.ReplaceAllLiteral(toml, []byte(fmt.Sprintf("base_path = %q", pu.Path))), nil
	}
	return nil, fmt.Errorf("no base_url line to set to %s", u)
}
