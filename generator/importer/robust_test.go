package importer

import (
	"os"
	"strings"
	"testing"
)

// TestDamageNeverPanics parses the seed with each non-empty line deleted and each
// table row short of its last cell: every such source imports or fails
// with errors at lines, never a panic.
func TestDamageNeverPanics(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := loadRegistry(contentDir)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	try := func(what string, ls []string) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: panic: %v", what, r)
			}
		}()
		d, rep := parse("seed", []byte(strings.Join(ls, "\n")), reg)
		if d == nil && len(rep.Errors) == 0 {
			t.Errorf("%s: no department and no error", what)
		}
		for _, e := range rep.Errors {
			if e.Line < 1 || e.Line > len(lines) {
				t.Errorf("%s: error at line %d: %s", what, e.Line, e.Msg)
			}
		}
	}
	if testing.Short() {
		t.Skip("parses the seed some 500 times")
	}
	for i := range lines {
		if strings.TrimSpace(lines[i]) == "" {
			continue
		}
		try("without line "+lines[i], append(append([]string{}, lines[:i]...), lines[i+1:]...))
		if j := strings.LastIndex(lines[i], "\t"); j >= 0 {
			ls := append([]string{}, lines...)
			ls[i] = ls[i][:j]
			try("short row "+lines[i], ls)
		}
	}
}
