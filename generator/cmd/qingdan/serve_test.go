package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestServeRefusesToStart: serve -public on a folder without a built site,
// and the preview on content whose first build fails, exit 1 with the
// reason, without listening (issue 12 finding 6; package serve).
func TestServeRefusesToStart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out, errb bytes.Buffer
	for _, pub := range []string{filepath.Join(dir, "missing"), dir} {
		errb.Reset()
		if code := run([]string{"serve", "-public", pub, "-addr", "127.0.0.1:0"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no built site") {
			t.Errorf("serve -public %s: exit %d, %q; want 1 and a refusal", pub, code, errb.String())
		}
	}
	content := filepath.Join(dir, "content")
	copyTree(t, "../../../content", content)
	f := filepath.Join(content, "departments/linyi-qts/duties/2.toml")
	b, _ := os.ReadFile(f)
	os.WriteFile(f, []byte(strings.Replace(string(b), "[[item]]\nn = 5\n", "[[item]]\nn = \"five\"\n", 1)), 0o644)
	errb.Reset()
	code := run([]string{"serve", "-content", content, "-layouts", "../../../layouts", "-addr", "127.0.0.1:0"}, &out, &errb)
	if code != 1 || !regexp.MustCompile(`duties/2\.toml:\d+:\d+: wrong type for item\.n`).MatchString(errb.String()) {
		t.Errorf("serve on broken content: exit %d, %q; want 1 and file:line:column", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}
}

// TestServeBusyAddress: an address in use is refused before the preview
// says it is there, with what to do.
func TestServeBusyAddress(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	var out, errb bytes.Buffer
	code := run([]string{"serve", "-content", "../../../content", "-layouts", "../../../layouts", "-addr", addr}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), addr+" is in use") || !strings.Contains(errb.String(), "ADDR=") || strings.Contains(out.String(), "previewing") {
		t.Errorf("serve on a busy address: exit %d, stdout %q, stderr %q; want 1, no \"previewing\", and what to do", code, out.String(), errb.String())
	}
}
