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

// TestSummaryCountsReusedTwins: the summary says how many files' twins a
// rebuild took from the earlier build, and says nothing of it when none.
func TestSummaryCountsReusedTwins(t *testing.T) {
	t.Parallel()
	st := &site.Stats{Pages: 2}
	for _, c := range []struct {
		reused int
		want   string
	}{{3, "twins of 3 unchanged files taken from the earlier build"}, {0, ""}} {
		var buf bytes.Buffer
		summary(&buf, &site.Published{Files: 5, Reused: c.reused}, st, time.Second, "public")
		got := buf.String()
		if c.want == "" && strings.Contains(got, "twins") || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%d reused: summary\n%s", c.reused, got)
		}
	}
}
