package benchsite

import (
	"os"
	"path/filepath"
	"testing"

	"qingdan/generator/check"
	"qingdan/generator/content"
)

// TestThousandLoadsAndChecks writes 1,000 departments and runs the load
// and check stages on them: every department loads, under its own slug,
// and the content passes every rule. It takes a minute or more, so it
// runs only with QD_LONG=1 (make test-1000).
func TestThousandLoadsAndChecks(t *testing.T) {
	t.Parallel()
	if os.Getenv("QD_LONG") == "" {
		t.Skip("writes and checks 1,000 departments: run with QD_LONG=1 (make test-1000)")
	}
	dst := filepath.Join(t.TempDir(), "content")
	if err := Write("../../content", dst, 1000); err != nil {
		t.Fatal(err)
	}
	c, err := content.Load(os.DirFS(dst))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Departments) != 1000 {
		t.Fatalf("%d departments loaded, want 1000", len(c.Departments))
	}
	seen := map[string]bool{}
	for _, d := range c.Departments {
		if seen[d.Slug] || len(d.Duties) == 0 {
			t.Errorf("department %s: repeated, or without duties", d.Slug)
		}
		seen[d.Slug] = true
	}
	if _, err := check.Check(c); err != nil {
		t.Fatal(err)
	}
}
