package site

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qingdan/generator/benchsite"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden/*.sha256 from this build")

// TestOutputUnchanged proves that the build's optimisations change no byte:
// the SHA-256 of every file of the real site, and of a generated site of
// three departments (package benchsite), equal the manifests recorded from
// the build before them. A deliberate change of content/ or layouts/ (or of
// what a page shows) updates the manifests:
//
//	go test ./generator/site -run TestOutputUnchanged -update-golden
func TestOutputUnchanged(t *testing.T) {
	long(t)
	bench := filepath.Join(t.TempDir(), "content")
	if err := benchsite.Write("../../content", bench, 3); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"real": "../../content", "bench3": bench} {
		t.Run(name, func(t *testing.T) {
			out, err := Build(os.DirFS(dir), os.DirFS("../../layouts"))
			if err != nil {
				t.Fatal(err)
			}
			got := manifest(out)
			file := filepath.Join("testdata", "golden", name+".sha256")
			if *updateGolden {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			diffManifests(t, string(want), got)
		})
	}
}

// manifest lists every output file with its SHA-256, in order.
func manifest(out *Output) string {
	var b strings.Builder
	for _, n := range out.Names() {
		fmt.Fprintf(&b, "%x  %s\n", sha256.Sum256(out.Files[n]), n)
	}
	return b.String()
}

// diffManifests reports each file missing, added or changed.
func diffManifests(t *testing.T, want, got string) {
	t.Helper()
	parse := func(s string) map[string]string {
		m := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
			h, n, _ := strings.Cut(l, "  ")
			m[n] = h
		}
		return m
	}
	w, g := parse(want), parse(got)
	bad := 0
	for n, h := range w {
		switch gh, ok := g[n]; {
		case !ok:
			t.Errorf("%s: no longer built", n)
			bad++
		case gh != h:
			t.Errorf("%s: bytes changed", n)
			bad++
		}
	}
	for n := range g {
		if _, ok := w[n]; !ok {
			t.Errorf("%s: built, not in the manifest", n)
			bad++
		}
	}
	if bad > 0 {
		t.Logf("%d file(s) differ from testdata/golden; if the change is meant, run with -update-golden", bad)
	}
}
