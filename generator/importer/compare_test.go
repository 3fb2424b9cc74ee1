package importer

import (
	"os"
	"path/filepath"
	"testing"

	"qingdan/generator/content"
)

// zhFields lists every Chinese string of a department and its records,
// by file and field (duties/3.toml item 13 text), Prose up to its
// Markdown layout.
func zhFields(d *content.Department) map[string]string {
	out := map[string]string{}
	for file, rec := range records(d) {
		for _, l := range leaves(rec) {
			if s := l.zh(); s != "" {
				if l.v.Type() == proseType {
					s = markdownText(s)
				}
				out[file+" "+l.name()] = s
			}
		}
	}
	return out
}

// loadDept loads the content folder dir and returns its department slug.
func loadDept(t *testing.T, dir, slug string) *content.Department {
	t.Helper()
	c, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	for _, d := range c.Departments {
		if d.Slug == slug {
			return d
		}
	}
	t.Fatalf("%s: no department %s", dir, slug)
	return nil
}

// copyTree copies the files under src to dst, skipping the paths skip
// returns true for.
func copyTree(t *testing.T, src, dst string, skip func(rel string) bool) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if skip(filepath.ToSlash(rel)) {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
