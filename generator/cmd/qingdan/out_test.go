package main

import (
	"bufio"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qingdan/generator/site"
)

// TestKilledBuilds: issue 12 finding 5. The command, built once, is killed
// (SIGKILL) at random moments of a build, half of the times inside the
// swap (the test hook pauses there): the output must always be exactly the
// old or the new site, and after the next whole build no temporary folder
// may be left beside it. Before, kills left their temporary folders for
// ever, and a kill between the swap's two renames left no output at all.
func TestKilledBuilds(t *testing.T) {
	t.Parallel()
	long(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "qingdan")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	content, public := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	copyTree(t, "../../../content", content)
	layouts, _ := filepath.Abs("../../../layouts")
	siteToml, _ := os.ReadFile(filepath.Join(content, "site.toml"))
	version := func(v string) { // two sites that differ on every page
		s := strings.Replace(string(siteToml), `site_code = ""`, `site_code = "`+v+`"`, 1)
		if err := os.WriteFile(filepath.Join(content, "site.toml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func(pause string) *exec.Cmd {
		cmd := exec.Command(bin, "build", "-content", content, "-layouts", layouts, "-out", public)
		cmd.Env = append(os.Environ(), site.PauseEnv+"="+pause)
		return cmd
	}
	hash := map[string]string{}
	var took time.Duration
	for _, v := range []string{"1", "2"} {
		version(v)
		start := time.Now()
		if out, err := build("").CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
		took = max(took, time.Since(start))
		hash[v] = treeHash(t, public)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d; a build takes %v", seed, took)
	rng := rand.New(rand.NewPCG(seed, 1))
	const pause = 50 * time.Millisecond
	for i := range 8 {
		v := []string{"1", "2"}[i%2]
		version(v)
		cmd := build(pause.String())
		stderr, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 { // anywhere in the build
			time.Sleep(time.Duration(rng.Int64N(int64(took))))
		} else { // inside the swap: before or after its step
			sc := bufio.NewScanner(stderr)
			for range 1 + rng.IntN(2) {
				sc.Scan()
			}
			time.Sleep(time.Duration(rng.Int64N(int64(pause))))
		}
		cmd.Process.Kill()
		cmd.Wait()
		if h := treeHash(t, public); h != hash["1"] && h != hash["2"] {
			t.Fatalf("kill %d left an output that is neither the old nor the new site", i)
		}
	}
	version("1")
	if out, err := build("").CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, out)
	}
	if treeHash(t, public) != hash["1"] {
		t.Error("the build after the kills did not write the site")
	}
	noTemps(t, dir, "the build after the kills")
}

// noTemps fails the test if dir holds a build's temporary folder.
func noTemps(t *testing.T, dir, after string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".build-") {
			t.Errorf("%s left %s behind", after, e.Name())
		}
	}
}

// TestBuildRefusesSources: issue 12 finding 1. Before, `build -out content`
// deleted the sources and exited 0.
func TestBuildRefusesSources(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	copyTree(t, "../../../content", content)
	before := treeHash(t, content)
	var out, errb strings.Builder
	code := run([]string{"build", "-content", content, "-layouts", "../../../layouts", "-out", content}, &out, &errb)
	if code != 1 || !strings.Contains(errb.String(), "is or holds") {
		t.Errorf("build -out content exited %d:\n%s", code, errb.String())
	}
	if treeHash(t, content) != before {
		t.Error("build -out content changed the sources")
	}
}
