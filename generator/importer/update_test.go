package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fullContent returns a copy of the content folder with the curated
// department.
func fullContent(t *testing.T) string {
	dir := t.TempDir()
	copyTree(t, contentDir, dir, func(string) bool { return false })
	return dir
}

// editedSeed writes a copy of the seed with each old string replaced by
// its new one.
func editedSeed(t *testing.T, oldNew ...string) string {
	b, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("the seed has no %q", oldNew[i])
		}
		s = strings.Replace(s, oldNew[i], oldNew[i+1], 1)
	}
	p := filepath.Join(t.TempDir(), "edited.txt")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// runUpdate imports file into the curated department of dir and returns
// what it printed on stdout.
func runUpdate(t *testing.T, dir, file string) string {
	var out, errb bytes.Buffer
	if code := Run([]string{"-department", curated, "-out", dir, file}, &out, &errb); code != 0 {
		t.Fatalf("exit %d:\n%s", code, errb.String())
	}
	return out.String()
}

// changedFiles lists the files under the curated department that differ
// from the content folder's, with their lines that differ.
func changedFiles(t *testing.T, dir string) map[string][]string {
	out := map[string][]string{}
	base := filepath.Join(contentDir, "departments", curated)
	filepath.WalkDir(base, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, p)
		a, _ := os.ReadFile(p)
		b, _ := os.ReadFile(filepath.Join(dir, "departments", curated, rel))
		al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		for i := range max(len(al), len(bl)) {
			if i >= len(al) || i >= len(bl) || al[i] != bl[i] {
				out[filepath.ToSlash(rel)] = append(out[filepath.ToSlash(rel)], strings.Join([]string{at(al, i), at(bl, i)}, " → "))
			}
		}
		return nil
	})
	return out
}

func at(ls []string, i int) string {
	if i < len(ls) {
		return ls[i]
	}
	return "(none)"
}

// TestUpdateUnchanged imports the seed into the curated department: it
// says the same in Chinese, so no file changes.
func TestUpdateUnchanged(t *testing.T) {
	dir := fullContent(t)
	out := runUpdate(t, dir, seed)
	if !strings.Contains(out, "0 changes") {
		t.Errorf("stdout:\n%s", out)
	}
	if ch := changedFiles(t, dir); len(ch) > 0 {
		t.Errorf("files changed: %v", ch)
	}
}

// TestUpdateOneValue edits one item in the source: exactly that value's
// line changes in its file, and the change is printed.
func TestUpdateOneValue(t *testing.T) {
	dir := fullContent(t)
	out := runUpdate(t, dir, editedSeed(t, "⑬负责工业产品生产许可证企业的监督管理。", "⑬负责工业产品生产许可证获证企业的监督管理。"))
	if !strings.Contains(out, `~ duties/3.toml item 13 text: "负责工业产品生产许可证企业的监督管理。" → "负责工业产品生产许可证获证企业的监督管理。"`) {
		t.Errorf("stdout lacks the change:\n%s", out)
	}
	ch := changedFiles(t, dir)
	want := `text.zh = "负责工业产品生产许可证企业的监督管理。" → text.zh = "负责工业产品生产许可证获证企业的监督管理。"`
	if len(ch) != 1 || len(ch["duties/3.toml"]) != 1 || ch["duties/3.toml"][0] != want {
		t.Errorf("changed lines: %v\nwant only duties/3.toml: %s", ch, want)
	}
}

// TestUpdateRemovedRecord drops a service from the source: the service
// is reported removed and the others keep their English.
func TestUpdateRemovedRecord(t *testing.T) {
	dir := fullContent(t)
	out := runUpdate(t, dir, editedSeed(t, "5\t6.9 世界认可日\t旨在推动认证认可活动在全球的广泛开展。\t质量科\t0539-2656037\n", ""))
	for _, want := range []string{`- services.toml service 5 title: "6.9 世界认可日"`, "! services.toml: records added or removed inside it: written anew"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	d := loadDept(t, dir, curated)
	if len(d.Services) != 4 || d.Services[0].Title.En != "Quality Month activities" || len(d.Services[0].Regimes) == 0 {
		t.Errorf("services after the update: %d, first %+v", len(d.Services), d.Services[0])
	}
	if ch := changedFiles(t, dir); len(ch) != 1 {
		t.Errorf("files changed: %v", ch)
	}
}
