package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected output of the case files in testdata/")

// A case file, testdata/<name>.json, is an input; testdata/<name>.html is
// the output expected from it.
type caseFile struct {
	Kind  string          `json:"kind"` // bars, counts, matrix or timeline
	Lang  string          `json:"lang"` // labels-<lang>.json
	Input json.RawMessage `json:"input"`
}

// Roles and units are written as words in case files.
func (r *Role) UnmarshalText(b []byte) error {
	for i, w := range []string{"lead", "shares", "coordinates"} {
		if string(b) == w {
			*r = Role(i + 1)
			return nil
		}
	}
	return fmt.Errorf("role %q: want lead, shares or coordinates", b)
}

func (u *Unit) UnmarshalText(b []byte) error {
	switch string(b) {
	case "day":
		*u = Days
	case "month":
		*u = Months
	default:
		return fmt.Errorf("unit %q: want day or month", b)
	}
	return nil
}

func decodeFile(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func labels(t *testing.T, lang string) Labels {
	t.Helper()
	var l Labels
	decodeFile(t, filepath.Join("testdata", "labels-"+lang+".json"), &l)
	return l
}

// input decodes a case file's input as the kind of picture it names.
func input[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// render draws the case named name (testdata/<name>.json).
func render(t *testing.T, name string) (caseFile, template.HTML) {
	t.Helper()
	var c caseFile
	decodeFile(t, filepath.Join("testdata", name+".json"), &c)
	l := labels(t, c.Lang)
	var out template.HTML
	var err error
	switch c.Kind {
	case "bars":
		out, err = RenderBars(input[Bars](t, c.Input), l)
	case "counts":
		out, err = RenderCounts(input[[]Count](t, c.Input))
	case "matrix":
		out, err = RenderMatrix(input[Matrix](t, c.Input), l)
	case "timeline":
		out, err = RenderTimeline(input[Timeline](t, c.Input), l)
	default:
		t.Fatalf("%s: kind %q: want bars, counts, matrix or timeline", name, c.Kind)
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return c, out
}

func caseNames(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".json"); !strings.HasPrefix(name, "labels-") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatal("no case files in testdata/")
	}
	return names
}

// TestGolden compares every case's output with its expected file (go test
// -update rewrites them), and checks each is well-formed, deterministic and
// well made.
func TestGolden(t *testing.T) {
	t.Parallel()
	for _, name := range caseNames(t) {
		t.Run(name, func(t *testing.T) {
			_, got := render(t, name)
			if _, again := render(t, name); again != got {
				t.Fatal("two renders of the same input differ")
			}
			checkWellMade(t, parse(t, string(got)))
			path := filepath.Join("testdata", name+".html")
			if *update {
				if err := os.WriteFile(path, []byte(string(got)+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if string(got)+"\n" != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it after a deliberate change):\n%s", path, got)
			}
		})
	}
}
