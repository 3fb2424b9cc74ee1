package content

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestParallelLoadOrder loads a tree of many departments, some broken in
// different files, again and again: the departments come in folder order,
// each with its own records and positions, and the errors are the same
// every time, in file order.
func TestParallelLoadOrder(t *testing.T) {
	base := os.DirFS("../../content")
	fsys := fstest.MapFS{}
	var dept string
	err := fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(base, p)
		if rest, ok := strings.CutPrefix(p, "departments/"); ok {
			dept, rest, _ = strings.Cut(rest, "/")
			for i := range 8 {
				fsys[fmt.Sprintf("departments/d%02d/%s", i, rest)] = &fstest.MapFile{Data: b}
			}
			return err
		}
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil || dept == "" {
		t.Fatal(err, dept)
	}
	// Break a different file in every second department.
	broken := []string{"department.toml", "duties/1.toml", "services.toml", "accountability.toml"}
	for i := 0; i < 8; i += 2 {
		fsys[fmt.Sprintf("departments/d%02d/%s", i, broken[i/2])].Data = []byte("title = \n")
	}
	var first string
	for range 3 {
		_, err := Load(fsys)
		es := AsErrors(err)
		if len(es) < 4 {
			t.Fatalf("want an error in each broken department, got %v", err)
		}
		if first == "" {
			first = es.Error()
		} else if es.Error() != first {
			t.Fatalf("errors differ between loads:\n%s\n---\n%s", first, es.Error())
		}
	}
	for i := 0; i < 8; i += 2 {
		if want := fmt.Sprintf("departments/d%02d/%s:", i, broken[i/2]); !strings.Contains(first, want) {
			t.Errorf("no error at %s in\n%s", want, first)
		}
	}
	for i := 0; i < 8; i += 2 {
		fsys[fmt.Sprintf("departments/d%02d/%s", i, broken[i/2])].Data, _ = fs.ReadFile(base, "departments/"+dept+"/"+broken[i/2])
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range c.Departments {
		if want := fmt.Sprintf("d%02d", i); d.Slug != want {
			t.Fatalf("department %d is %s, want %s", i, d.Slug, want)
		}
		if p := c.Loc(d.Duties[0]).At("title"); !strings.HasPrefix(p.File, "departments/"+d.Slug+"/") || p.Line == 0 {
			t.Errorf("%s: first duty's title at %v", d.Slug, p)
		}
	}
}
