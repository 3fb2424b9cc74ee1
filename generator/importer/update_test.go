package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
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
	t.Parallel()
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
	t.Parallel()
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

// TestUpdateRecords drops a service from the source, changes another's
// title and phone, and adds an item to duty 7 (renumbering duty 8's item
// from 43 to 44): the service's block is cut, the two values rewritten in
// their lines, the item's block written after item 42, and the renumbered
// item keeps its English; every change is printed.
func TestUpdateRecords(t *testing.T) {
	t.Parallel()
	dir := fullContent(t)
	out := runUpdate(t, dir, editedSeed(t,
		"5\t6.9 世界认可日\t旨在推动认证认可活动在全球的广泛开展。\t质量科\t0539-2656037\n", "",
		"4\t特种设备安全宣传教育", "4\t特种设备安全宣传教育活动",
		"0539-2656050", "0539-2656051",
		"④⑫检查高耗能特种设备节能标准的执行情况。\t\n", "④⑫检查高耗能特种设备节能标准的执行情况。\t\n\t\t④③依法查处特种设备违法行为。\t\n"))
	for _, want := range []string{
		`- services.toml service 5: "6.9 世界认可日"`,
		`~ services.toml service 4 title: "特种设备安全宣传教育" → "特种设备安全宣传教育活动"`,
		`~ services.toml service 4 phone: "0539-2656050" → "0539-2656051"` + "\n",
		`+ duties/7.toml item 43: "依法查处特种设备违法行为。"`,
		"! item 43 is now item 44",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	read := func(base, name string) string {
		b, err := os.ReadFile(filepath.Join(base, "departments", curated, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	oldSvc, svc := read(contentDir, "services.toml"), read(dir, "services.toml")
	oldSvc = oldSvc[:strings.Index(oldSvc, "\n\n[[service]]\nid = \"5\"")] + "\n"
	oldSvc = strings.Replace(oldSvc, `title.zh = "特种设备安全宣传教育"`, `title.zh = "特种设备安全宣传教育活动"`, 1)
	if oldSvc = strings.Replace(oldSvc, `phone = "0539-2656050"`, `phone = "0539-2656051"`, 1); svc != oldSvc {
		t.Errorf("services.toml is not the old file with service 5's block cut and two values changed:\n%s", svc)
	}
	item := "[[item]]\nn = 43\ntext.zh = \"依法查处特种设备违法行为。\"\nregimes = [\"special-equipment\", \"enforcement\"]\n\n"
	if d7 := read(dir, "duties/7.toml"); strings.Replace(d7, item+"[[basis]]", "[[basis]]", 1) != read(contentDir, "duties/7.toml") {
		t.Errorf("duties/7.toml is not the old file with item 43 before the bases:\n%s", d7)
	}
	if ch := changedFiles(t, dir); len(ch["duties/8.toml"]) != 1 || ch["duties/8.toml"][0] != "n = 43 → n = 44" || len(ch) != 3 {
		t.Errorf("changed lines: %v", ch)
	}
}

// TestUpdateInsideRecord adds a circumstance to an article: the file is
// written anew, keeping the English of what did not change.
func TestUpdateInsideRecord(t *testing.T) {
	t.Parallel()
	dir := fullContent(t)
	out := runUpdate(t, dir, editedSeed(t, "第六十八条：滥用职权、玩忽职守、徇私舞弊的。", "第六十八条：滥用职权、玩忽职守、徇私舞弊的；拒不执行的。"))
	for _, want := range []string{
		`+ duties/1.toml basis 1 article 4 circumstances[1]: "拒不执行的。"`,
		"! duties/1.toml: values added or removed inside a record: written anew",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	d := loadDept(t, dir, curated)
	du, old := d.Duties[0], loadDept(t, contentDir, curated).Duties[0]
	if du.Items[0].Text != old.Items[0].Text || du.Title != old.Title || !slices.Equal(du.Items[1].Regimes, old.Items[1].Regimes) {
		t.Errorf("duty 1's English or regimes were not kept: %+v", du.Items[0].Text)
	}
	if c := du.Bases[0].Articles[3].Circumstances; len(c) != 2 || c[1].Zh != "拒不执行的。" || c[1].En != "" {
		t.Errorf("article 68: %+v", c)
	}
}
