package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const (
	contentDir = "../../content"
	seed       = "../../seeds/000_57c99018d0e71c00.txt"
	curated    = "linyi-qts"
)

// importSeed imports the seed into a copy of the content folder without
// the curated department and returns the folder and what the import
// printed.
func importSeed(t *testing.T) (dir, stderr string) {
	t.Helper()
	dir = t.TempDir()
	copyTree(t, contentDir, dir, func(rel string) bool { return rel == "departments/"+curated })
	var out, errb bytes.Buffer
	if code := Run([]string{"-department", curated, "-out", dir, seed}, &out, &errb); code != 0 {
		t.Fatalf("import exited %d:\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "a new department") || !strings.Contains(out.String(), "qingdan check -content "+dir) {
		t.Errorf("import into a new department does not say so and what to do next:\n%s", out.String())
	}
	return dir, errb.String()
}

// TestSeedReproducesCurated imports the seed and compares every Chinese
// string of the result with the curated department, field by field
// (Prose up to its Markdown layout).
func TestSeedReproducesCurated(t *testing.T) {
	t.Parallel()
	dir, _ := importSeed(t)
	got := zhFields(loadDept(t, dir, curated))
	want := zhFields(loadDept(t, contentDir, curated))
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	bad := 0
	for _, k := range keys {
		if got[k] != want[k] {
			bad++
			t.Errorf("%s:\n got  %q\n want %q", k, got[k], want[k])
		}
	}
	if len(want) < 300 {
		t.Errorf("only %d Chinese fields in the curated department: the walk is missing records", len(want))
	}
	t.Logf("%d fields compared, %d differ", len(keys), bad)
}

// TestSeedRepairsReported checks that each kind of repair is reported at
// its source line.
func TestSeedRepairsReported(t *testing.T) {
	t.Parallel()
	_, stderr := importSeed(t)
	file := filepath.Base(seed)
	for _, want := range []string{
		file + ":33: warning: dropped the header row repeated from line 29",
		file + ":46: warning: renumbered item ② as 22",
		file + ":51: warning: renumbered item ③⑨ as 39",
		file + ":57: warning: renumbered item ④ as 43",
		file + ":71: warning: merged the row repeating matter \"烟花爆竹安全监管\" (from line 66)",
		file + ":71: warning: joined \"品进行了抽样抽检",
		file + ":77: warning: dropped the 相关依据 repeated across a page break",
		file + ":138: warning: joined \"查、检验；\" to the sentence the page break split at line 136",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(stderr)
	}
}

// TestSeedImportDeterministic imports the seed twice: the same bytes.
func TestSeedImportDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := importSeed(t)
	b, _ := importSeed(t)
	n := 0
	filepath.WalkDir(a, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two imports", rel)
		}
		n++
		return nil
	})
	if n < 25 {
		t.Errorf("only %d files written", n)
	}
}
