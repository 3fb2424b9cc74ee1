// Command benchhugo times a Qingdan build against Hugo's on the same
// amount of output, side by side, alternating, into a tmpfs:
//
//	benchhugo [-departments 100] [-runs 5] [-scale 1000] [-qingdan bin/qingdan] [-dir /mnt/qingdan-bench]
//
// It writes a content folder of N departments (qingdan benchsite), builds
// it once to count its HTML pages and their bytes, and generates a
// bilingual Hugo site (zh and en) that builds into the same number of HTML
// pages with the same bytes per page (within a few per cent: it calibrates
// the Markdown of its pages on Hugo's own output). Then it builds each
// site -runs times, alternating, each into a fresh folder of the tmpfs
// (mounted at -dir unless one is there already), after one untimed
// warm-up build of each, and prints each tool's median, its pages per
// second, the ratio of Qingdan's to Hugo's, and each build's peak
// resident memory (the child's rusage). With -scale M it then times
// Qingdan alone at M departments and compares its pages per second with
// that at N. `make bench-hugo` installs Hugo (Debian's package) and runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("departments", 100, "departments of the generated site")
	runs := flag.Int("runs", 5, "timed builds of each tool")
	scale := flag.Int("scale", 0, "also time Qingdan alone at this many departments (0: no)")
	qd := flag.String("qingdan", "bin/qingdan", "the qingdan command")
	hugo := flag.String("hugo", "hugo", "the hugo command")
	dir := flag.String("dir", "/mnt/qingdan-bench", "tmpfs to build into (mounted if it is not one)")
	content := flag.String("content", "content", "content folder benchsite copies")
	layouts := flag.String("layouts", "layouts", "layouts folder")
	flag.Parse()
	b := &bench{qd: abs(*qd), hugo: *hugo, dir: *dir, content: abs(*content), layouts: abs(*layouts), runs: *runs}
	if err := b.run(*n, *scale); err != nil {
		fmt.Fprintln(os.Stderr, "benchhugo:", err)
		os.Exit(1)
	}
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// bench holds the tools and places of one comparison.
type bench struct {
	qd, hugo, dir, content, layouts string
	runs                            int
}

func (b *bench) run(n, scale int) error {
	if err := tmpfs(b.dir); err != nil {
		return err
	}
	if out, err := exec.Command(b.hugo, "version").CombinedOutput(); err != nil {
		return fmt.Errorf("hugo: %v (make bench-hugo installs it)", err)
	} else {
		fmt.Print("hugo: ", string(out))
	}
	qdSite, err := b.qingdanSite(n)
	if err != nil {
		return err
	}
	fmt.Printf("qingdan site: %d departments, %d HTML pages, %d bytes per page on average (%d files, %.1f MB in all)\n",
		n, qdSite.pages, qdSite.htmlBytes/qdSite.pages, qdSite.files, float64(qdSite.bytes)/1e6)
	hugoSrc := filepath.Join(b.dir, "hugo-src")
	hs, err := b.hugoSite(hugoSrc, qdSite, n)
	if err != nil {
		return err
	}
	fmt.Printf("hugo site: %d HTML pages, %d bytes per page on average (%d files, %.1f MB in all)\n",
		hs.pages, hs.htmlBytes/hs.pages, hs.files, float64(hs.bytes)/1e6)
	q, h := b.alternate(qdSite, hugoSrc)
	report(q, h, qdSite.pages, hs.pages)
	if scale > 0 {
		return b.scaleTo(n, scale, q.median(), qdSite.pages)
	}
	return nil
}

// tmpfs mounts a tmpfs at dir unless one is mounted there.
func tmpfs(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	mounts, _ := os.ReadFile("/proc/mounts")
	for _, l := range strings.Split(string(mounts), "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[1] == dir && f[2] == "tmpfs" {
			return nil
		}
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8g", "tmpfs", dir).CombinedOutput(); err != nil {
		return fmt.Errorf("mount a tmpfs at %s: %v: %s (run as root, or mount one there)", dir, err, out)
	}
	return nil
}
