//go:build !browser

package e2e

import (
	"os"
	"testing"
)

// The browser tests build only with -tags browser (make browser), so
// that go test ./... (make unit) does not link, under the race detector,
// a test binary all of whose tests would skip without QD_TOOLS. This file
// is built in their place and fails a run that means them but lacks the
// tag, instead of passing with no tests.
func TestBrowserTag(t *testing.T) {
	if os.Getenv("QD_TOOLS") != "" {
		t.Fatal("QD_TOOLS is set but the browser tests are not built: go test -tags browser ./generator/e2e (make browser)")
	}
}
