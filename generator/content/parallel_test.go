package content

import (
	"fmt"
	"strings"
	"testing"
)

// TestParallelLoadOrder loads a tree of many departments, some broken in
// different files, again and again: the departments come in folder order,
// each with its own records and positions, and the errors are the same
// every time, in file order.
func TestParallelLoadOrder(t *testing.T) {
	t.Parallel()
	fsys := copies(t, 8)
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
		fsys[fmt.Sprintf("departments/d%02d/%s", i, broken[i/2])].Data = fsys["departments/d01/"+broken[i/2]].Data // odd ones are never broken
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
