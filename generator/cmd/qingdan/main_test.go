package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// treeHash hashes every file's path, mode and bytes under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %v\n", rel, info.Mode())
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h.Write(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// copyTree copies src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// TestBrokenBuildLeavesPublic builds the real site, breaks one content
// file, builds again: the command must fail with a positioned error and
// leave public/ exactly as it was.
func TestBrokenBuildLeavesPublic(t *testing.T) {
	t.Parallel()
	long(t)
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, "../../../content", content)
	public := filepath.Join(dir, "public")
	var out, errb bytes.Buffer
	if code := run([]string{"build", "-content", content, "-layouts", "../../../layouts", "-out", public}, &out, &errb); code != 0 {
		t.Fatalf("first build failed (%d): %s", code, errb.String())
	}
	before := treeHash(t, public)

	f := filepath.Join(content, "departments/linyi-qts/duties/2.toml")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "[[item]]\nn = 5\n", "[[item]]\nn = \"five\"\n", 1)
	if broken == string(b) {
		t.Fatal("could not break duties/2.toml: fixture changed")
	}
	os.WriteFile(f, []byte(broken), 0o644)
	out.Reset()
	errb.Reset()
	code := run([]string{"build", "-content", content, "-layouts", "../../../layouts", "-out", public}, &out, &errb)
	if code != 1 {
		t.Errorf("broken build exited %d, want 1", code)
	}
	if !regexp.MustCompile(`duties/2\.toml:\d+:\d+: wrong type for item\.n`).MatchString(errb.String()) {
		t.Errorf("error does not name file:line:column and the key:\n%s", errb.String())
	}
	if after := treeHash(t, public); after != before {
		t.Error("a failed build changed public/")
	}
	noTemps(t, dir, "a failed build")
}

// TestCheckReportsUntranslated: check counts the fields pending
// translation per file and passes; -publish refuses them (each at its
// file:line:column) and a site without its registration codes; build fails
// on them as missing translations, build -draft builds.
func TestCheckReportsUntranslated(t *testing.T) {
	t.Parallel()
	long(t)
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, "../../../content", content)
	var out, errb bytes.Buffer
	if code := run([]string{"check", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 0 {
		t.Fatalf("check of the real content exited %d: %s", code, errb.String())
	}
	if !regexp.MustCompile(`site.toml:\d+:1: not ready to publish: site_code`).MatchString(errb.String()) {
		t.Errorf("check does not warn of the missing site code:\n%s", errb.String())
	}
	if code := run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 1 {
		t.Errorf("check -publish exited %d without registration codes, want 1", code)
	}

	f := filepath.Join(content, "departments/linyi-qts/services.toml")
	b, _ := os.ReadFile(f)
	lines := strings.Split(string(b), "\n")
	removed := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "office.en") || strings.Contains(l, "office = {") {
			removed++
			if strings.HasPrefix(l, "office.en") {
				lines[i] = ""
			} else {
				lines[i] = regexp.MustCompile(`, en = "[^"]*"`).ReplaceAllString(l, "")
			}
		}
	}
	if removed == 0 {
		t.Fatal("services.toml has no office field: fixture changed")
	}
	os.WriteFile(f, []byte(strings.Join(lines, "\n")), 0o644)
	errb.Reset()
	if code := run([]string{"check", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 0 {
		t.Errorf("check with fields pending translation exited %d, want 0:\n%s", code, errb.String())
	}
	count := fmt.Sprintf("pending translation: %s/departments/linyi-qts/services.toml: %d field(s) await English\n", content, removed)
	if !strings.Contains(errb.String(), count) {
		t.Errorf("check does not count the pending fields per file (want %q):\n%s", count, errb.String())
	}
	if want := fmt.Sprintf("%d field(s) await English: make (the site to publish) refuses", removed); !strings.Contains(errb.String(), want) {
		t.Errorf("check with fields pending translation does not say the build to publish refuses them (want %q):\n%s", want, errb.String())
	}
	errb.Reset()
	if code := run([]string{"check", "-publish", "-content", content, "-layouts", "../../../layouts"}, &out, &errb); code != 1 {
		t.Errorf("check -publish with fields pending translation exited %d, want 1", code)
	}
	got := regexp.MustCompile(`services\.toml:\d+:\d+: pending translation: service\[\d\]\.office\.en: not ready to publish`).FindAllString(errb.String(), -1)
	if len(got) != removed {
		t.Errorf("check -publish listed %d untranslated office fields, want %d:\n%s", len(got), removed, errb.String())
	}
	errb.Reset()
	pub := filepath.Join(dir, "public")
	if code := run([]string{"build", "-content", content, "-layouts", "../../../layouts", "-out", pub}, &out, &errb); code != 1 {
		t.Errorf("build with fields pending translation exited %d, want 1", code)
	}
	got = regexp.MustCompile(`services\.toml:\d+:\d+: missing translation: the \d+(st|nd|rd|th) \[\[service\]\]'s office has Chinese but no English: add office\.en`).FindAllString(errb.String(), -1)
	if len(got) != removed {
		t.Errorf("build listed %d untranslated office fields, want %d:\n%s", len(got), removed, errb.String())
	}
	if code := run([]string{"build", "-draft", "-content", content, "-layouts", "../../../layouts", "-out", pub}, &out, &errb); code != 0 {
		t.Errorf("build -draft exited %d, want 0:\n%s", code, errb.String())
	}
}

// long skips, under -short, a test that builds the whole site through the
// command: make unit runs the suite with -race -short, make long runs these
// without the race detector.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the whole site: make long runs it")
	}
}
