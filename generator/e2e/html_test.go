//go:build browser

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// vnuReport is the JSON that `vnu.jar --format json` writes to stderr.
type vnuReport struct {
	Messages []vnuMessage `json:"messages"`
}

type vnuMessage struct {
	Type        string `json:"type"`    // error, info or non-document-error
	SubType     string `json:"subType"` // fatal, io, internal, warning...
	URL         string `json:"url"`
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	LastColumn  int    `json:"lastColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// TestBrowserHTMLValid runs the W3C Nu HTML Checker once on every .html file
// of the built site and wants no errors. Warnings are fine.
func TestBrowserHTMLValid(t *testing.T) {
	tl := needTools(t)
	dir := builtSite(t)
	pages := htmlPages(t, dir)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tl.java, "-Xss1m", "-jar", tl.vnuJar,
		"--errors-only", "--verbose", "--format", "json", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	// The checker exits with 1 when it finds errors, so look at the report
	// before the exit status.
	out := stderr.Bytes()
	if i := bytes.IndexByte(out, '{'); i > 0 {
		out = out[i:] // the JVM can print a line before the report
	}
	var rep vnuReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("vnu.jar (%v): its output is not the JSON report: %v\nstdout:\n%s\nstderr:\n%s",
			runErr, err, stdout.Bytes(), stderr.Bytes())
	}
	var errs []string
	for _, m := range rep.Messages {
		if m.Type == "info" {
			continue
		}
		errs = append(errs, vnuLine(dir, m))
	}
	if runErr != nil && len(errs) == 0 {
		t.Fatalf("vnu.jar failed with no errors in its report: %v\nstderr:\n%s", runErr, stderr.Bytes())
	}
	// --verbose names each file that the checker reads, on stdout.
	checked := 0
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.HasSuffix(strings.TrimSpace(l), ".html") {
			checked++
		}
	}
	if checked != len(pages) {
		t.Errorf("vnu.jar checked %d files, want the %d pages of the site", checked, len(pages))
	}
	t.Logf("vnu.jar checked %d pages in %s", checked, time.Since(start).Round(time.Millisecond))
	slices.Sort(errs)
	errs = slices.Compact(errs)
	for _, e := range errs {
		t.Error(e)
	}
	if len(errs) > 0 {
		t.Errorf("%d HTML errors", len(errs))
	}
}

// vnuLine formats one message as file:line:col: message, with the file
// relative to dir, and the extract, since the pages are minified.
func vnuLine(dir string, m vnuMessage) string {
	file := m.URL
	if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
		file = u.Path
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
	}
	line := m.FirstLine
	if line == 0 {
		line = m.LastLine
	}
	col := m.FirstColumn
	if col == 0 {
		col = m.LastColumn
	}
	kind := ""
	if m.Type != "error" {
		kind = m.Type + ": "
	}
	s := fmt.Sprintf("%s:%d:%d: %s%s", file, line, col, kind, m.Message)
	if ex := strings.Join(strings.Fields(m.Extract), " "); ex != "" {
		s += fmt.Sprintf(" (at %q)", ex)
	}
	return s
}
