package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"qingdan/generator/site"
)

// TestProgressOnlyOnATerminal: a build run into a pipe or a buffer (a log,
// CI) shows no progress line; the summary names every stage.
func TestProgressOnlyOnATerminal(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if show, _ := progress(&buf); show != nil {
		t.Error("progress shown on a buffer")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if show, _ := progress(w); show != nil {
		t.Error("progress shown on a pipe")
	}
	out := &site.Published{Files: 1, Bytes: 5}
	st := &site.Stats{Pages: 1, Load: time.Second, Write: time.Millisecond}
	summary(&buf, out, st, 2*time.Second, "public")
	for _, want := range []string{"1 files", "1 pages", "load 1.00 s", "check", "graph", "render", "search", "data", "write 0.00 s"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, buf.String())
		}
	}
}
