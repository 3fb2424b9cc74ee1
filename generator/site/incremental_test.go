package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// mapFS copies a folder into memory.
func mapFS(t testing.TB, dir string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(dir + "/" + p)
		m[p] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// An edit changes the content or layouts in memory, as a publisher would,
// and says what it did.
type edit func(rng *rand.Rand, c, l fstest.MapFS, n int) string

// pick returns a random file under dir whose text matches re, its text and
// the matches' indexes.
func pick(rng *rand.Rand, fsys fstest.MapFS, prefix string, re *regexp.Regexp) (string, string, [][]int) {
	var names []string
	for n, f := range fsys {
		if strings.HasPrefix(n, prefix) && re.Match(f.Data) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "", "", nil
	}
	slices.Sort(names)
	n := names[rng.IntN(len(names))]
	s := string(fsys[n].Data)
	return n, s, re.FindAllStringSubmatchIndex(s, -1)
}

func set(fsys fstest.MapFS, name, s string) {
	fsys[name] = &fstest.MapFile{Data: []byte(s), Mode: 0o644}
}

var (
	itemText    = regexp.MustCompile(`(?m)^n = \d+\ntext\.zh = "([^"]*)"\ntext\.en = "([^"]*)"`)
	itemNumber  = regexp.MustCompile(`(?m)^n = (\d+)$`)
	twoRegimes  = regexp.MustCompile(`(?m)^regimes = \[("[a-z-]+", )+("[a-z-]+")\]`)
	instrument  = regexp.MustCompile(`(?m)^\[\[instrument\]\]\nid = "[^"]+"\nkind = "[^"]+"\n`)
	bodyName    = regexp.MustCompile(`(?m)^name = \{ zh = "([^"]+)", en = "([^"]+)" \}`)
	templateTag = regexp.MustCompile(`<h1>`)
	// a circumstance of an article of a structured basis (a law's page shows it)
	circumstance = regexp.MustCompile(`(?m)^    \{ zh = "([^"]+)", en = "[^"]*" \},?$`)
)

var edits = map[string]edit{
	"item text": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "departments/", itemText)
		m := ms[rng.IntN(len(ms))]
		s = s[:m[3]] + fmt.Sprintf("（第%d次修订）", n) + s[m[3]:m[5]] + fmt.Sprintf(" (revision %d)", n) + s[m[5]:]
		set(c, f, s)
		return f
	},
	"item cites a law": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "departments/", itemText)
		m := ms[rng.IntN(len(ms))]
		laws := [][2]string{{"产品质量法", "product-quality-law"}, {"计量法", "metrology-law"}, {"标准化法", "standardization-law"}}
		law := laws[rng.IntN(len(laws))]
		s = s[:m[3]] + "依照《" + law[0] + "》。" + s[m[3]:m[5]] + " Under 《" + law[1] + "》." + s[m[5]:]
		set(c, f, s)
		return f
	},
	"basis circumstance": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "departments/", circumstance)
		m := ms[rng.IntN(len(ms))]
		set(c, f, s[:m[3]]+fmt.Sprintf("（第%d次）", n)+s[m[3]:])
		return f
	},
	"item added": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		last := 0
		var lastFile string
		for name, f := range c {
			for _, m := range itemNumber.FindAllStringSubmatch(string(f.Data), -1) {
				if k := atoi(m[1]); strings.Contains(name, "/duties/") && k > last {
					last, lastFile = k, name
				}
			}
		}
		s := string(c[lastFile].Data)
		at := strings.Index(s, "\n[[basis]]")
		if at < 0 {
			at = len(s)
		}
		item := fmt.Sprintf("\n[[item]]\nn = %d\ntext.zh = \"新增事项%d。\"\ntext.en = \"Added item %d.\"\nregimes = [\"product-quality\"]\n", last+1, n, n)
		set(c, lastFile, s[:at]+item+s[at:])
		return lastFile
	},
	"regime removed": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "departments/", twoRegimes)
		m := ms[rng.IntN(len(ms))]
		set(c, f, s[:m[2]]+s[m[4]:]) // drops the one before the last
		return f
	},
	"instrument alias": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "registry/instruments", instrument)
		m := ms[rng.IntN(len(ms))]
		set(c, f, s[:m[1]]+fmt.Sprintf("aliases = { zh = [\"别称%d\"] }\n", n)+s[m[1]:])
		return f
	},
	"body renamed": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, c, "registry/bodies", bodyName)
		m := ms[rng.IntN(len(ms))]
		set(c, f, s[:m[5]]+fmt.Sprintf(" %d", n)+s[m[5]:])
		return f
	},
	"template": func(rng *rand.Rand, c, l fstest.MapFS, n int) string {
		f, s, ms := pick(rng, l, "", templateTag)
		m := ms[rng.IntN(len(ms))]
		set(l, f, s[:m[0]]+fmt.Sprintf(`<h1 data-revision="%d">`, n)+s[m[1]:])
		return "layouts/" + f
	},
}

func atoi(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// TestIncrementalEqualsBuild: issue 9. Random edits of the real content
// and layouts, one after another (seeded, so a failure repeats); after
// each, the Builder's output equals a whole Build's, file for file and
// byte for byte, and an edit the check refuses fails both; every other
// Build is told the file that changed (Builder.Changed).
func TestIncrementalEqualsBuild(t *testing.T) {
	long(t)
	c, l := mapFS(t, "../../content"), mapFS(t, "../../layouts")
	b := NewBuilder(c, l)
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range edits {
			if !yield(n) {
				return
			}
		}
	})
	const seed = 9
	rng := rand.New(rand.NewPCG(seed, 12))
	for i := range 10 {
		name := names[i%len(names)]
		if i >= len(names) {
			name = names[rng.IntN(len(names))]
		}
		oldC, oldL := maps2(c), maps2(l)
		file := edits[name](rng, c, l, i)
		want, werr := Build(c, l)
		if i%2 == 1 { // told what changed, as the preview's watcher tells it
			changed := []string{}
			if !strings.HasPrefix(file, "layouts/") {
				changed = append(changed, file)
			}
			b.Changed(changed)
		}
		got, gerr := b.Build()
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("step %d (%s in %s): Build error %v, Builder error %v", i, name, file, werr, gerr)
		}
		if werr != nil { // refused: undo, as the publisher would
			t.Logf("step %d (%s in %s): refused by both: %v", i, name, file, werr)
			restore(c, oldC)
			restore(l, oldL)
			continue
		}
		st := b.Stats()
		t.Logf("step %d (%s in %s): rendered %d of %d pages, search %v, open data of %d lists", i, name, file, st.Rendered, st.Pages, st.Search, st.Data)
		sameOutput(t, fmt.Sprintf("step %d (%s in %s)", i, name, file), want, got)
	}
}

func maps2(m fstest.MapFS) map[string]*fstest.MapFile {
	out := map[string]*fstest.MapFile{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func restore(m fstest.MapFS, old map[string]*fstest.MapFile) {
	for k := range m {
		delete(m, k)
	}
	for k, v := range old {
		m[k] = v
	}
}

// sameOutput fails unless two builds hold the same files with the same bytes.
func sameOutput(t *testing.T, what string, want, got *Output) {
	t.Helper()
	wn, gn := want.Names(), got.Names()
	if !slices.Equal(wn, gn) {
		t.Fatalf("%s: the incremental build has %d files, a whole build %d", what, len(gn), len(wn))
	}
	bad := 0
	for _, n := range wn {
		if !bytes.Equal(want.Files[n], got.Files[n]) {
			if bad++; bad <= 5 {
				t.Errorf("%s: %s differs from a whole build", what, n)
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%s: %d files differ", what, bad)
	}
}
