package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tinySite(v string) *Output {
	return &Output{Files: map[string][]byte{"index.html": []byte(v), "a/b.html": []byte("b" + v)}}
}

func mustWrite(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWriteRefusesForeignFolders: issue 12 finding 1. Before, Write replaced
// whatever it was pointed at (the sources, a project with its .git, a
// regular file) and exited 0.
func TestWriteRefusesForeignFolders(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "content/site.toml"), "x")
	mustWrite(t, filepath.Join(root, "layouts/base.html"), "x")
	mustWrite(t, filepath.Join(root, "README.md"), "readme")
	mustWrite(t, filepath.Join(root, ".git/HEAD"), "ref")
	mustWrite(t, filepath.Join(root, "file.txt"), "file")
	mustWrite(t, filepath.Join(root, "fresh/"+Marker), "x")
	os.MkdirAll(filepath.Join(root, "built/content"), 0o755)
	mustWrite(t, filepath.Join(root, "built", Marker), markerText)
	keep := []string{filepath.Join(root, "content"), filepath.Join(root, "layouts")}
	for _, c := range []struct{ out, want string }{
		{"content", "is or holds"},
		{"layouts", "is or holds"},
		{".", "is or holds"},
		{"file.txt", "is a file, not a folder"},
		{"content/site.toml", "is a file"},
	} {
		err := Write(tinySite("new"), filepath.Join(root, c.out), keep...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("-out %s: got %v, want an error saying %q", c.out, err, c.want)
		}
	}
	// A project folder (no marker) is refused even when it holds no sources.
	if err := Write(tinySite("new"), root); err == nil || !strings.Contains(err.Error(), "not a folder Qingdan built") {
		t.Errorf("-out project root: got %v", err)
	}
	// A folder holding the content folder, even one an earlier build marked.
	if err := Write(tinySite("new"), filepath.Join(root, "built"), filepath.Join(root, "built/content")); err == nil {
		t.Error("-out a marked folder holding the content folder: no error")
	}
	if readString(t, filepath.Join(root, "README.md")) != "readme" || readString(t, filepath.Join(root, "file.txt")) != "file" ||
		readString(t, filepath.Join(root, ".git/HEAD")) != "ref" || readString(t, filepath.Join(root, "content/site.toml")) != "x" {
		t.Error("a refused build changed files")
	}
}

// TestWriteOwnFolders: absent, empty and marked folders are written, and
// the marker is in the result.
func TestWriteOwnFolders(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "empty"), 0o755)
	for _, out := range []string{"absent", "empty", "absent"} { // the third: marked by the first
		dir := filepath.Join(root, out)
		if err := Write(tinySite(out), dir); err != nil {
			t.Fatalf("-out %s: %v", out, err)
		}
		if readString(t, filepath.Join(dir, "index.html")) != out || readString(t, filepath.Join(dir, Marker)) != marker() {
			t.Errorf("-out %s: site or marker not written", out)
		}
	}
}

// TestWriteFollowsLink: issue 12 finding 1. Before, an output that was a
// link to the web root was replaced by a folder and the web root never
// updated.
func TestWriteFollowsLink(t *testing.T) {
	root := t.TempDir()
	web := filepath.Join(root, "srv/www")
	os.MkdirAll(filepath.Dir(web), 0o755)
	if err := Write(tinySite("old"), web); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(root, "public")
	if err := os.Symlink(web, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(tinySite("new"), link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", fi, err)
	}
	if got := readString(t, filepath.Join(web, "index.html")); got != "new" {
		t.Errorf("the web root has %q, want the new site", got)
	}
	os.Symlink(filepath.Join(root, "nowhere"), filepath.Join(root, "dangling"))
	if err := Write(tinySite("new"), filepath.Join(root, "dangling")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("-out a dangling link: got %v", err)
	}
}

// TestWriteRemovesStaleTemps: issue 12 finding 5. Before, the temporary
// folders of killed builds stayed beside the output for ever.
func TestWriteRemovesStaleTemps(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	stale := []string{".public.build-123456", ".public.build-123456.old", ".public.build-999999999-42", ".public.build-999999999-42-old"}
	for _, s := range stale {
		mustWrite(t, filepath.Join(root, s, "index.html"), "half")
	}
	live := filepath.Join(root, ".public.build-1-7") // pid 1 runs
	mustWrite(t, filepath.Join(live, "index.html"), "busy")
	mustWrite(t, filepath.Join(root, ".other.build-5"), "not ours")
	if err := Write(tinySite("new"), out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), ".other.build-5 .public.build-1-7 public"; got != want {
		t.Errorf("beside the output: %s, want %s", got, want)
	}
}
