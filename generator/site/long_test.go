package site

import "testing"

// long skips, under -short, a test that builds a whole site of its own
// beside the real one (a second department, a generated site, a changed
// site.toml, a second build): make unit runs the suite with -race -short,
// make long runs these without the race detector, which adds nothing to
// them but minutes.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a site of its own: make long runs it")
	}
}
