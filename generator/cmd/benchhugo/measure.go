package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// siteStats counts a built site: its files and bytes, and its HTML pages
// and their bytes.
type siteStats struct {
	files, bytes, pages, htmlBytes int
	src                            string // the content folder (Qingdan)
}

func count(dir string) (siteStats, error) {
	var s siteStats
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		s.files++
		s.bytes += int(fi.Size())
		if strings.HasSuffix(p, ".html") {
			s.pages++
			s.htmlBytes += int(fi.Size())
		}
		return nil
	})
	if s.pages == 0 && err == nil {
		err = fmt.Errorf("%s: no HTML pages", dir)
	}
	return s, err
}

// timing is one tool's timed builds: wall time and peak resident memory.
type timing struct {
	name  string
	walls []time.Duration
	rss   []int64 // kilobytes
}

func (t *timing) median() time.Duration {
	w := slices.Clone(t.walls)
	slices.Sort(w)
	return w[len(w)/2]
}

func (t *timing) maxRSS() int64 { return slices.Max(t.rss) }

// timed runs a build into a fresh out folder and records it.
func (t *timing) timed(out string, name string, args ...string) error {
	os.RemoveAll(out)
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if b, err := cmd.Output(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, b)
	}
	t.walls = append(t.walls, time.Since(start))
	t.rss = append(t.rss, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
	return nil
}

func (b *bench) qingdanArgs(src, out string) []string {
	return []string{"build", "-content", src, "-layouts", b.layouts, "-out", out}
}

func (b *bench) hugoArgs(src, out string) []string {
	return []string{"--source", src, "--destination", out, "--quiet", "--cacheDir", filepath.Join(b.dir, "hugo-cache"), "--minify"}
}

// alternate times both tools in turn, after a warm-up build of each.
func (b *bench) alternate(q siteStats, hugoSrc string) (*timing, *timing) {
	qt, ht := &timing{name: "qingdan"}, &timing{name: "hugo"}
	qOut, hOut := filepath.Join(b.dir, "qd-out"), filepath.Join(b.dir, "hugo-out")
	for i := -1; i < b.runs; i++ {
		must(qt.timed(qOut, b.qd, b.qingdanArgs(q.src, qOut)...))
		must(ht.timed(hOut, b.hugo, b.hugoArgs(hugoSrc, hOut)...))
		if i < 0 { // the warm-up is not counted
			qt.walls, qt.rss, ht.walls, ht.rss = nil, nil, nil, nil
			continue
		}
		fmt.Printf("run %d: qingdan %.2f s (%d MB), hugo %.2f s (%d MB)\n", i+1,
			qt.walls[i].Seconds(), qt.rss[i]/1024, ht.walls[i].Seconds(), ht.rss[i]/1024)
	}
	return qt, ht
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchhugo:", err)
		os.Exit(1)
	}
}

func report(q, h *timing, qPages, hPages int) {
	qps := float64(qPages) / q.median().Seconds()
	hps := float64(hPages) / h.median().Seconds()
	fmt.Printf("\n%d runs each, alternating, medians:\n", len(q.walls))
	fmt.Printf("  qingdan  %6.2f s  %7.0f pages/s  peak RSS %5d MB\n", q.median().Seconds(), qps, q.maxRSS()/1024)
	fmt.Printf("  hugo     %6.2f s  %7.0f pages/s  peak RSS %5d MB\n", h.median().Seconds(), hps, h.maxRSS()/1024)
	fmt.Printf("  ratio    %.2f× Hugo's pages per second (target 2×); memory %.2f× Hugo's (target below 1)\n",
		qps/hps, float64(q.maxRSS())/float64(h.maxRSS()))
}

// qingdanSite writes the content of n departments and builds it once.
func (b *bench) qingdanSite(n int) (siteStats, error) {
	src := filepath.Join(b.dir, fmt.Sprintf("qd-content-%d", n))
	os.RemoveAll(src)
	cmd := exec.Command(b.qd, "benchsite", "-content", b.content, "-departments", fmt.Sprint(n), "-out", src)
	if out, err := cmd.CombinedOutput(); err != nil {
		return siteStats{}, fmt.Errorf("benchsite: %v: %s", err, out)
	}
	out := filepath.Join(b.dir, "qd-out")
	var t timing
	if err := t.timed(out, b.qd, b.qingdanArgs(src, out)...); err != nil {
		return siteStats{}, err
	}
	s, err := count(out)
	s.src = src
	return s, err
}

// scaleTo times Qingdan alone at m departments and compares its pages per
// second with those at n.
func (b *bench) scaleTo(n, m int, atN time.Duration, pagesN int) error {
	s, err := b.qingdanSite(m)
	if err != nil {
		return err
	}
	t := &timing{}
	out := filepath.Join(b.dir, "qd-out")
	runs := max(3, b.runs/2)
	for range runs {
		if err := t.timed(out, b.qd, b.qingdanArgs(s.src, out)...); err != nil {
			return err
		}
	}
	psN, psM := float64(pagesN)/atN.Seconds(), float64(s.pages)/t.median().Seconds()
	fmt.Printf("\nqingdan at %d departments: %d HTML pages, median of %d: %.2f s, %.0f pages/s, peak RSS %d MB\n",
		m, s.pages, runs, t.median().Seconds(), psM, t.maxRSS()/1024)
	fmt.Printf("  %.2f× the pages per second at %d departments (target within 20%%: 0.80 or more)\n", psM/psN, n)
	os.RemoveAll(s.src)
	return nil
}
