package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// emptyContent returns a content folder with the shared files and
// registries and no department.
func emptyContent(t *testing.T) string {
	dir := t.TempDir()
	copyTree(t, contentDir, dir, func(rel string) bool { return rel == "departments/"+curated })
	return dir
}

// TestDamagedTemplate imports each damaged copy of testdata/mini.txt
// (testdata/damaged/NAME.txt): the import must fail with the errors
// NAME.want lists (file:line: message, one a line) and write nothing.
func TestDamagedTemplate(t *testing.T) {
	t.Parallel()
	cases, _ := filepath.Glob("testdata/damaged/*.txt")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/damaged")
	}
	for _, c := range cases {
		name := strings.TrimSuffix(filepath.Base(c), ".txt")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(c, ".txt") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			dir := emptyContent(t)
			var out, errb bytes.Buffer
			if code := Run([]string{"-department", "mini", "-out", dir, c}, &out, &errb); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			for _, w := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if !strings.Contains(errb.String(), filepath.Join(filepath.Dir(c), w)) {
					t.Errorf("the report lacks %q", w)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "departments", "mini")); err == nil {
				t.Error("a failed import wrote the department")
			}
			if t.Failed() {
				t.Log(errb.String())
			}
		})
	}
}

// TestMiniImport imports testdata/mini.txt: an instrument and a body the
// registries have not seen are added to them and reported, the repairs
// are reported at their lines and the result loads.
func TestMiniImport(t *testing.T) {
	t.Parallel()
	dir := emptyContent(t)
	var out, errb bytes.Buffer
	if code := Run([]string{"-department", "mini", "-out", dir, "testdata/mini.txt"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
	report := errb.String()
	for _, want := range []string{
		"mini.txt:18: warning: dropped the header row repeated from line 15",
		"mini.txt:19: warning: new instrument 《临沂市电梯安全管理办法》 added to registry/instruments.toml as instrument-1",
		"mini.txt:21: warning: joined \"违法行为。\" to item 4, which the page break split",
		"mini.txt:29: warning: new body 市电梯协会 added to registry/bodies.toml as body-1",
		"mini.txt:32: warning: merged the row repeating matter \"电梯安全\" (from line 28)",
		"mini.txt:32: warning: joined \"宣传。\" to the duties the page break split (\"协助开展电梯安全\")",
		"mini.txt:32: warning: dropped the 相关依据 repeated",
		"mini.txt:32: warning: joined \"及时维修。\" to the 事例 the page break split",
		"mini.txt:48: warning: joined \"1 次。\" to the sentence the page break split at line 47",
		"service 1 [metrology]",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for file, want := range map[string]string{
		"registry/instruments.toml": "[[instrument]]\nid = \"instrument-1\"\nkind = \"normative-document\"\nname.zh = \"临沂市电梯安全管理办法\"\n",
		"registry/bodies.toml":      "[[body]]\nid = \"body-1\"\nname.zh = \"市电梯协会\"\n",
	} {
		if b, _ := os.ReadFile(filepath.Join(dir, file)); !strings.HasSuffix(string(b), want) {
			t.Errorf("%s does not end with the added record:\n%s", file, want)
		}
	}
	d := loadDept(t, dir, "mini")
	if d.Date != "2016-03" || d.Series != 36 || len(d.Duties) != 2 || d.Duties[1].Items[1].N != 4 {
		t.Errorf("date %q series %d duties %d", d.Date, d.Series, len(d.Duties))
	}
	b := d.Boundaries[0]
	if b.Examples[0].Zh != "某小区电梯故障，市质监局督促维保单位及时维修。" || b.Divisions[1].Duties[0].Zh != "协助开展电梯安全宣传。" ||
		len(b.Joint) != 1 || d.Duties[1].Items[1].Text.Zh != "依照《临沂市电梯安全管理办法》查处违法行为。" {
		t.Errorf("joined: example %q, division %q, joint %q, item %q", b.Examples[0].Zh, b.Divisions[1].Duties[0].Zh, b.Joint, d.Duties[1].Items[1].Text.Zh)
	}
	if t.Failed() {
		t.Log(report)
	}
}

// TestUsage checks the command's arguments: exit 2 and a message.
func TestUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"testdata/mini.txt"},
		{"-department", "Linyi QTS", "-out", t.TempDir(), "testdata/mini.txt"},
		{"-department", "mini", "-out", t.TempDir(), "testdata/mini.txt"}, // no registries there
		{"-department", "mini", "-out", t.TempDir(), "testdata/none.txt"},
	} {
		var out, errb bytes.Buffer
		if code := Run(args, &out, &errb); code != 2 || errb.Len() == 0 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errb.String())
		}
	}
}
