package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"qingdan/generator"
)

// zhFields lists every Chinese string of a department by its path in the
// records (duties[2].items[0].text), Prose normalized by mdText.
func zhFields(d *generator.Department) map[string]string {
	out := map[string]string{}
	walkZh(reflect.ValueOf(d), "", out)
	return out
}

var (
	textT  = reflect.TypeFor[generator.Text]()
	proseT = reflect.TypeFor[generator.Prose]()
)

func walkZh(v reflect.Value, path string, out map[string]string) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == textT:
		if s := v.Interface().(generator.Text).Zh; s != "" {
			out[path] = s
		}
	case v.Type() == proseT:
		if s := v.Interface().(generator.Prose).Zh; s != "" {
			out[path] = mdText(s)
		}
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			walkZh(v.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				walkZh(v.Field(i), path+"."+strings.ToLower(f.Name), out)
			}
		}
	}
}

var mdMarker = regexp.MustCompile(`^(?:\d+\.|[-*+])\s+`)

// mdText is the text of Markdown up to its layout: each paragraph or list
// item on a line, without list markers, indentation or blank lines.
func mdText(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdMarker.ReplaceAllString(strings.TrimSpace(l), ""); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// loadDept loads the content folder dir and returns its department slug.
func loadDept(t *testing.T, dir, slug string) *generator.Department {
	t.Helper()
	c, err := generator.Load(os.DirFS(dir))
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
