package site

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"qingdan/generator/search"
)

// jsConstRE matches a constant the scripts share with Go: a line
// `const NAME = "…";` with a name in capitals and no escapes in the string.
var jsConstRE = regexp.MustCompile(`(?m)^[ \t]*const ([A-Z][A-Z0-9_]*) = "([^"\\]*)";[ \t]*$`)

// jsConstants reads the string constants of the scripts in dir, by name;
// a name given twice is an error.
func jsConstants(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no scripts in %s (%v)", dir, err)
	}
	out, where := map[string]string{}, map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range jsConstRE.FindAllStringSubmatch(string(b), -1) {
			if w, ok := where[m[1]]; ok {
				t.Errorf("%s: const %s again (first in %s): give each shared constant one line", f, m[1], w)
			}
			out[m[1]], where[m[1]] = m[2], f
		}
	}
	return out
}

// goStringSlice reads `var name = []string{…}` of a Go file.
func goStringSlice(t *testing.T, file, name string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if len(v.Names) != 1 || v.Names[0].Name != name || len(v.Values) != 1 {
				continue
			}
			lit, ok := v.Values[0].(*ast.CompositeLit)
			if !ok {
				t.Fatalf("%s: var %s is not a []string literal", file, name)
			}
			var out []string
			for _, e := range lit.Elts {
				b, ok := e.(*ast.BasicLit)
				if !ok || b.Kind != token.STRING {
					t.Fatalf("%s: var %s holds something other than strings", file, name)
				}
				s, _ := strconv.Unquote(b.Value)
				out = append(out, s)
			}
			return out
		}
	}
	t.Fatalf("%s has no var %s", file, name)
	return nil
}

// constWords splits a shared constant into its words, which must be separated
// by single spaces.
func constWords(t *testing.T, name, s string) []string {
	t.Helper()
	ws := strings.Split(s, " ")
	if slices.Contains(ws, "") {
		t.Errorf("const %s: words are separated by single spaces: %q", name, s)
	}
	return ws
}

// TestSearchSharedConstants: what search.js and the Go code must agree on
// — the stop words (search.Stop), the alphabet of the bundle's numbers
// (search.Digits) and the English month names (View.Date, benchsite) — is
// written once in layouts/assets as `const NAME = "…";` lines, which must
// equal the Go values.
func TestSearchSharedConstants(t *testing.T) {
	t.Parallel()
	js := jsConstants(t, "../../layouts/assets")
	for _, name := range []string{"STOP", "DIGITS", "MONTHS"} {
		if _, ok := js[name]; !ok {
			t.Fatalf(`layouts/assets/*.js: no line const %s = "…"; the constants shared with Go are written so`, name)
		}
	}

	stop := constWords(t, "STOP", js["STOP"])
	if want := slices.Sorted(maps.Keys(search.Stop)); !slices.Equal(slices.Sorted(slices.Values(stop)), want) {
		t.Errorf("stop words:\n JS %q\n Go %q (search.Stop)", stop, want)
	}

	if js["DIGITS"] != search.Digits {
		t.Errorf("the number alphabet:\n JS %q\n Go %q (search.Digits)", js["DIGITS"], search.Digits)
	}

	months := constWords(t, "MONTHS", js["MONTHS"])
	if len(months) != 12 {
		t.Fatalf("const MONTHS has %d names: %q", len(months), months)
	}
	en := &View{Page: &Page{Lang: En}}
	for i, m := range months {
		if got, want := en.Date(fmt.Sprintf("2015-%02d", i+1)), m+" 2015"; got != want {
			t.Errorf("month %d: View.Date says %q, search.js %q", i+1, got, want)
		}
	}
	if bench := goStringSlice(t, "../benchsite/benchsite.go", "months"); !slices.Equal(bench, months) {
		t.Errorf("month names:\n JS        %q\n benchsite %q", months, bench)
	}
}
