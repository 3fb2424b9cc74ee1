// Package smallsite gives tests in other packages the smallest complete
// site: the base that package site's error cases start from
// (generator/site/testdata/errors/base.txtar, a txtar archive of content
// files), with the real interface strings (content/i18n.toml), which go
// with the real layouts the site is rendered with.
package smallsite

import (
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// Files reads the small site; root is the module's root folder, as a
// test's working folder sees it (for generator/serve: "../..").
func Files(root string) (fstest.MapFS, error) {
	base := filepath.Join(root, "generator", "site", "testdata", "errors", "base.txtar")
	a, err := txtar.ParseFile(base)
	if err != nil {
		return nil, err
	}
	ui, err := os.ReadFile(filepath.Join(root, "content", "i18n.toml"))
	if err != nil {
		return nil, err
	}
	fsys := fstest.MapFS{"i18n.toml": {Data: ui}}
	for _, f := range a.Files {
		if _, dup := fsys[f.Name]; dup {
			return nil, fmt.Errorf("%s: %s twice", base, f.Name)
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, nil
}
